/**
 * The CSV columns of each kind of master data and how a row's cells become a draft for
 * master-data-rules.ts, pure. Exports write the same columns, so an exported file imports again.
 *
 * | kind        | columns (* must be in the header)                                          |
 * |-------------|----------------------------------------------------------------------------|
 * | cost-center | code*, description*, active, cost_group                                    |
 * | scheme      | code*, description, cost_centers                                           |
 * | vendor      | code*, name*, cost_centers                                                 |
 * | warehouse   | code*, name*                                                               |
 * | job         | code*, description, site_address                                           |
 * | work-order  | code*, description, job, cost_center*, site_address                        |
 * | gl-account  | code*, description*, wip                                                   |
 * | item        | code*, description*, unit_cost*                                            |
 * | cost-type   | code*, description*                                                        |
 * | operator    | sign_in_name*, display_name*, role*, scheme, active, approval_limit, locale |
 *
 * How cells are read:
 * - Header names ignore capitals, spaces around them, and a space or '-' for '_' ("Sign-in name" is sign_in_name).
 * - A list (cost_centers) is codes separated by ';', in order: "210; 220;110". Codes hold no ';'.
 * - A flag (active, wip) is yes/no, y/n, true/false or 1/0, any capitals; blank takes the default (active yes, wip no).
 * - Money (unit_cost, approval_limit) is written in the import's number format, as the operator
 *   types it (shared/locale-format.ts): "1,234.50" in en-US, "1.234,50" in de-DE; never rounded.
 * - An operator imported has no password: the service gives each a reset they must change at first sign-in.
 */
import { parseMoney } from '../../../shared/locale-format';
import type { LocaleCode } from '../../../shared/locales';
import type { FieldProblem, FieldResult, RecordVerdict } from './field-rules';
import {
  checkKindCode,
  type CostCenterRecord,
  type CostTypeRecord,
  type GlAccountRecord,
  type ItemRecord,
  type JobRecord,
  type MasterKind,
  type References,
  type SchemeRecord,
  validateCostCenter,
  validateCostType,
  validateGlAccount,
  validateItem,
  validateJob,
  validateScheme,
  validateVendor,
  validateWarehouse,
  validateWorkOrder,
  type VendorRecord,
  type WarehouseRecord,
  type WorkOrderRecord,
} from './master-data-rules';
import { checkSignInName, type OperatorRecord, validateOperator } from './operator-rules';

export interface ImportColumn {
  /** As the header names it, normalised: "cost_centers". */
  name: string;
  /** The draft field its problems are reported on. */
  field: string;
  /** Whether the header must have the column (its value may still be optional). */
  required: boolean;
}

export interface ImportRecords {
  'cost-center': CostCenterRecord;
  scheme: SchemeRecord;
  vendor: VendorRecord;
  warehouse: WarehouseRecord;
  job: JobRecord;
  'work-order': WorkOrderRecord;
  'gl-account': GlAccountRecord;
  item: ItemRecord;
  'cost-type': CostTypeRecord;
  operator: OperatorRecord;
}

export interface ImportContext {
  references: References;
  /** The kind's keys that exist already, as stored (codes in capitals, sign-in names in small letters). */
  existingKeys: ReadonlySet<string>;
  /** The number format money columns are written in. */
  locale: LocaleCode;
}

/** A row's cells by draft field; '' for a column the file does not have. */
export type Cells = (field: string) => string;

export interface KindImport<R> {
  columns: readonly ImportColumn[];
  /** The key of a refused row, for duplicates in the file and against existing records; null when the key itself is refused. */
  key: (cells: Cells) => string | null;
  /** The key of a valid record. */
  keyOf: (record: R) => string;
  /** The row's verdict; cell-reading problems go to `problems`, and their fields take a value the rules accept. */
  validate: (cells: Cells, context: ImportContext, problems: FieldProblem[]) => RecordVerdict<R>;
}

const column = (name: string, field: string, required = false): ImportColumn => ({ name, field, required });

/** "Sign-in name " → sign_in_name. */
export const normaliseColumnName = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const FLAG_VALUES: Readonly<Record<string, boolean>> = { yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false };

function flag(cells: Cells, field: string, label: string, fallback: boolean, problems: FieldProblem[]): boolean {
  const raw = cells(field).trim();
  if (raw === '') return fallback;
  const value = FLAG_VALUES[raw.toLowerCase()];
  if (value !== undefined) return value;
  problems.push({ field, rule: 'cell-flag', reason: `${label} is yes or no (or true/false, 1/0); "${raw}" is neither.` });
  return fallback;
}

/** "210; 220;110" → ['210', '220', '110']; blank → []. */
export function listCells(raw: string): string[] {
  const codes: string[] = [];
  for (const piece of raw.split(';')) {
    const code = piece.trim();
    if (code !== '') codes.push(code);
  }
  return codes;
}

function money(cells: Cells, field: string, label: string, locale: LocaleCode, problems: FieldProblem[]): number | null {
  const raw = cells(field).trim();
  if (raw === '') return null;
  const parsed = parseMoney(raw, locale, label);
  if (parsed.ok) return parsed.value;
  problems.push({ field, rule: 'cell-money', reason: parsed.message });
  return null;
}

const valueOf = (result: FieldResult<string>) => (result.ok ? result.value : null);
const codeKey = (kind: Exclude<MasterKind, 'operator'>) => (cells: Cells) => valueOf(checkKindCode(kind, cells('code')));
const byCode = (record: { code: string }) => record.code;

export const KIND_IMPORTS: { readonly [K in MasterKind]: KindImport<ImportRecords[K]> } = {
  'cost-center': {
    columns: [column('code', 'code', true), column('description', 'description', true), column('active', 'active'), column('cost_group', 'costGroup')],
    key: codeKey('cost-center'),
    keyOf: byCode,
    validate: (cells, _context, problems) =>
      validateCostCenter({ code: cells('code'), description: cells('description'), active: flag(cells, 'active', 'Active', true, problems), costGroup: cells('costGroup') }),
  },
  scheme: {
    columns: [column('code', 'code', true), column('description', 'description'), column('cost_centers', 'costCenterCodes')],
    key: codeKey('scheme'),
    keyOf: byCode,
    validate: (cells, context) => validateScheme({ code: cells('code'), description: cells('description'), costCenterCodes: listCells(cells('costCenterCodes')) }, context.references),
  },
  vendor: {
    columns: [column('code', 'code', true), column('name', 'name', true), column('cost_centers', 'costCenterCodes')],
    key: codeKey('vendor'),
    keyOf: byCode,
    validate: (cells, context) => validateVendor({ code: cells('code'), name: cells('name'), costCenterCodes: listCells(cells('costCenterCodes')) }, context.references),
  },
  warehouse: {
    columns: [column('code', 'code', true), column('name', 'name', true)],
    key: codeKey('warehouse'),
    keyOf: byCode,
    validate: (cells) => validateWarehouse({ code: cells('code'), name: cells('name') }),
  },
  job: {
    columns: [column('code', 'code', true), column('description', 'description'), column('site_address', 'siteAddress')],
    key: codeKey('job'),
    keyOf: byCode,
    validate: (cells) => validateJob({ code: cells('code'), description: cells('description'), siteAddress: cells('siteAddress') }),
  },
  'work-order': {
    columns: [column('code', 'code', true), column('description', 'description'), column('job', 'jobCode'), column('cost_center', 'costCenterCode', true), column('site_address', 'siteAddress')],
    key: codeKey('work-order'),
    keyOf: byCode,
    validate: (cells, context) =>
      validateWorkOrder(
        { code: cells('code'), description: cells('description'), jobCode: cells('jobCode'), costCenterCode: cells('costCenterCode'), siteAddress: cells('siteAddress') },
        context.references,
      ),
  },
  'gl-account': {
    columns: [column('code', 'code', true), column('description', 'description', true), column('wip', 'wip')],
    key: codeKey('gl-account'),
    keyOf: byCode,
    validate: (cells, _context, problems) => validateGlAccount({ code: cells('code'), description: cells('description'), wip: flag(cells, 'wip', 'WIP', false, problems) }),
  },
  item: {
    columns: [column('code', 'code', true), column('description', 'description', true), column('unit_cost', 'unitCostMinor', true)],
    key: codeKey('item'),
    keyOf: byCode,
    validate: (cells, context, problems) => {
      const unitCost = money(cells, 'unitCostMinor', 'Unit cost', context.locale, problems);
      if (unitCost === null && cells('unitCostMinor').trim() === '') problems.push({ field: 'unitCostMinor', rule: 'cell-required', reason: 'Enter the unit cost.' });
      return validateItem({ code: cells('code'), description: cells('description'), unitCostMinor: unitCost ?? 0 }, context.locale);
    },
  },
  'cost-type': {
    columns: [column('code', 'code', true), column('description', 'description', true)],
    key: codeKey('cost-type'),
    keyOf: byCode,
    validate: (cells) => validateCostType({ code: cells('code'), description: cells('description') }),
  },
  operator: {
    columns: [
      column('sign_in_name', 'signInName', true),
      column('display_name', 'displayName', true),
      column('role', 'role', true),
      column('scheme', 'schemeCode'),
      column('active', 'active'),
      column('approval_limit', 'approvalLimitMinor'),
      column('locale', 'locale'),
    ],
    key: (cells) => valueOf(checkSignInName(cells('signInName'))),
    keyOf: (record) => record.signInName,
    validate: (cells, context, problems) =>
      validateOperator(
        {
          signInName: cells('signInName'),
          displayName: cells('displayName'),
          role: cells('role'),
          schemeCode: cells('schemeCode'),
          active: flag(cells, 'active', 'Active', true, problems),
          approvalLimitMinor: money(cells, 'approvalLimitMinor', 'Approval limit', context.locale, problems),
          locale: cells('locale'),
        },
        context.references,
        context.locale,
      ),
  },
};
