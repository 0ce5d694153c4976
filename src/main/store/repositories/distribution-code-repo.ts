import type { CostCenter } from '../../domain/cost-center-rules';
import type { DistributionCodes } from '../../../shared/contracts';
import type { Db } from '../connect';
import type { OverrideKind } from '../schema';
import { type CodeList, codeList, isOneOf } from '../dialect';
import { precompiled } from './precompiled';

export interface GlAccountRecord {
  id: number;
  code: string;
  description: string;
  wip: boolean;
}

export interface JobRecord {
  id: number;
  code: string;
  description: string;
  siteAddress: string;
}

export interface WorkOrderRecord {
  id: number;
  code: string;
  costCenterId: number;
  costCenterCode: string;
  jobId: number | null;
  jobCode: string | null;
  /** The work order's own site, else its job's. */
  siteAddress: string;
}

export interface CostTypeRecord {
  id: number;
  code: string;
  description: string;
}

export interface CostCenterWithId extends CostCenter {
  id: number;
}

const unique = (codes: readonly (string | null)[]): string[] => [...new Set(codes.filter((code): code is string => code !== null))];

const selectGlAccounts = precompiled((db, codes: CodeList) =>
  db.selectFrom('gl_accounts').select(['id', 'code', 'description', 'wip']).where(isOneOf(db, 'code', codes)),
);

export async function findGlAccountsByCodes(db: Db, codes: readonly (string | null)[]): Promise<Map<string, GlAccountRecord>> {
  const wanted = unique(codes);
  if (wanted.length === 0) return new Map();
  const rows = await selectGlAccounts(db, codeList(db, wanted));
  return new Map(rows.map((row) => [row.code, { ...row, wip: row.wip === 1 }]));
}

const selectJobs = precompiled((db, codes: CodeList) =>
  db.selectFrom('jobs').select(['id', 'code', 'description', 'site_address as siteAddress']).where(isOneOf(db, 'code', codes)),
);

export async function findJobsByCodes(db: Db, codes: readonly (string | null)[]): Promise<Map<string, JobRecord>> {
  const wanted = unique(codes);
  if (wanted.length === 0) return new Map();
  const rows = await selectJobs(db, codeList(db, wanted));
  return new Map(rows.map((row) => [row.code, row]));
}

function selectWorkOrders(db: Db) {
  return db
    .selectFrom('work_orders as wo')
    .innerJoin('cost_centers as cc', 'cc.id', 'wo.cost_center_id')
    .leftJoin('jobs as j', 'j.id', 'wo.job_id')
    .select([
      'wo.id',
      'wo.code',
      'wo.cost_center_id as costCenterId',
      'cc.code as costCenterCode',
      'wo.job_id as jobId',
      'j.code as jobCode',
      'wo.site_address as ownSite',
      'j.site_address as jobSite',
    ]);
}

const toWorkOrder = ({ ownSite, jobSite, ...row }: { ownSite: string; jobSite: string | null } & Omit<WorkOrderRecord, 'siteAddress'>): WorkOrderRecord => ({
  ...row,
  siteAddress: ownSite !== '' ? ownSite : (jobSite ?? ''),
});

const selectWorkOrdersByCodes = precompiled((db, codes: CodeList) => selectWorkOrders(db).where(isOneOf(db, 'wo.code', codes)));

export async function findWorkOrdersByCodes(db: Db, codes: readonly (string | null)[]): Promise<Map<string, WorkOrderRecord>> {
  const wanted = unique(codes);
  if (wanted.length === 0) return new Map();
  const rows = await selectWorkOrdersByCodes(db, codeList(db, wanted));
  return new Map(rows.map((row) => [row.code, toWorkOrder(row)]));
}

const selectCostTypes = precompiled((db, codes: CodeList) => db.selectFrom('cost_types').select(['id', 'code', 'description']).where(isOneOf(db, 'code', codes)));

export async function findCostTypesByCodes(db: Db, codes: readonly (string | null)[]): Promise<Map<string, CostTypeRecord>> {
  const wanted = unique(codes);
  if (wanted.length === 0) return new Map();
  const rows = await selectCostTypes(db, codeList(db, wanted));
  return new Map(rows.map((row) => [row.code, row]));
}

const selectCostCenters = precompiled((db, codes: CodeList) =>
  db.selectFrom('cost_centers').select(['id', 'code', 'description', 'active']).where(isOneOf(db, 'code', codes)),
);

export async function findCostCentersByCodes(db: Db, codes: readonly (string | null)[]): Promise<Map<string, CostCenterWithId>> {
  const wanted = unique(codes);
  if (wanted.length === 0) return new Map();
  const rows = await selectCostCenters(db, codeList(db, wanted));
  return new Map(rows.map((row) => [row.code, { ...row, active: row.active === 1 }]));
}

const selectOverrides = precompiled((db, schemeId: number, kind: OverrideKind, keys: CodeList) =>
  db
    .selectFrom('scheme_overrides as o')
    .leftJoin('scheme_override_cost_centers as oc', 'oc.override_id', 'o.id')
    .leftJoin('cost_centers as cc', 'cc.id', 'oc.cost_center_id')
    .select(['o.override_key as key', 'cc.code', 'cc.description', 'cc.active'])
    .where('o.scheme_id', '=', schemeId)
    .where('o.kind', '=', kind)
    .where(isOneOf(db, 'o.override_key', keys))
    .orderBy('o.override_key')
    .orderBy('oc.position'),
);

/**
 * The scheme's overrides of one kind for several keys at once, each in its configured order. A key
 * with an override that lists nothing maps to []; a key without an override is absent.
 */
export async function overridesForKeys(
  db: Db,
  schemeId: number | null,
  kind: OverrideKind,
  keys: readonly (string | null)[],
): Promise<Map<string, CostCenter[]>> {
  const wanted = unique(keys);
  if (schemeId === null || wanted.length === 0) return new Map();
  const rows = await selectOverrides(db, schemeId, kind, codeList(db, wanted));
  const overrides = new Map<string, CostCenter[]>();
  for (const row of rows) {
    const list = overrides.get(row.key) ?? [];
    overrides.set(row.key, list);
    if (row.code !== null && row.description !== null && row.active !== null) {
      list.push({ code: row.code, description: row.description, active: row.active === 1 });
    }
  }
  return overrides;
}

/** The codes a line can carry, for the lines grid's pickers. */
export async function listDistributionCodes(db: Db, limit = 2000): Promise<DistributionCodes> {
  const [glAccounts, jobs, workOrders, costTypes] = await Promise.all([
    db.selectFrom('gl_accounts').select(['code', 'description', 'wip']).orderBy('code').limit(limit).execute(),
    db.selectFrom('jobs').select(['code', 'description', 'site_address as siteAddress']).orderBy('code').limit(limit).execute(),
    selectWorkOrders(db).select('wo.description').orderBy('wo.code').limit(limit).execute(),
    db.selectFrom('cost_types').select(['code', 'description']).orderBy('code').limit(limit).execute(),
  ]);
  return {
    glAccounts: glAccounts.map((row) => ({ ...row, wip: row.wip === 1 })),
    jobs,
    workOrders: workOrders.map((row) => {
      const workOrder = toWorkOrder(row);
      return {
        code: workOrder.code,
        description: row.description,
        costCenterCode: workOrder.costCenterCode,
        jobCode: workOrder.jobCode,
        siteAddress: workOrder.siteAddress,
      };
    }),
    costTypes,
  };
}
