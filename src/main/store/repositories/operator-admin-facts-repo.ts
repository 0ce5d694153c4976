import type { CostCenter, VendorFacts } from '../../domain/cost-center-rules';
import type { SimulatedLine, SimulatedPo } from '../../domain/admin/po-access-simulation';
import type { SchemeFacts } from '../../domain/admin/scheme-lists';
import type { Db } from '../connect';
import type { PoStatusColumn } from '../schema';

/**
 * The facts "What may this operator do?" and entry readiness are judged on, read in a few set-wise
 * queries: schemes with their lists and overrides, the catalogue, vendors with the cost centers
 * they share, warehouses, and POs with their lines as change mode reads them (po-repo's
 * findStoredLines: the work order's site, else its job's, else the line's job's).
 */

const toCostCenter = (row: { code: string; description: string; active: number }): CostCenter => ({ code: row.code, description: row.description, active: row.active === 1 });

/** Each scheme asked for, by id, with its list in order and its overrides in theirs. */
export async function loadSchemeFacts(db: Db, schemeIds: readonly number[]): Promise<Map<number, SchemeFacts>> {
  const ids = [...new Set(schemeIds)];
  const facts = new Map<number, SchemeFacts>();
  if (ids.length === 0) return facts;
  const [schemes, lists, overrides] = await Promise.all([
    db.selectFrom('schemes').select(['id', 'name']).where('id', 'in', ids).execute(),
    db
      .selectFrom('scheme_cost_centers as sc')
      .innerJoin('cost_centers as cc', 'cc.id', 'sc.cost_center_id')
      .select(['sc.scheme_id', 'cc.code', 'cc.description', 'cc.active'])
      .where('sc.scheme_id', 'in', ids)
      .orderBy('sc.scheme_id')
      .orderBy('sc.position')
      .execute(),
    db
      .selectFrom('scheme_overrides as o')
      .leftJoin('scheme_override_cost_centers as oc', 'oc.override_id', 'o.id')
      .leftJoin('cost_centers as cc', 'cc.id', 'oc.cost_center_id')
      .select(['o.id', 'o.scheme_id', 'o.kind', 'o.override_key', 'cc.code', 'cc.description', 'cc.active'])
      .where('o.scheme_id', 'in', ids)
      .orderBy('o.id')
      .orderBy('oc.position')
      .execute(),
  ]);
  for (const scheme of schemes) {
    const byOverride = new Map<number, { kind: (typeof overrides)[number]['kind']; key: string; costCenters: CostCenter[] }>();
    for (const row of overrides) {
      if (row.scheme_id !== scheme.id) continue;
      let override = byOverride.get(row.id);
      if (!override) byOverride.set(row.id, (override = { kind: row.kind, key: row.override_key, costCenters: [] }));
      if (row.code !== null && row.description !== null && row.active !== null) override.costCenters.push(toCostCenter({ code: row.code, description: row.description, active: row.active }));
    }
    facts.set(scheme.id, {
      code: scheme.name,
      costCenters: lists.filter((row) => row.scheme_id === scheme.id).map(toCostCenter),
      overrides: [...byOverride.values()],
    });
  }
  return facts;
}

export async function schemeIdByCode(db: Db, code: string): Promise<number | undefined> {
  const row = await db.selectFrom('schemes').select('id').where('name', '=', code).executeTakeFirst();
  return row?.id;
}

export async function loadCostCenterCatalogue(db: Db): Promise<CostCenter[]> {
  const rows = await db.selectFrom('cost_centers').select(['code', 'description', 'active']).orderBy('code').execute();
  return rows.map(toCostCenter);
}

/**
 * Vendors with the cost centers they share, code order: at most `limit`, plus `alwaysCode` when
 * given (the vendor the admin chose), so an installation with 100,000 vendors still answers at once.
 */
export async function loadVendorFacts(db: Db, limit: number, alwaysCode: string | null = null): Promise<{ vendors: VendorFacts[]; total: number }> {
  const [firstRows, chosen, count] = await Promise.all([
    db.selectFrom('vendors').select(['id', 'code', 'name']).orderBy('code').limit(limit).execute(),
    alwaysCode === null ? Promise.resolve([]) : db.selectFrom('vendors').select(['id', 'code', 'name']).where('code', '=', alwaysCode).execute(),
    db.selectFrom('vendors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = [...firstRows, ...chosen.filter((row) => !firstRows.some((first) => first.id === row.id))];
  const links =
    rows.length === 0
      ? []
      : await db
          .selectFrom('vendor_cost_centers as vc')
          .innerJoin('cost_centers as cc', 'cc.id', 'vc.cost_center_id')
          .select(['vc.vendor_id', 'cc.code'])
          .where('vc.vendor_id', 'in', rows.map((row) => row.id))
          .orderBy('cc.code')
          .execute();
  const shared = new Map<number, string[]>();
  for (const link of links) shared.set(link.vendor_id, [...(shared.get(link.vendor_id) ?? []), link.code]);
  return { vendors: rows.map((row) => ({ code: row.code, name: row.name, costCenterCodes: shared.get(row.id) ?? [] })), total: Number(count.n) };
}

export async function loadWarehouseChoices(db: Db): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('warehouses').select(['code', 'name']).orderBy('code').execute();
}

const OPEN_STATUSES: readonly PoStatusColumn[] = ['draft', 'submitted', 'approved', 'released'];

/** POs neither closed nor cancelled, newest first, with their line numbers: what the simulator offers to choose. */
export async function listOpenPoNumbers(db: Db, limit: number): Promise<{ number: string; status: PoStatusColumn; lineNumbers: number[] }[]> {
  const pos = await db.selectFrom('purchase_orders').select(['id', 'number', 'status']).where('status', 'in', OPEN_STATUSES).orderBy('id', 'desc').limit(limit).execute();
  if (pos.length === 0) return [];
  const lines = await db.selectFrom('po_lines').select(['po_id', 'line_number']).where('po_id', 'in', pos.map((po) => po.id)).orderBy('line_number').execute();
  return pos.map((po) => ({ number: po.number, status: po.status, lineNumbers: lines.filter((line) => line.po_id === po.id).map((line) => line.line_number) }));
}

/** POs with their lines as change mode judges them: every open PO, or the one numbered (whatever its status). */
export async function loadSimulatedPos(db: Db, which: { number: string } | 'open'): Promise<SimulatedPo[]> {
  let query = db
    .selectFrom('purchase_orders as po')
    .innerJoin('warehouses as w', 'w.id', 'po.warehouse_id')
    .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
    .select(['po.id', 'po.number', 'po.status', 'w.code as warehouseCode', 'cc.code as costCenterCode']);
  query = which === 'open' ? query.where('po.status', 'in', OPEN_STATUSES) : query.where('po.number', '=', which.number);
  const headers = await query.orderBy('po.number').execute();
  if (headers.length === 0) return [];
  const rows = await db
    .selectFrom('po_lines as l')
    .innerJoin('po_line_distributions as d', 'd.line_id', 'l.id')
    .leftJoin('cost_centers as cc', 'cc.id', 'd.cost_center_id')
    .leftJoin('jobs as j', 'j.id', 'd.job_id')
    .leftJoin('work_orders as wo', 'wo.id', 'd.work_order_id')
    .leftJoin('jobs as woj', 'woj.id', 'wo.job_id')
    .leftJoin('gl_accounts as gl', 'gl.id', 'd.gl_account_id')
    .select([
      'l.po_id',
      'l.line_number',
      'd.distribution_type',
      'cc.code as costCenterCode',
      'wo.code as workOrderCode',
      'j.site_address as jobSite',
      'wo.site_address as workOrderSite',
      'woj.site_address as workOrderJobSite',
      'gl.code as glCode',
      'gl.description as glDescription',
      'gl.wip as glWip',
    ])
    .where('l.po_id', 'in', headers.map((header) => header.id))
    .orderBy('l.po_id')
    .orderBy('l.line_number')
    .execute();
  const linesOf = new Map<number, SimulatedLine[]>();
  for (const row of rows) {
    const line: SimulatedLine = {
      lineNumber: row.line_number,
      costCenterCode: row.costCenterCode,
      glAccount: row.glCode === null ? null : { code: row.glCode, description: row.glDescription ?? '', wip: row.glWip === 1 },
      siteAddress: row.workOrderSite || row.workOrderJobSite || row.jobSite || '',
      distributionType: row.distribution_type,
      workOrderCode: row.workOrderCode,
    };
    linesOf.set(row.po_id, [...(linesOf.get(row.po_id) ?? []), line]);
  }
  return headers.map((header) => ({
    number: header.number,
    status: header.status,
    warehouseCode: header.warehouseCode,
    headerCostCenterCode: header.costCenterCode,
    lines: linesOf.get(header.id) ?? [],
  }));
}
