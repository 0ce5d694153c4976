import type { MasterRecordOf, SchemeOverride } from '../../../shared/admin-schemas';
import type { Db } from '../connect';
import type { OverrideKind } from '../schema';

/**
 * Cost-center schemes as the scheme editor keeps them: the ordered list, the overrides with their
 * own ordered lists, and the operators on each scheme. PO entry reads the same tables through
 * cost-center-repo, so what is written here is what the next PO entry sees.
 */

type SchemeRecord = MasterRecordOf<'scheme'>;

const OVERRIDE_ORDER: Readonly<Record<OverrideKind, number>> = { warehouse: 0, site: 1, 'gl-wip': 2 };

/** Every id of the cost-center codes given (as stored). */
export async function costCenterIdsByCode(db: Db, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('cost_centers').select(['id', 'code']).where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Scheme rows → records with their lists and overrides, each list in its stored order. */
export async function schemeRecords(db: Db, rows: readonly (Record<string, unknown> & { id: number })[]): Promise<SchemeRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [lists, overrides] = await Promise.all([
    db
      .selectFrom('scheme_cost_centers as s')
      .innerJoin('cost_centers as c', 'c.id', 's.cost_center_id')
      .select(['s.scheme_id as owner', 'c.code'])
      .where('s.scheme_id', 'in', ids)
      .orderBy('s.scheme_id')
      .orderBy('s.position')
      .execute(),
    db.selectFrom('scheme_overrides').select(['id', 'scheme_id as owner', 'kind', 'override_key as key']).where('scheme_id', 'in', ids).execute(),
  ]);
  const overrideLists =
    overrides.length === 0
      ? []
      : await db
          .selectFrom('scheme_override_cost_centers as o')
          .innerJoin('cost_centers as c', 'c.id', 'o.cost_center_id')
          .select(['o.override_id as owner', 'c.code'])
          .where(
            'o.override_id',
            'in',
            overrides.map((override) => override.id),
          )
          .orderBy('o.override_id')
          .orderBy('o.position')
          .execute();
  return rows.map((row) => ({
    kind: 'scheme' as const,
    code: String(row.name),
    description: String(row.description ?? ''),
    costCenterRequired: Number(row.cost_center_required) === 1,
    costCenterCodes: lists.filter((entry) => entry.owner === row.id).map((entry) => entry.code),
    overrides: overrides
      .filter((override) => override.owner === row.id)
      .sort((a, b) => OVERRIDE_ORDER[a.kind] - OVERRIDE_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((override): SchemeOverride => ({ kind: override.kind, key: override.key, costCenterCodes: overrideLists.filter((entry) => entry.owner === override.id).map((entry) => entry.code) })),
  }));
}

async function clearSchemeLists(db: Db, schemeId: number): Promise<void> {
  const overrideIds = (await db.selectFrom('scheme_overrides').select('id').where('scheme_id', '=', schemeId).execute()).map((row) => row.id);
  if (overrideIds.length > 0) await db.deleteFrom('scheme_override_cost_centers').where('override_id', 'in', overrideIds).execute();
  await db.deleteFrom('scheme_overrides').where('scheme_id', '=', schemeId).execute();
  await db.deleteFrom('scheme_cost_centers').where('scheme_id', '=', schemeId).execute();
}

/** Replaces the scheme's list and overrides with the record's (checked by the rules: every code known). */
export async function writeSchemeLists(db: Db, schemeId: number, record: SchemeRecord): Promise<void> {
  await clearSchemeLists(db, schemeId);
  const ids = await costCenterIdsByCode(db, [...record.costCenterCodes, ...record.overrides.flatMap((override) => override.costCenterCodes)]);
  const idOf = (code: string) => ids.get(code) as number;
  if (record.costCenterCodes.length > 0) {
    await db
      .insertInto('scheme_cost_centers')
      .values(record.costCenterCodes.map((code, position) => ({ scheme_id: schemeId, cost_center_id: idOf(code), position })))
      .execute();
  }
  for (const override of record.overrides) {
    const { id } = await db.insertInto('scheme_overrides').values({ scheme_id: schemeId, kind: override.kind, override_key: override.key }).returning('id').executeTakeFirstOrThrow();
    if (override.costCenterCodes.length > 0) {
      await db
        .insertInto('scheme_override_cost_centers')
        .values(override.costCenterCodes.map((code, position) => ({ override_id: id, cost_center_id: idOf(code), position })))
        .execute();
    }
  }
}

export async function deleteSchemeLists(db: Db, schemeId: number): Promise<void> {
  await clearSchemeLists(db, schemeId);
}

export interface SchemeOperatorRow {
  id: number;
  signInName: string;
  displayName: string;
  role: 'operator' | 'supervisor' | 'admin';
  active: boolean;
  schemeCode: string | null;
}

export async function operatorsWithSchemes(db: Db): Promise<SchemeOperatorRow[]> {
  const rows = await db
    .selectFrom('operators as o')
    .leftJoin('schemes as s', 's.id', 'o.scheme_id')
    .select(['o.id', 'o.sign_in_name as signInName', 'o.display_name as displayName', 'o.role', 'o.active', 's.name as schemeCode'])
    .orderBy('o.display_name')
    .orderBy('o.sign_in_name')
    .execute();
  return rows.map((row) => ({ ...row, active: row.active === 1, schemeCode: row.schemeCode ?? null }));
}

export async function setOperatorScheme(db: Db, operatorId: number, schemeId: number | null): Promise<void> {
  await db.updateTable('operators').set({ scheme_id: schemeId }).where('id', '=', operatorId).execute();
}

/** What an override may be keyed by: warehouses, every job's and work order's site address, WIP G/L accounts. */
export async function overrideKeyFacts(db: Db) {
  const [warehouses, jobSites, workOrderSites, glAccounts] = await Promise.all([
    db.selectFrom('warehouses').select(['code', 'name']).orderBy('code').execute(),
    db.selectFrom('jobs').select('site_address').where('site_address', '<>', '').execute(),
    db.selectFrom('work_orders').select('site_address').where('site_address', '<>', '').execute(),
    db.selectFrom('gl_accounts').select(['code', 'description', 'wip']).orderBy('code').execute(),
  ]);
  const siteAddresses = [...new Set([...jobSites, ...workOrderSites].map((row) => row.site_address))].sort();
  return { warehouses, siteAddresses, glAccounts: glAccounts.map((row) => ({ code: row.code, description: row.description, wip: row.wip === 1 })) };
}

/** Every cost center with its group, in code order: the catalogue a scheme's list is picked from. */
export async function costCenterCatalogue(db: Db) {
  const rows = await db.selectFrom('cost_centers').select(['id', 'code', 'description', 'active', 'cost_group']).orderBy('code').execute();
  return rows.map((row) => ({ id: row.id, code: row.code, description: row.description, active: row.active === 1, costGroup: row.cost_group ?? null }));
}
