import type { UsageEntry } from '../../domain/admin/in-use';
import type { MasterDataKind } from '../../../shared/admin-schemas';
import type { Db } from '../connect';
import type { OverrideKind } from '../schema';
import { codingUsage } from './master-data-coding-usage-repo';

/**
 * Where a master-data record is used, counted in the store for the domain's deletion rule
 * (domain/admin/in-use.ts): POs are counted, the records that can be changed (schemes, vendors,
 * overrides…) are named so the admin knows where to take it off.
 */

const count = (rows: { n: number | string | bigint } | undefined) => Number(rows?.n ?? 0);

/** POs that name the record on their header, or on a line's item or distribution. */
async function poCount(db: Db, kind: MasterDataKind, id: number): Promise<number> {
  const distinctPos = (query: ReturnType<typeof distributionPos>) => query.select((eb) => eb.fn.count<number>('l.po_id').distinct().as('n')).executeTakeFirst();
  const distributionPos = () => db.selectFrom('po_line_distributions as d').innerJoin('po_lines as l', 'l.id', 'd.line_id');
  switch (kind) {
    case 'cost-center': {
      const ids = await db
        .selectFrom('purchase_orders')
        .select('id')
        .where('cost_center_id', '=', id)
        .union(distributionPos().select('l.po_id as id').where('d.cost_center_id', '=', id))
        .execute();
      return ids.length;
    }
    case 'vendor':
      return count(await db.selectFrom('purchase_orders').select((eb) => eb.fn.countAll<number>().as('n')).where('vendor_id', '=', id).executeTakeFirst());
    case 'warehouse':
      return count(await db.selectFrom('purchase_orders').select((eb) => eb.fn.countAll<number>().as('n')).where('warehouse_id', '=', id).executeTakeFirst());
    case 'item':
      return count(await db.selectFrom('po_lines').select((eb) => eb.fn.count<number>('po_id').distinct().as('n')).where('item_id', '=', id).executeTakeFirst());
    case 'job':
      return count(await distinctPos(distributionPos().where('d.job_id', '=', id)));
    case 'work-order':
      return count(await distinctPos(distributionPos().where('d.work_order_id', '=', id)));
    case 'gl-account':
      return count(await distinctPos(distributionPos().where('d.gl_account_id', '=', id)));
    case 'cost-type':
      return count(await distinctPos(distributionPos().where('d.cost_type_id', '=', id)));
    case 'scheme':
      return 0;
  }
}

const CASE_WORD: Readonly<Record<OverrideKind, string>> = { warehouse: 'warehouse', site: 'site', 'gl-wip': 'WIP G/L account' };

async function overridesKeyedBy(db: Db, kind: OverrideKind, key: string): Promise<UsageEntry> {
  const rows = await db
    .selectFrom('scheme_overrides as o')
    .innerJoin('schemes as s', 's.id', 'o.scheme_id')
    .select(['s.name'])
    .where('o.kind', '=', kind)
    .where('o.override_key', '=', key)
    .orderBy('s.name')
    .execute();
  return { place: 'scheme-override', count: rows.length, names: rows.map((row) => `${CASE_WORD[kind]} ${key} in scheme ${row.name}`) };
}

async function costCenterPlaces(db: Db, id: number): Promise<UsageEntry[]> {
  const [schemes, overrides, vendors, workOrders, bands, entities] = await Promise.all([
    db.selectFrom('scheme_cost_centers as l').innerJoin('schemes as s', 's.id', 'l.scheme_id').select('s.name').where('l.cost_center_id', '=', id).orderBy('s.name').execute(),
    db
      .selectFrom('scheme_override_cost_centers as l')
      .innerJoin('scheme_overrides as o', 'o.id', 'l.override_id')
      .innerJoin('schemes as s', 's.id', 'o.scheme_id')
      .select(['s.name', 'o.kind', 'o.override_key as key'])
      .where('l.cost_center_id', '=', id)
      .orderBy('s.name')
      .execute(),
    db.selectFrom('vendor_cost_centers as l').innerJoin('vendors as v', 'v.id', 'l.vendor_id').select('v.code').where('l.cost_center_id', '=', id).orderBy('v.code').execute(),
    db.selectFrom('work_orders').select('code').where('cost_center_id', '=', id).orderBy('code').execute(),
    db.selectFrom('approval_bands').select((eb) => eb.fn.countAll<number>().as('n')).where('cost_center_id', '=', id).executeTakeFirst(),
    db.selectFrom('billing_entity_cost_centers as l').innerJoin('billing_entities as b', 'b.id', 'l.billing_entity_id').select('b.code').where('l.cost_center_id', '=', id).orderBy('b.code').execute(),
  ]);
  return [
    { place: 'scheme', count: schemes.length, names: schemes.map((row) => row.name) },
    { place: 'scheme-override', count: overrides.length, names: overrides.map((row) => `${CASE_WORD[row.kind]} ${row.key} in scheme ${row.name}`) },
    { place: 'vendor', count: vendors.length, names: vendors.map((row) => row.code) },
    { place: 'work-order', count: workOrders.length, names: workOrders.map((row) => row.code) },
    { place: 'approval-band', count: count(bands) },
    { place: 'billing-entity', count: entities.length, names: entities.map((row) => row.code) },
  ];
}

/** Every place the record is used; entries with a count of 0 are left for the domain to drop. */
export async function masterUsage(db: Db, kind: MasterDataKind, id: number, code: string): Promise<UsageEntry[]> {
  return [...(await recordUsage(db, kind, id, code)), await codingUsage(db, kind, id, code)];
}

async function recordUsage(db: Db, kind: MasterDataKind, id: number, code: string): Promise<UsageEntry[]> {
  const pos: UsageEntry = { place: 'purchase-order', count: await poCount(db, kind, id) };
  switch (kind) {
    case 'cost-center':
      return [pos, ...(await costCenterPlaces(db, id))];
    case 'scheme': {
      const operators = await db.selectFrom('operators').select('sign_in_name').where('scheme_id', '=', id).orderBy('sign_in_name').execute();
      return [{ place: 'operator', count: operators.length, names: operators.map((row) => row.sign_in_name) }];
    }
    case 'warehouse':
      return [pos, await overridesKeyedBy(db, 'warehouse', code)];
    case 'gl-account':
      return [pos, await overridesKeyedBy(db, 'gl-wip', code)];
    case 'job': {
      const workOrders = await db.selectFrom('work_orders').select('code').where('job_id', '=', id).orderBy('code').execute();
      return [pos, { place: 'work-order', count: workOrders.length, names: workOrders.map((row) => row.code) }];
    }
    default:
      return [pos];
  }
}
