/**
 * The master data an admin keeps, kind by kind, pure: a draft as the form or a CSV row gives it
 * and the records it refers to come in; out goes the record to store or every field problem.
 * Operators have rules of their own (operator-rules.ts); a scheme's lists and overrides are built
 * in scheme-lists.ts.
 *
 * | kind        | fields (* required)                                   | rules beyond the field rules (field-rules.ts)            |
 * |-------------|-------------------------------------------------------|----------------------------------------------------------|
 * | cost center | code*, description*, active, cost group               | the code is number, text or both                         |
 * | scheme      | code* (at most 10), description, cost centers          | "ALL" is refused in any case: Spectrum's word for every cost center |
 * | vendor      | code*, name*, shared cost centers                     | each cost center known and listed once; none: a note     |
 * | warehouse   | code*, name*                                          |                                                          |
 * | job         | code*, description, site address                      |                                                          |
 * | work order  | code*, description, job, header cost center*, site    | job known; cost center known and active; a blank site follows the job's |
 * | G/L account | code*, description*, WIP flag                         |                                                          |
 * | item        | code*, description* (at most 200), unit cost*         | unit cost whole minor units, 0 to 10,000,000.00          |
 * | cost type   | code*, description*                                   |                                                          |
 *
 * Codes never change once created (`checkCodeChange`): overrides name warehouses, sites and G/L
 * accounts by their code text, CSV files and people by the code they know; a new code is a new
 * record. Uniqueness is against the codes that exist (`checkNewCode`), compared as stored (in capitals).
 *
 * Why a work order's header cost center must be active: a direct work-order cost line takes its
 * cost center from the work order and cannot change it, so an inactive one would make every such
 * line unsaveable. Why an inactive cost center may stay on a vendor: the vendor list is only
 * intersected with the operator's active list, so it allows nothing while inactive.
 */
import { MAX_UNIT_COST_MINOR } from '../../../shared/money';
import { formatMoney } from '../../../shared/locale-format';
import { DEFAULT_LOCALE, type LocaleCode } from '../../../shared/locales';
import {
  checkCode,
  checkCostCenterList,
  checkSiteAddress,
  checkText,
  CODE_MAX_LENGTH,
  type CostCenterRef,
  type FieldResult,
  ITEM_DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  RecordCheck,
  type RecordVerdict,
  SCHEME_CODE_MAX_LENGTH,
} from './field-rules';

export const MASTER_KINDS = ['cost-center', 'scheme', 'vendor', 'warehouse', 'job', 'work-order', 'gl-account', 'item', 'cost-type', 'operator'] as const;
export type MasterKind = (typeof MASTER_KINDS)[number];

export interface KindText {
  one: string;
  many: string;
  /** How the kind's key is named: "Cost center code", "Sign-in name". */
  keyLabel: string;
}

export const KIND_TEXT: Readonly<Record<MasterKind, KindText>> = {
  'cost-center': { one: 'cost center', many: 'cost centers', keyLabel: 'Cost center code' },
  scheme: { one: 'scheme', many: 'schemes', keyLabel: 'Scheme code' },
  vendor: { one: 'vendor', many: 'vendors', keyLabel: 'Vendor code' },
  warehouse: { one: 'warehouse', many: 'warehouses', keyLabel: 'Warehouse code' },
  job: { one: 'job', many: 'jobs', keyLabel: 'Job code' },
  'work-order': { one: 'work order', many: 'work orders', keyLabel: 'Work order code' },
  'gl-account': { one: 'G/L account', many: 'G/L accounts', keyLabel: 'G/L account code' },
  item: { one: 'item', many: 'items', keyLabel: 'Item code' },
  'cost-type': { one: 'cost type', many: 'cost types', keyLabel: 'Cost type code' },
  operator: { one: 'operator', many: 'operators', keyLabel: 'Sign-in name' },
};

/** The records a draft may name, keyed as stored: codes in capitals. */
export interface References {
  costCenters: ReadonlyMap<string, CostCenterRef>;
  jobs: ReadonlyMap<string, { siteAddress: string }>;
  /** Scheme codes. */
  schemes: ReadonlySet<string>;
}

/** The word Spectrum's scheme lists use for "every cost center"; a scheme of that name would read as a rule. */
export const RESERVED_SCHEME_CODE = 'ALL';

const codeSpec = (kind: Exclude<MasterKind, 'operator'>, field = 'code') => ({
  field,
  label: KIND_TEXT[kind].keyLabel,
  max: kind === 'scheme' ? SCHEME_CODE_MAX_LENGTH : CODE_MAX_LENGTH,
});

/** A master-data code as typed → the code to store, or why not. A scheme code is at most 10 characters and never "ALL". */
export function checkKindCode(kind: Exclude<MasterKind, 'operator'>, raw: string, field = 'code'): FieldResult<string> {
  const checked = checkCode(raw, codeSpec(kind, field));
  if (checked.ok && kind === 'scheme' && checked.value === RESERVED_SCHEME_CODE) {
    return {
      ok: false,
      problem: { field, rule: 'scheme-code-reserved', reason: `Scheme code ${raw.trim()} is reserved: ${RESERVED_SCHEME_CODE} means every cost center in a scheme list. Choose another code.` },
    };
  }
  return checked;
}

export const checkSchemeCode = (raw: string, field = 'code'): FieldResult<string> => checkKindCode('scheme', raw, field);

/** A new record's key must not exist yet; `existing` holds keys as stored. */
export function checkNewCode(kind: MasterKind, code: string, existing: ReadonlySet<string>, field = 'code'): FieldResult<string> {
  if (!existing.has(code)) return { ok: true, value: code, note: null };
  const { one } = KIND_TEXT[kind];
  const what = kind === 'operator' ? `An operator signs in as ${code} already` : `${capitalised(one)} ${code} already exists`;
  return { ok: false, problem: { field, rule: 'code-taken', reason: `${what}; ${kind === 'operator' ? 'sign-in names' : `${one} codes`} are unique.` } };
}

/** Editing never changes the key: everything that names the record by it would lose it. */
export function checkCodeChange(kind: MasterKind, before: string, after: string, field = 'code'): FieldResult<string> {
  if (before === after) return { ok: true, value: after, note: null };
  const { one, keyLabel } = KIND_TEXT[kind];
  return {
    ok: false,
    problem: {
      field,
      rule: 'code-unchangeable',
      reason: `${keyLabel} ${before} cannot become ${after}: overrides, CSV files and people name the ${one} by it. Create ${one} ${after} instead.`,
    },
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How a record names itself in its own problems: "vendor BOLT", or "the vendor" while its code is blank. */
function selfName(kind: MasterKind, code: string | undefined, raw: string): string {
  const shown = code ?? raw.trim();
  return shown === '' ? `the ${KIND_TEXT[kind].one}` : `${KIND_TEXT[kind].one} ${shown}`;
}

/** A cost group as typed → stored (it is a code, so a scheme list can be chosen by it), or why not. */
export const checkCostGroup = (raw: string): FieldResult<string> => checkCode(raw, { field: 'costGroup', label: 'Cost group', max: CODE_MAX_LENGTH });

export interface CostCenterDraft {
  code: string;
  description: string;
  /** Absent: active. */
  active?: boolean;
  /** The cost group a scheme list can be chosen by; blank or absent: none. */
  costGroup?: string | null;
}
export interface CostCenterRecord {
  code: string;
  description: string;
  active: boolean;
  costGroup: string | null;
}

export function validateCostCenter(draft: CostCenterDraft): RecordVerdict<CostCenterRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('cost-center', draft.code));
  const description = check.take(checkText(draft.description, { field: 'description', label: 'Description', required: true, max: NAME_MAX_LENGTH }));
  const groupText = (draft.costGroup ?? '').trim();
  const costGroup = groupText === '' ? null : check.take(checkCostGroup(groupText));
  const active = draft.active ?? true;
  return check.verdict(
    () => ({ code, description, active, costGroup }),
    (r) => `Cost center ${r.code}, ${r.description}, ${r.active ? 'active' : 'inactive'}${r.costGroup === null ? '' : `, in cost group ${r.costGroup}`}.`,
  );
}

export interface SchemeDraft {
  code: string;
  description?: string;
  /** The scheme's list in its order; scheme-lists.ts builds it. Absent: empty. */
  costCenterCodes?: readonly string[];
}
export interface SchemeRecord {
  code: string;
  description: string;
  costCenterCodes: string[];
}

export function validateScheme(draft: SchemeDraft, refs: Pick<References, 'costCenters'>): RecordVerdict<SchemeRecord> {
  const check = new RecordCheck();
  const code = check.take(checkSchemeCode(draft.code));
  const description = check.take(checkText(draft.description ?? '', { field: 'description', label: 'Description', required: false, max: NAME_MAX_LENGTH }));
  const owner = selfName('scheme', code, draft.code);
  const costCenterCodes = check.take(checkCostCenterList(draft.costCenterCodes ?? [], refs.costCenters, { field: 'costCenterCodes', owner }));
  if (costCenterCodes !== undefined && costCenterCodes.length === 0) {
    check.note(`Scheme ${code} lists no cost center: while cost centers are in use, its operators cannot enter POs.`);
  }
  return check.verdict(
    () => ({ code, description, costCenterCodes }),
    (r) => `Scheme ${r.code} lists ${r.costCenterCodes.length === 0 ? 'no cost center' : r.costCenterCodes.join(', ')}.`,
  );
}

export interface VendorDraft {
  code: string;
  name: string;
  /** The cost centers the vendor shares; absent: none. */
  costCenterCodes?: readonly string[];
}
export interface VendorRecord {
  code: string;
  name: string;
  costCenterCodes: string[];
}

export function validateVendor(draft: VendorDraft, refs: Pick<References, 'costCenters'>): RecordVerdict<VendorRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('vendor', draft.code));
  const name = check.take(checkText(draft.name, { field: 'name', label: 'Name', required: true, max: NAME_MAX_LENGTH }));
  const owner = selfName('vendor', code, draft.code);
  const costCenterCodes = check.take(checkCostCenterList(draft.costCenterCodes ?? [], refs.costCenters, { field: 'costCenterCodes', owner }));
  if (costCenterCodes !== undefined && costCenterCodes.length === 0) {
    check.note(`Vendor ${code} shares no cost center: while cost centers are in use, no operator can choose it.`);
  }
  return check.verdict(
    () => ({ code, name, costCenterCodes }),
    (r) => `Vendor ${r.code}, ${r.name}, shares ${r.costCenterCodes.length === 0 ? 'no cost center' : r.costCenterCodes.join(', ')}.`,
  );
}

export interface WarehouseDraft {
  code: string;
  name: string;
}
export type WarehouseRecord = WarehouseDraft;

export function validateWarehouse(draft: WarehouseDraft): RecordVerdict<WarehouseRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('warehouse', draft.code));
  const name = check.take(checkText(draft.name, { field: 'name', label: 'Name', required: true, max: NAME_MAX_LENGTH }));
  return check.verdict(() => ({ code, name }), (r) => `Warehouse ${r.code}, ${r.name}.`);
}

export interface JobDraft {
  code: string;
  description?: string;
  /** Where the job is; a scheme's site override matches it. Blank: no site. */
  siteAddress?: string;
}
export interface JobRecord {
  code: string;
  description: string;
  siteAddress: string;
}

export function validateJob(draft: JobDraft): RecordVerdict<JobRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('job', draft.code));
  const description = check.take(checkText(draft.description ?? '', { field: 'description', label: 'Description', required: false, max: NAME_MAX_LENGTH }));
  const siteAddress = check.take(checkSiteAddress(draft.siteAddress ?? ''));
  return check.verdict(
    () => ({ code, description, siteAddress }),
    (r) => `Job ${r.code}${r.siteAddress === '' ? ', without a site address' : ` at ${r.siteAddress}`}.`,
  );
}

export interface WorkOrderDraft {
  code: string;
  description?: string;
  /** Blank or absent: the work order belongs to no job. */
  jobCode?: string | null;
  /** The header cost center every direct work-order cost line takes. */
  costCenterCode: string;
  /** Blank: the job's site, if any. */
  siteAddress?: string;
}
export interface WorkOrderRecord {
  code: string;
  description: string;
  jobCode: string | null;
  costCenterCode: string;
  /** As entered ('' when it follows the job). */
  siteAddress: string;
  /** The site a line on this work order answers to: its own, else the job's; '' for none. */
  effectiveSiteAddress: string;
}

export function validateWorkOrder(draft: WorkOrderDraft, refs: Pick<References, 'costCenters' | 'jobs'>): RecordVerdict<WorkOrderRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('work-order', draft.code));
  const description = check.take(checkText(draft.description ?? '', { field: 'description', label: 'Description', required: false, max: NAME_MAX_LENGTH }));
  const jobText = (draft.jobCode ?? '').trim();
  let jobCode: string | null = null;
  if (jobText !== '') {
    jobCode = check.take(checkKindCode('job', jobText, 'jobCode'));
    if (jobCode !== undefined && !refs.jobs.has(jobCode)) check.refuse('jobCode', 'job-unknown', `Job ${jobCode} does not exist.`);
  }
  const costCenterCode = check.take(checkKindCode('cost-center', draft.costCenterCode, 'costCenterCode'));
  if (costCenterCode !== undefined) {
    const known = refs.costCenters.get(costCenterCode);
    if (known === undefined) check.refuse('costCenterCode', 'cost-center-unknown', `Cost center ${costCenterCode} does not exist.`);
    else if (!known.active) {
      check.refuse('costCenterCode', 'cost-center-inactive', `Cost center ${costCenterCode} is inactive: every direct cost line on the work order takes its cost center and could not be saved.`);
    }
  }
  const siteAddress = check.take(checkSiteAddress(draft.siteAddress ?? ''));
  return check.verdict(
    () => {
      const jobSite = jobCode === null ? '' : (refs.jobs.get(jobCode)?.siteAddress ?? '');
      return { code, description, jobCode, costCenterCode, siteAddress, effectiveSiteAddress: siteAddress === '' ? jobSite : siteAddress };
    },
    (r) =>
      `Work order ${r.code}${r.jobCode === null ? '' : ` on job ${r.jobCode}`} charges cost center ${r.costCenterCode}` +
      `${r.effectiveSiteAddress === '' ? '' : ` at ${r.effectiveSiteAddress}${r.siteAddress === '' ? ", the job's site" : ''}`}.`,
  );
}

export interface GlAccountDraft {
  code: string;
  description: string;
  /** Work in progress: brings the scheme's WIP G/L override into play. Absent: not WIP. */
  wip?: boolean;
}
export interface GlAccountRecord {
  code: string;
  description: string;
  wip: boolean;
}

export function validateGlAccount(draft: GlAccountDraft): RecordVerdict<GlAccountRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('gl-account', draft.code));
  const description = check.take(checkText(draft.description, { field: 'description', label: 'Description', required: true, max: NAME_MAX_LENGTH }));
  const wip = draft.wip ?? false;
  return check.verdict(() => ({ code, description, wip }), (r) => `G/L account ${r.code}, ${r.description}${r.wip ? ', work in progress' : ''}.`);
}

export interface ItemDraft {
  code: string;
  description: string;
  /** Integer minor units. */
  unitCostMinor: number;
}
export type ItemRecord = ItemDraft;

/** An item's unit cost defaults a line's, so it keeps the line's limits: whole minor units, 0 to the line maximum. */
export function checkUnitCost(minor: number, locale: LocaleCode = DEFAULT_LOCALE, field = 'unitCostMinor'): FieldResult<number> {
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: { field, rule: 'unit-cost-whole', reason: 'Unit cost must be a whole number of minor units (cents); nothing is rounded.' } };
  if (minor < 0) return { ok: false, problem: { field, rule: 'unit-cost-negative', reason: `Unit cost cannot be negative: ${formatMoney(minor, locale)}.` } };
  if (minor > MAX_UNIT_COST_MINOR) {
    return { ok: false, problem: { field, rule: 'unit-cost-too-large', reason: `Unit cost ${formatMoney(minor, locale)} is above the most a PO line takes, ${formatMoney(MAX_UNIT_COST_MINOR, locale)}.` } };
  }
  return { ok: true, value: minor, note: null };
}

export function validateItem(draft: ItemDraft, locale: LocaleCode = DEFAULT_LOCALE): RecordVerdict<ItemRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('item', draft.code));
  const description = check.take(checkText(draft.description, { field: 'description', label: 'Description', required: true, max: ITEM_DESCRIPTION_MAX_LENGTH }));
  const unitCostMinor = check.take(checkUnitCost(draft.unitCostMinor, locale));
  return check.verdict(() => ({ code, description, unitCostMinor }), (r) => `Item ${r.code}, ${r.description}, at ${formatMoney(r.unitCostMinor, locale)}.`);
}

export interface CostTypeDraft {
  code: string;
  description: string;
}
export type CostTypeRecord = CostTypeDraft;

export function validateCostType(draft: CostTypeDraft): RecordVerdict<CostTypeRecord> {
  const check = new RecordCheck();
  const code = check.take(checkKindCode('cost-type', draft.code));
  const description = check.take(checkText(draft.description, { field: 'description', label: 'Description', required: true, max: NAME_MAX_LENGTH }));
  return check.verdict(() => ({ code, description }), (r) => `Cost type ${r.code}, ${r.description}.`);
}
