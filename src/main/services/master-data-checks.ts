import type { MasterRecord, MasterRecordOf } from '../../shared/admin-schemas';
import type { LocaleCode } from '../../shared/locales';
import { listCodes } from '../domain/cost-center-rules';
import type { CostCenterRef, FieldProblem, RecordVerdict } from '../domain/admin/field-rules';
import {
  validateCostCenter,
  validateCostType,
  validateGlAccount,
  validateItem,
  validateJob,
  validateScheme,
  validateVendor,
  validateWarehouse,
  validateWorkOrder,
} from '../domain/admin/master-data-rules';
import { type OverrideRecord, overrideCaseName, validateOverride } from '../domain/admin/scheme-lists';
import type { Db } from '../store/connect';
import { overrideKeyFacts } from '../store/repositories/scheme-admin-repo';

/**
 * A record as the admin typed it → the record to store, by the kind's domain rule, with the store
 * facts the rule needs (the cost centers, jobs and override keys that exist). Every field problem
 * comes back at once so the form marks them all.
 */

export type MasterVerdict = { ok: true; record: MasterRecord; notes: string[] } | { ok: false; problems: FieldProblem[] };

async function costCenterRefs(db: Db): Promise<Map<string, CostCenterRef>> {
  const rows = await db.selectFrom('cost_centers').select(['code', 'active']).execute();
  return new Map(rows.map((row) => [row.code, { active: row.active === 1 }]));
}

async function jobRefs(db: Db): Promise<Map<string, { siteAddress: string }>> {
  const rows = await db.selectFrom('jobs').select(['code', 'site_address']).execute();
  return new Map(rows.map((row) => [row.code, { siteAddress: row.site_address }]));
}

function settle<R>(verdict: RecordVerdict<R>, build: (record: R) => MasterRecord): MasterVerdict {
  return verdict.allowed ? { ok: true, record: build(verdict.record), notes: verdict.notes } : { ok: false, problems: verdict.problems };
}

async function checkScheme(db: Db, draft: MasterRecordOf<'scheme'>): Promise<MasterVerdict> {
  const costCenters = await costCenterRefs(db);
  const head = validateScheme({ code: draft.code, description: draft.description, costCenterCodes: draft.costCenterCodes }, { costCenters });
  const problems: FieldProblem[] = head.allowed ? [] : [...head.problems];
  const notes: string[] = head.allowed ? [...head.notes] : [];
  const code = head.allowed ? head.record.code : draft.code.trim().toUpperCase();
  const facts = await overrideKeyFacts(db);
  const keys = {
    warehouses: new Set(facts.warehouses.map((warehouse) => warehouse.code)),
    siteAddresses: new Set(facts.siteAddresses),
    glAccounts: new Map(facts.glAccounts.map((account) => [account.code, { wip: account.wip }])),
  };
  const overrides: OverrideRecord[] = [];
  draft.overrides.forEach((override, index) => {
    const verdict = validateOverride(code, override, overrides, keys, costCenters);
    if (verdict.allowed) {
      overrides.push(verdict.record);
      notes.push(...verdict.notes);
    } else {
      // Each override's problems belong to that override's row on the form.
      problems.push(...verdict.problems.map((problem) => ({ ...problem, field: `overrides.${index}.${problem.field}` })));
    }
  });
  if (!head.allowed || problems.length > 0) return { ok: false, problems };
  return { ok: true, notes, record: { kind: 'scheme', code, description: head.record.description, costCenterRequired: draft.costCenterRequired, costCenterCodes: head.record.costCenterCodes, overrides } };
}

export async function checkMasterRecord(db: Db, draft: MasterRecord, locale: LocaleCode): Promise<MasterVerdict> {
  switch (draft.kind) {
    case 'cost-center':
      return settle(validateCostCenter(draft), (r) => ({ kind: 'cost-center', ...r }));
    case 'scheme':
      return checkScheme(db, draft);
    case 'vendor':
      return settle(validateVendor(draft, { costCenters: await costCenterRefs(db) }), (r) => ({ kind: 'vendor', ...r }));
    case 'warehouse':
      return settle(validateWarehouse(draft), (r) => ({ kind: 'warehouse', ...r }));
    case 'job':
      return settle(validateJob(draft), (r) => ({ kind: 'job', ...r }));
    case 'work-order': {
      const verdict = validateWorkOrder(draft, { costCenters: await costCenterRefs(db), jobs: await jobRefs(db) });
      return settle(verdict, ({ code, description, jobCode, costCenterCode, siteAddress }) => ({ kind: 'work-order', code, description, jobCode, costCenterCode, siteAddress }));
    }
    case 'gl-account':
      return settle(validateGlAccount(draft), (r) => ({ kind: 'gl-account', ...r }));
    case 'item':
      return settle(validateItem(draft, locale), (r) => ({ kind: 'item', ...r }));
    case 'cost-type':
      return settle(validateCostType(draft), (r) => ({ kind: 'cost-type', ...r }));
  }
}

const yes = (flag: boolean) => (flag ? 'yes' : 'no');

/** A stored record in words, for the audit log's before and after: every field, lists in order. */
export function recordText(record: MasterRecord, formatMoney: (minor: number) => string): string {
  switch (record.kind) {
    case 'cost-center':
      return `Cost center ${record.code}: ${record.description}; active ${yes(record.active)}; cost group ${record.costGroup ?? 'none'}`;
    case 'scheme': {
      const overrides = record.overrides.map((override) => `${overrideCaseName(override.kind, override.key)} → ${listCodes(override.costCenterCodes)}`);
      return (
        `Scheme ${record.code}: ${record.description === '' ? 'no description' : record.description}; cost center required ${yes(record.costCenterRequired)}; ` +
        `list ${listCodes(record.costCenterCodes)}; overrides ${overrides.length === 0 ? 'none' : overrides.join(', ')}`
      );
    }
    case 'vendor':
      return `Vendor ${record.code}: ${record.name}; shares ${listCodes(record.costCenterCodes)}`;
    case 'warehouse':
      return `Warehouse ${record.code}: ${record.name}`;
    case 'job':
      return `Job ${record.code}: ${record.description === '' ? 'no description' : record.description}; site ${record.siteAddress === '' ? 'none' : record.siteAddress}`;
    case 'work-order':
      return `Work order ${record.code}: ${record.description === '' ? 'no description' : record.description}; job ${record.jobCode ?? 'none'}; cost center ${record.costCenterCode}; site ${record.siteAddress === '' ? "the job's" : record.siteAddress}`;
    case 'gl-account':
      return `G/L account ${record.code}: ${record.description}; WIP ${yes(record.wip)}`;
    case 'item':
      return `Item ${record.code}: ${record.description}; unit cost ${formatMoney(record.unitCostMinor)}`;
    case 'cost-type':
      return `Cost type ${record.code}: ${record.description}`;
  }
}
