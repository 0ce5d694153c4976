import type { CostCenter } from '../../domain/cost-center-rules';
import type { Db } from '../connect';
import type { OverrideKind } from '../schema';
import { precompiled } from './precompiled';

export interface CostCenterRecord extends CostCenter {
  id: number;
}

const toCostCenter = (row: { id: number; code: string; description: string; active: number }): CostCenterRecord => ({
  id: row.id,
  code: row.code,
  description: row.description,
  active: row.active === 1,
});

const selectCostCenterByCode = precompiled((db, code: string) =>
  db.selectFrom('cost_centers').select(['id', 'code', 'description', 'active']).where('code', '=', code),
);

export async function findCostCenterByCode(db: Db, code: string): Promise<CostCenterRecord | undefined> {
  const [row] = await selectCostCenterByCode(db, code);
  return row && toCostCenter(row);
}

const selectSchemeCostCenters = precompiled((db, schemeId: number) =>
  db
    .selectFrom('scheme_cost_centers as sc')
    .innerJoin('cost_centers as cc', 'cc.id', 'sc.cost_center_id')
    .select(['cc.id', 'cc.code', 'cc.description', 'cc.active'])
    .where('sc.scheme_id', '=', schemeId)
    .orderBy('sc.position'),
);

/** The scheme's cost centers in the order the scheme lists them. */
export async function schemeCostCenters(db: Db, schemeId: number | null): Promise<CostCenterRecord[]> {
  if (schemeId === null) return [];
  const rows = await selectSchemeCostCenters(db, schemeId);
  return rows.map(toCostCenter);
}

const selectOverrideCostCenters = precompiled((db, schemeId: number, kind: OverrideKind, key: string) =>
  db
    .selectFrom('scheme_overrides as o')
    .leftJoin('scheme_override_cost_centers as oc', 'oc.override_id', 'o.id')
    .leftJoin('cost_centers as cc', 'cc.id', 'oc.cost_center_id')
    .select(['cc.id', 'cc.code', 'cc.description', 'cc.active'])
    .where('o.scheme_id', '=', schemeId)
    .where('o.kind', '=', kind)
    .where('o.override_key', '=', key)
    .orderBy('oc.position'),
);

/**
 * The override's list for one case, or null when the scheme has no override of that kind and key.
 * An override that exists but lists nothing comes back as [] — it closes the case rather than opening it.
 */
export async function overrideCostCenters(
  db: Db,
  schemeId: number | null,
  kind: OverrideKind,
  key: string,
): Promise<CostCenterRecord[] | null> {
  if (schemeId === null) return null;
  const rows = await selectOverrideCostCenters(db, schemeId, kind, key);
  if (rows.length === 0) return null;
  return rows.flatMap((row) =>
    row.id === null || row.code === null || row.description === null || row.active === null
      ? []
      : [toCostCenter({ id: row.id, code: row.code, description: row.description, active: row.active })],
  );
}
