import type { CodeRowResult, ResolvedDimension } from '../../shared/coding-schemas';
import type { ParsedInputOf } from '../../shared/contracts';
import { findAccount, requirementOf } from '../domain/coding/chart-of-accounts';
import { dimensionLabel, findValue, PURCHASE_ACCOUNT } from '../domain/coding/dimensions';
import type { SupplierFacts } from '../domain/coding/purchase-account-matrix';
import { checkCodingChange, checkRowCodingOnSave, type CodingPlace, codingFieldAccess, type CodingUser } from '../domain/coding/row-coding-checks';
import { defaultRowCoding, type NewRowFacts, recodeRow, resolveRowCoding, type RowCodingValues, type RowResolvedValue, type RowSubject, type RowValue, type UpperLevels } from '../domain/coding/row-coding';
import type { EffectiveList } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import { listItemCoding, listVendorCoding } from '../store/repositories/coding-repo';
import { findPoHeader, findStoredLines } from '../store/repositories/po-repo';
import { readCostCentersEnabled } from '../store/repositories/settings-repo';
import { refused } from './app-failure';
import { type CodingContext, loadCodingContext, requireOrganisation } from './coding-context';
import type { Caller, Desk } from './desk';
import { loadOperatorScope } from './operator-scope';
import { loadPoSecurity } from './po-security';
import { distributionLevel, headerLevel, invoicedLineIds } from './row-coding-read';

/**
 * The coding of one row as the entry screen shows it: every dimension with its value, the level it
 * came from, why, what the account asks of it and whether this user may change it here.
 *
 * Who may override a value (a field that has one) on a row not yet invoiced: admins and
 * supervisors always; operators when the row-coding setting "operators may override coding" is on.
 * Filling a blank needs no right (row-coding-checks.ts says why).
 */

export function codingUser(caller: Caller, context: CodingContext): CodingUser {
  const role = caller.operator.role;
  return { displayName: caller.operator.displayName, mayOverrideCoding: role === 'admin' || role === 'supervisor' || context.settings.operatorsMayOverrideCoding };
}

export function overrideRightText(caller: Caller, context: CodingContext): string {
  const role = caller.operator.role;
  if (role !== 'operator') return `As ${role === 'admin' ? 'an admin' : 'a supervisor'} you may override coded values on rows not yet invoiced.`;
  return context.settings.operatorsMayOverrideCoding
    ? 'Operators may override coded values on rows not yet invoiced (row-coding setting).'
    : 'Only supervisors and admins may override coded values; you may fill in blank ones.';
}

export interface ViewFacts {
  context: CodingContext;
  user: CodingUser;
  place: CodingPlace;
  rowNumber: number;
  invoiced: boolean;
  /** The line's own G/L account and cost center, when the distribution holds them. */
  distribution: Record<string, string>;
  /** When the line itself cannot be edited (security, view mode), every field is read-only with this reason. */
  lineReadOnly?: { rule: string; reason: string } | null;
}

const valueName = (context: CodingContext, dimension: string, value: string | null) => (value === null ? null : (findValue(context.set, dimension, value)?.name ?? null));

/** The dimensions in order, each with access, requirement and where an edit goes. */
export function resolvedView(facts: ViewFacts, resolved: Readonly<Record<string, RowResolvedValue>>): ResolvedDimension[] {
  const { context } = facts;
  const account = findAccount(context.chart, resolved[PURCHASE_ACCOUNT]?.value ?? null);
  return context.dimensions.map((dimension) => {
    const current = resolved[dimension] as RowResolvedValue;
    const editAt: ResolvedDimension['editAt'] =
      current.level === 'distribution' && dimension === PURCHASE_ACCOUNT ? 'glAccountCode' : current.level === 'distribution' && dimension === 'cost-center' ? 'costCenterCode' : 'po-row';
    const access = facts.lineReadOnly
      ? { editable: false, ...facts.lineReadOnly }
      : codingFieldAccess({
          place: facts.place,
          settings: context.settings,
          user: facts.user,
          rowNumber: facts.rowNumber,
          invoicedQuantityMilli: facts.invoiced ? 1 : 0,
          invoicedAmountMinor: 0,
          dimension,
          current,
          account,
          set: context.set,
        });
    return {
      dimension,
      label: dimensionLabel(dimension, context.set),
      value: current.value,
      valueName: valueName(context, dimension, current.value),
      level: current.level,
      via: current.via,
      setAside: [...current.setAside],
      dropped: current.dropped,
      reason: current.reason,
      requirement: dimension === PURCHASE_ACCOUNT ? 'yes' : requirementOf(account, dimension),
      access: { editable: access.editable, rule: access.rule, reason: access.reason },
      editAt,
    };
  });
}

/** Values of a row level as the set spells them, so "p-100" is stored as the list's "P-100". */
export function canonicalRow(context: CodingContext, row: Readonly<Record<string, { value: string; via: RowValue['via'] } | undefined>>): Record<string, RowValue> {
  const result: Record<string, RowValue> = {};
  for (const [dimension, entry] of Object.entries(row)) {
    if (!entry) continue;
    const known = dimension === PURCHASE_ACCOUNT ? findAccount(context.chart, entry.value) : findValue(context.set, dimension, entry.value);
    result[dimension] = { value: known?.code ?? entry.value, via: entry.via };
  }
  return result;
}

export interface RowFactsInput {
  context: CodingContext;
  supplier: SupplierFacts;
  upper: UpperLevels;
  rowNumber: number;
  subject: RowSubject;
  rowAbove: { rowNumber: number; values: RowCodingValues } | null;
}

export const newRowFacts = (input: RowFactsInput): NewRowFacts => ({
  rowNumber: input.rowNumber,
  subject: input.subject,
  settings: input.context.settings,
  supplier: input.supplier,
  matrix: input.context.matrix,
  standardAccounts: input.context.accounts.standard,
  chart: input.context.chart,
  rowAbove: input.rowAbove,
  upper: input.upper,
  dimensions: input.context.dimensions,
  set: input.context.set,
});

/** The cost centers the Spectrum rules let the caller use on a PO of this warehouse; null when cost centers are not in use. */
export async function allowedCostCentersFor(db: Db, caller: Caller, warehouseCode: string, poId: number | undefined): Promise<EffectiveList | null> {
  if (!(await readCostCentersEnabled(db))) return null;
  const { scope } = await loadOperatorScope(db, caller);
  const stored = poId === undefined ? [] : await findStoredLines(db, poId);
  const security = await loadPoSecurity(db, scope, caller.operator.schemeId, poId === undefined ? 'new' : 'change', warehouseCode.toUpperCase(), stored);
  return security.list;
}

type CodeRowInput = ParsedInputOf<'codeRow'>;

async function subjectOf(db: Db, subject: CodeRowInput['subject']): Promise<RowSubject> {
  if (subject.kind === 'additional') return { kind: 'additional' };
  const codes = subject.kind === 'part' ? [subject.itemCode] : [subject.partItemCode, ...(subject.itemCode ? [subject.itemCode] : [])];
  const items = await listItemCoding(db, codes);
  const find = (code: string) => items.find((item) => item.itemCode.toLowerCase() === code.toLowerCase());
  if (subject.kind === 'part') {
    const item = find(subject.itemCode);
    if (!item) throw refused(`There is no item ${subject.itemCode}.`, 'subject.itemCode');
    return { kind: 'part', partNumber: item.itemCode, productGroup: item.productGroup };
  }
  const part = find(subject.partItemCode);
  if (!part) throw refused(`There is no item ${subject.partItemCode}.`, 'subject.partItemCode');
  const own = subject.itemCode ? find(subject.itemCode) : undefined;
  return {
    kind: 'setup-price',
    productGroup: own?.productGroup ?? null,
    part: { partNumber: part.itemCode, productGroup: part.productGroup, row: subject.partRow ? { rowNumber: subject.partRow.rowNumber, values: subject.partRow.coding } : null },
  };
}

/** codeRow: defaults (or keeps) the row's coding, resolves it, judges an asked change; writes nothing. */
export async function codeRow(desk: Desk, caller: Caller, input: CodeRowInput): Promise<CodeRowResult> {
  const { db } = desk;
  const organisation = await requireOrganisation(db, input.header.organisationCode, 'header.organisationCode');
  const [context, vendors] = await Promise.all([loadCodingContext(db, organisation), db.selectFrom('vendors').select('id').where('code', '=', input.vendorCode.toUpperCase()).execute()]);
  const vendorId = vendors[0]?.id;
  if (vendorId === undefined) throw refused(`There is no vendor ${input.vendorCode}.`, 'vendorCode');
  if (input.poId !== undefined && !(await findPoHeader(db, input.poId))) throw refused(`Purchase order ${input.poId} does not exist.`, 'poId');
  const [vendor] = await listVendorCoding(db, [vendorId]);
  const supplier: SupplierFacts = { supplierGroup: vendor?.supplierGroup ?? null, supplierType: vendor?.supplierType ?? 'domestic' };
  const headerValues = Object.fromEntries(Object.entries(input.header.values).filter((entry): entry is [string, string] => entry[1] !== null));
  const upper: UpperLevels = { organisation: context.organisationValues, vendor: vendor?.values ?? {}, poHeader: headerLevel(headerValues, input.headerCostCenterCode) };
  const subject = await subjectOf(db, input.subject);
  const current = canonicalRow(context, input.current);
  const facts = newRowFacts({ context, supplier, upper, rowNumber: input.rowNumber, subject, rowAbove: input.rowAbove && { rowNumber: input.rowAbove.rowNumber, values: canonicalRow(context, input.rowAbove.coding) } });
  const distribution = distributionLevel(input.distribution);
  const defaults = input.defaulting === 'default' ? recodeRow(current, facts) : { values: current, openCodingBox: false, notes: [] as string[] };
  const invoiced = input.lineId !== undefined && (await invoicedLineIds(db, [input.lineId])).has(input.lineId);
  const user = codingUser(caller, context);
  const allowed = await allowedCostCentersFor(db, caller, input.warehouseCode, input.poId);
  let row: Record<string, RowValue> = { ...defaults.values };
  const resolveNow = () => resolveRowCoding({ upper, row, distribution, chart: context.chart, dimensions: context.dimensions, set: context.set });
  let resolved = resolveNow();
  let change: CodeRowResult['change'] = null;
  if (input.change) {
    const dimension = context.dimensions.find((code) => code.toLowerCase() === input.change?.dimension.toLowerCase());
    if (!dimension) {
      change = { allowed: false, rule: 'coding-type-unknown', reason: `The organisation does not code by ${input.change.dimension}.` };
    } else {
      const verdict = checkCodingChange({
        place: input.place,
        settings: context.settings,
        user,
        rowNumber: input.rowNumber,
        invoicedQuantityMilli: invoiced ? 1 : 0,
        invoicedAmountMinor: 0,
        dimension,
        current: resolved[dimension] as RowResolvedValue,
        account: findAccount(context.chart, resolved[PURCHASE_ACCOUNT]?.value ?? null),
        set: context.set,
        newValue: input.change.value,
        level: 'po-row',
        chart: context.chart,
        allowedCostCenters: allowed,
        resolved,
      });
      change = { allowed: verdict.allowed, rule: verdict.rule, reason: verdict.reason };
      if (verdict.allowed && verdict.rule !== 'coding-unchanged') {
        row = { ...row };
        if (verdict.store) row[dimension] = verdict.store;
        else delete row[dimension];
        resolved = resolveNow();
      }
    }
  }
  const view = resolvedView({ context, user, place: input.place, rowNumber: input.rowNumber, invoiced, distribution }, resolved);
  const check = checkRowCodingOnSave({
    settings: context.settings,
    rows: [{ rowNumber: input.rowNumber, resolved, costCenterJudgedByLine: resolved['cost-center']?.level === 'distribution' }],
    chart: context.chart,
    set: context.set,
    allowedCostCenters: allowed,
  });
  return {
    rowNumber: input.rowNumber,
    row,
    resolved: view,
    openCodingBox: defaults.openCodingBox,
    notes: defaults.notes,
    problems: [...check.problems],
    change,
    organisationCode: organisation.code,
    supplier: { supplierGroupCode: supplier.supplierGroup, supplierType: supplier.supplierType },
  };
}

export { defaultRowCoding };
