import type { ParsedInputOf } from '../../shared/contracts';
import { findAccount } from '../domain/coding/chart-of-accounts';
import { checkDimensionValue, dimensionLabel, findValue, PURCHASE_ACCOUNT } from '../domain/coding/dimensions';
import type { SupplierFacts } from '../domain/coding/purchase-account-matrix';
import { checkRowCodingOnSave } from '../domain/coding/row-coding-checks';
import { defaultRowCoding, resolveRowCoding, type RowCodingValues, type RowSubject, type RowValue, type UpperLevels } from '../domain/coding/row-coding';
import type { EffectiveList } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import type { AuditEntry } from '../store/repositories/audit-repo';
import { listItemCoding, listVendorCoding, readLineCoding, readPoHeaderCoding, writeLineCoding, writePoHeaderCoding } from '../store/repositories/coding-repo';
import type { StoredLine } from '../store/repositories/po-repo';
import { refused } from './app-failure';
import { type CodingContext, loadCodingContext, requireOrganisation } from './coding-context';
import type { Caller } from './desk';
import { distributionLevel, headerLevel, invoicedLineIds, readStoredPoCoding } from './row-coding-read';
import { canonicalRow, codingUser, newRowFacts } from './row-coding-view';

/**
 * The coding half of savePo: judged after the PO's own rules passed and before anything is
 * written, so a refusal leaves the stored PO untouched; written in the save's transaction.
 *
 * For each row, in order: every value must be one the organisation has (the chart for purchase
 * accounts); a row that has been invoiced keeps its coding exactly; a value entered by hand where
 * the defaults (matrix, row above, standard account, the levels above) give one is an override,
 * which needs the right (row-coding-view.ts); then the save check of row-coding-checks.ts (values
 * that cannot be booked, and under "mandatory coding on order rows" a purchase account and every
 * Mandatory sub-object). The header's values are checked the same way, a header value replacing the
 * vendor's or the organisation's being an override too (headerOverride). Every refusal names the row
 * and the dimension, and its field is `lines.<index>.coding.<dimension>` (or `coding.values.<dimension>`).
 */

type SaveInput = ParsedInputOf<'savePo'>;

export interface CodingSavePlan {
  organisationId: number;
  headerValues: Record<string, string>;
  /** By input line index. */
  rows: RowCodingValues[];
  /** po_lines.id → stored row values, for the audit of what changed. */
  storedRows: Map<number, RowCodingValues>;
  storedHeader: { organisationId: number | undefined; values: Record<string, string> } | null;
  organisationCode: string;
}

const sameRow = (a: RowCodingValues, b: RowCodingValues) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key]?.value === b[key]?.value);
};

export const rowText = (row: RowCodingValues): string => {
  const entries = Object.entries(row).filter((entry): entry is [string, RowValue] => entry[1] !== undefined);
  return entries.length === 0 ? 'none' : entries.map(([dimension, entry]) => `${dimension} ${entry.value} (${entry.via})`).join(', ');
};
const valuesText = (values: Readonly<Record<string, string>>) => (Object.keys(values).length === 0 ? 'none' : Object.entries(values).map(([dimension, value]) => `${dimension} ${value}`).join(', '));

function checkHeaderValue(context: CodingContext, dimension: string, value: string): string | null {
  if (!context.dimensions.some((code) => code === dimension)) return `The organisation ${context.organisation.code} does not code by ${dimension}.`;
  if (dimension === PURCHASE_ACCOUNT) {
    const account = findAccount(context.chart, value);
    if (!account) return `There is no account ${value} in the chart of accounts.`;
    return account.active ? null : `Account ${account.code} (${account.name}) is inactive; choose an active one.`;
  }
  const verdict = checkDimensionValue(context.set, dimension, value);
  return verdict.allowed ? null : verdict.reason;
}

/**
 * A header value that replaces the vendor's or the organisation's value of its dimension is an
 * override, as on a row: it needs the right. Filling a dimension nothing above gives, or keeping
 * the value the stored header already held, is not.
 */
export function headerOverride(
  values: Readonly<Record<string, string>>,
  stored: Readonly<Record<string, string>>,
  vendor: Readonly<Record<string, string>>,
  organisation: Readonly<Record<string, string>>,
): { dimension: string; value: string; above: string; level: 'vendor' | 'organisation' } | null {
  const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
  for (const [dimension, value] of Object.entries(values)) {
    if (same(stored[dimension], value)) continue;
    const fromVendor = vendor[dimension];
    const above = fromVendor ?? organisation[dimension];
    if (above !== undefined && !same(above, value)) return { dimension, value, above, level: fromVendor !== undefined ? 'vendor' : 'organisation' };
  }
  return null;
}

async function subjectsOf(db: Db, lines: SaveInput['lines']): Promise<RowSubject[]> {
  const items = await listItemCoding(db, lines.flatMap((line) => (line.itemCode ? [line.itemCode] : [])));
  return lines.map((line): RowSubject => {
    const item = line.itemCode ? items.find((row) => row.itemCode === line.itemCode) : undefined;
    if (!item) return { kind: 'additional' };
    if (item.setupPartCode) {
      return { kind: 'setup-price', productGroup: item.productGroup, part: { partNumber: item.setupPartCode, productGroup: item.setupPartProductGroup, row: null } };
    }
    return { kind: 'part', partNumber: item.itemCode, productGroup: item.productGroup };
  });
}

export async function judgeSaveCoding(db: Db, caller: Caller, input: SaveInput, vendorId: number, storedLines: readonly StoredLine[], allowed: EffectiveList | null): Promise<CodingSavePlan> {
  const organisation = await requireOrganisation(db, input.coding.organisationCode);
  if (!organisation.active && input.id === undefined) throw refused(`Organisation ${organisation.code} is inactive; choose another.`, 'coding.organisationCode');
  const storedIds = storedLines.map((line) => line.id);
  const [context, vendors, storedRows, storedHeader, invoiced, subjects] = await Promise.all([
    loadCodingContext(db, organisation),
    listVendorCoding(db, [vendorId]),
    readLineCoding(db, storedIds),
    input.id === undefined ? null : readPoHeaderCoding(db, input.id),
    invoicedLineIds(db, storedIds),
    subjectsOf(db, input.lines),
  ]);
  const headerValues: Record<string, string> = {};
  for (const [rawDimension, value] of Object.entries(input.coding.values)) {
    if (value === null) continue;
    const dimension = context.dimensions.find((code) => code.toLowerCase() === rawDimension.toLowerCase()) ?? rawDimension;
    const problem = checkHeaderValue(context, dimension, value);
    if (problem) throw refused(`The PO header's ${dimensionLabel(dimension, context.set)}: ${problem}`, `coding.values.${rawDimension}`).withAudit({ rule: 'coding-header-value', after: value });
    const known = dimension === PURCHASE_ACCOUNT ? findAccount(context.chart, value) : findValue(context.set, dimension, value);
    headerValues[dimension] = known?.code ?? value;
  }
  // An invoiced row's coding is booked: a change above it (the header, the vendor) must not move it either.
  const booked = input.id !== undefined && invoiced.size > 0 ? ((await readStoredPoCoding(db, input.id))?.resolved ?? null) : null;
  const vendor = vendors[0];
  const user = codingUser(caller, context);
  if (!user.mayOverrideCoding) {
    const override = headerOverride(headerValues, storedHeader?.values ?? {}, vendor?.values ?? {}, context.organisationValues);
    if (override) {
      const label = dimensionLabel(override.dimension, context.set);
      throw refused(
        `The PO header's ${label}: ${label} ${override.above} comes from the ${override.level}; changing it to ${override.value} needs the right to override coding, which ${caller.operator.displayName} does not have.`,
        `coding.values.${override.dimension}`,
      ).withAudit({ rule: 'coding-override-right', before: override.above, after: override.value });
    }
  }
  const supplier: SupplierFacts = { supplierGroup: vendor?.supplierGroup ?? null, supplierType: vendor?.supplierType ?? 'domestic' };
  const upper: UpperLevels = { organisation: context.organisationValues, vendor: vendor?.values ?? {}, poHeader: headerLevel(headerValues, input.costCenterCode) };
  const rows: RowCodingValues[] = [];
  const saveRows = [];
  for (const [index, line] of input.lines.entries()) {
    const rowNumber = index + 1;
    const field = (dimension: string) => `lines.${index}.coding.${dimension}`;
    const row = canonicalRow(context, line.coding ?? {});
    for (const dimension of Object.keys(row)) {
      if (!context.dimensions.includes(dimension)) throw refused(`Row ${rowNumber}: the organisation ${organisation.code} does not code by ${dimension}.`, field(dimension)).withAudit({ rule: 'coding-type-unknown', lineNumber: rowNumber });
    }
    const stored = line.id === undefined ? undefined : storedRows.get(line.id);
    if (line.id !== undefined && invoiced.has(line.id) && !sameRow(row, stored ?? {})) {
      throw refused(`Row ${rowNumber} has been invoiced; its coding is booked in the accounting entry and can no longer change.`, field(Object.keys(row)[0] ?? PURCHASE_ACCOUNT)).withAudit({
        rule: 'coding-row-invoiced',
        lineId: line.id,
        lineNumber: rowNumber,
        before: rowText(stored ?? {}),
        after: rowText(row),
      });
    }
    const distribution = distributionLevel({ glAccountCode: line.glAccountCode, costCenterCode: line.costCenterCode });
    if (!user.mayOverrideCoding) {
      const above = rowNumber > 1 ? { rowNumber: rowNumber - 1, values: rows[index - 1] as RowCodingValues } : null;
      const defaults = defaultRowCoding(newRowFacts({ context, supplier, upper, rowNumber, subject: subjects[index] as RowSubject, rowAbove: above }));
      const withoutOwn = resolveRowCoding({ upper, row: defaults.values, chart: context.chart, dimensions: context.dimensions, set: context.set });
      for (const [dimension, entry] of Object.entries(row)) {
        if (entry?.via !== 'entered' || stored?.[dimension]?.value === entry.value) continue;
        const given = withoutOwn[dimension];
        if (given && given.value !== null && given.level !== null && given.value !== entry.value) {
          throw refused(
            `Row ${rowNumber}: ${dimensionLabel(dimension, context.set)} ${given.value} comes from ${given.level === 'po-row' ? 'the row’s defaults' : `the ${given.level}`}; changing it to ${entry.value} needs the right to override coding, which ${caller.operator.displayName} does not have.`,
            field(dimension),
          ).withAudit({ rule: 'coding-override-right', lineId: line.id ?? null, lineNumber: rowNumber, before: given.value, after: entry.value });
        }
      }
    }
    rows.push(row);
    const resolved = resolveRowCoding({ upper, row, distribution, chart: context.chart, dimensions: context.dimensions, set: context.set });
    const bookedRow = line.id === undefined ? undefined : booked?.get(line.id);
    if (bookedRow) {
      const moved = Object.entries(bookedRow).find(([dimension, value]) => (resolved[dimension]?.value ?? null) !== value.value);
      if (moved) {
        const [dimension, value] = moved;
        const label = dimensionLabel(dimension, context.set);
        throw refused(
          `Row ${rowNumber} has been invoiced; its ${label} ${value.value ?? '(none)'} is booked in the accounting entry, and this change would make it ${resolved[dimension]?.value ?? '(none)'}. Set the value on the rows that need it instead. Nothing was saved.`,
          field(dimension),
        ).withAudit({ rule: 'coding-row-invoiced', lineId: line.id ?? null, lineNumber: rowNumber, before: value.value, after: resolved[dimension]?.value ?? null });
      }
    }
    saveRows.push({ rowNumber, resolved, costCenterJudgedByLine: resolved['cost-center']?.level === 'distribution' });
  }
  const verdict = checkRowCodingOnSave({ settings: context.settings, rows: saveRows, chart: context.chart, set: context.set, allowedCostCenters: allowed });
  if (!verdict.allowed) {
    const first = verdict.problems[0];
    const field = first ? `lines.${first.rowNumber - 1}.coding.${first.dimension}` : 'lines';
    throw refused(verdict.reason, field).withAudit({ rule: verdict.rule, lineNumber: first?.rowNumber ?? null, lineId: first ? (input.lines[first.rowNumber - 1]?.id ?? null) : null });
  }
  return { organisationId: organisation.id, headerValues, rows, storedRows, storedHeader, organisationCode: organisation.code };
}

/** Writes the plan inside the save's transaction; answers the audit entries of what changed. */
export async function writeSaveCoding(trx: Db, poId: number, plan: CodingSavePlan, lineIdAt: (index: number) => number | undefined): Promise<Omit<AuditEntry, 'operatorId' | 'poId'>[]> {
  await writePoHeaderCoding(trx, poId, plan.organisationId, plan.headerValues);
  const coding = new Map<number, RowCodingValues>();
  const audits: Omit<AuditEntry, 'operatorId' | 'poId'>[] = [];
  plan.rows.forEach((row, index) => {
    const lineId = lineIdAt(index);
    if (lineId === undefined) return;
    coding.set(lineId, row);
    const before = plan.storedRows.get(lineId) ?? {};
    if (!sameRow(before, row) || rowText(before) !== rowText(row)) {
      if (Object.keys(before).length === 0 && Object.keys(row).length === 0) return;
      audits.push({ action: 'row-coding-changed', rule: 'row-coding', lineId, lineNumber: index + 1, before: rowText(before), after: rowText(row), detail: `Row ${index + 1} coded: ${rowText(row)}.` });
    }
  });
  await writeLineCoding(trx, coding);
  const headerBefore = plan.storedHeader?.values ?? {};
  if (valuesText(headerBefore) !== valuesText(plan.headerValues) || (plan.storedHeader && plan.storedHeader.organisationId !== plan.organisationId)) {
    audits.push({ action: 'po-coding-changed', rule: 'header-coding', before: plan.storedHeader ? valuesText(headerBefore) : null, after: valuesText(plan.headerValues), detail: `PO header coded for organisation ${plan.organisationCode}: ${valuesText(plan.headerValues)}.` });
  }
  return audits;
}
