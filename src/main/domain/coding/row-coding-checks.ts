/**
 * What may be done to a row's coding, pure: which fields are editable where, whether a change is
 * allowed, and the save check under "mandatory coding on order rows".
 *
 * A coding field, in this order, the first that applies deciding:
 * | situation                                              | field                               |
 * |--------------------------------------------------------|-------------------------------------|
 * | the row has been invoiced (any quantity or amount)     | read-only `coding-row-invoiced`: its entry is booked with this coding |
 * | in the grid, "coding only in extra row info" is on     | read-only `coding-box-only`: edit it in the coding box (Alt+C) |
 * | a sub-object the row's account takes No of            | read-only `coding-not-on-account`   |
 * | it has a value, the user lacks the right to override coding | read-only `coding-override-right` |
 * | it has a value, the user has the right                 | editable `coding-override`          |
 * | it is blank                                            | editable `coding-fill-blank`, for everyone |
 *
 * Why filling a blank needs no right: a row the defaults left uncoded must be coded by the operator
 * entering it (the coding box even opens by itself for that), or nobody could save it under
 * mandatory coding. Overriding means replacing a value some rule or level chose.
 *
 * A change (checkCodingChange) must also name a usable value: a purchase account in the chart of
 * accounts and active (the chart is the purchase-account dimension's list of values), any other
 * value active in the organisation's dimension set, a sub-object the account takes, and a cost
 * center the Spectrum rules let the operator use. Leaving a field blank removes the row's own
 * value; it cannot take away a value from the vendor or the PO header (precedence.ts), so that is
 * refused with where to change it.
 *
 * The save check (checkRowCodingOnSave) always refuses values that cannot be booked (unknown or
 * inactive, a sub-object the account takes No of, a cost center outside the operator's list); under
 * "mandatory coding on order rows" it also requires a purchase account on every row and every
 * sub-object its account makes Mandatory. Every problem names its row and dimension.
 */
import { type EffectiveList, listCodes } from '../cost-center-rules';
import { type ChartAccount, type ChartOfAccounts, findAccount, requirementOf, takesNoText } from './chart-of-accounts';
import { checkDimensionValue, COST_CENTER, dimensionLabel, type DimensionSet, findValue, PURCHASE_ACCOUNT } from './dimensions';
import { LEVEL_TEXT } from './precedence';
import type { RowCodingSettings, RowResolvedCoding, RowResolvedValue, RowValue } from './row-coding';

export interface CodingUser {
  displayName: string;
  /** The right to override a value on a row's coding. */
  mayOverrideCoding: boolean;
}

export type CodingPlace = 'grid' | 'coding-box';

export interface FieldAccessFacts {
  place: CodingPlace;
  settings: Pick<RowCodingSettings, 'codingOnlyInExtraRowInfo'>;
  user: CodingUser;
  rowNumber: number;
  /** What has been invoiced on the row so far. */
  invoicedQuantityMilli: number;
  invoicedAmountMinor: number;
  dimension: string;
  /** The field's value as the row resolves it now. */
  current: RowResolvedValue;
  /** The account the row resolves to now; undefined when it has none or it is not in the chart. */
  account: ChartAccount | undefined;
  set: DimensionSet;
}

export type AccessRule = 'coding-row-invoiced' | 'coding-box-only' | 'coding-not-on-account' | 'coding-override-right' | 'coding-override' | 'coding-fill-blank';

export interface FieldAccess {
  editable: boolean;
  rule: AccessRule;
  reason: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whether a coding field may be edited here, by the table at the top, and why not. */
export function codingFieldAccess(facts: FieldAccessFacts): FieldAccess {
  const { current, rowNumber, dimension } = facts;
  const label = dimensionLabel(dimension, facts.set);
  if (facts.invoicedQuantityMilli > 0 || facts.invoicedAmountMinor > 0) {
    return { editable: false, rule: 'coding-row-invoiced', reason: `Row ${rowNumber} has been invoiced; its coding is booked in the accounting entry and can no longer change.` };
  }
  if (facts.place === 'grid' && facts.settings.codingOnlyInExtraRowInfo) {
    return { editable: false, rule: 'coding-box-only', reason: `Coding is edited in the coding box (Alt+C), not in the grid: the setting "coding only in extra row info" is on.` };
  }
  if (dimension !== PURCHASE_ACCOUNT && facts.account && requirementOf(facts.account, dimension) === 'no') {
    return { editable: false, rule: 'coding-not-on-account', reason: takesNoText(facts.account, dimension, facts.set) };
  }
  if (current.value !== null && current.level !== null) {
    const where = `${capitalise(label)} ${current.value} comes from ${LEVEL_TEXT[current.level]}`;
    if (!facts.user.mayOverrideCoding) {
      return { editable: false, rule: 'coding-override-right', reason: `${where}; changing it needs the right to override coding, which ${facts.user.displayName} does not have.` };
    }
    return { editable: true, rule: 'coding-override', reason: `${where}; you may override it on row ${rowNumber}.` };
  }
  return { editable: true, rule: 'coding-fill-blank', reason: `Row ${rowNumber} has no ${label}; enter one.` };
}

export interface ChangeFacts extends FieldAccessFacts {
  /** The value asked for; null leaves the field blank. */
  newValue: string | null;
  /** The PO row, or one distribution of it. */
  level: 'po-row' | 'distribution';
  chart: ChartOfAccounts;
  /** The cost centers the Spectrum rules let the operator use on this row; null when cost centers are not checked. */
  allowedCostCenters: EffectiveList | null;
  /** The row's other resolved values, to say what an account change drops. */
  resolved: RowResolvedCoding;
}

export type ChangeVerdict =
  | { allowed: true; rule: 'coding-unchanged' | 'coding-changed' | 'coding-cleared'; reason: string; /** What the level stores for the dimension; null: nothing. */ store: RowValue | null }
  | { allowed: false; rule: string; reason: string };

/** A usable value for the dimension, or why not. */
function valueProblem(facts: ChangeFacts, value: string): { rule: string; reason: string } | null {
  const { dimension, set, chart } = facts;
  if (dimension === PURCHASE_ACCOUNT) {
    const account = findAccount(chart, value);
    if (!account) return { rule: 'coding-account-unknown', reason: `There is no account ${value} in the chart of accounts.` };
    if (!account.active) return { rule: 'coding-account-inactive', reason: `Account ${account.code} (${account.name}) is inactive; choose an active one.` };
    return null;
  }
  const verdict = checkDimensionValue(set, dimension, value);
  if (!verdict.allowed) return { rule: verdict.rule, reason: verdict.reason };
  if (dimension === COST_CENTER && facts.allowedCostCenters !== null && !facts.allowedCostCenters.codes.some((code) => code.toLowerCase() === value.toLowerCase())) {
    return { rule: 'coding-cost-center-not-allowed', reason: `Cost center ${value} is not allowed: ${facts.allowedCostCenters.label} allows ${listCodes(facts.allowedCostCenters.codes)}.` };
  }
  return null;
}

/** May the row (or distribution) take this value now? See the header for the order of the rules. */
export function checkCodingChange(facts: ChangeFacts): ChangeVerdict {
  const access = codingFieldAccess(facts);
  if (!access.editable) return { allowed: false, rule: access.rule, reason: access.reason };
  const { current, dimension, rowNumber } = facts;
  const label = dimensionLabel(dimension, facts.set);
  const name = capitalise(label);
  const next = facts.newValue === null || facts.newValue.trim() === '' ? null : facts.newValue.trim();
  const place = facts.level === 'po-row' ? `row ${rowNumber}` : `the distribution on row ${rowNumber}`;
  if (next === null) {
    if (current.level === null || current.value === null) return { allowed: true, rule: 'coding-unchanged', reason: `Row ${rowNumber} has no ${label}; nothing changes.`, store: null };
    if (current.level !== facts.level) {
      return {
        allowed: false,
        rule: 'coding-blank-hides-nothing',
        reason: `${name} ${current.value} comes from ${LEVEL_TEXT[current.level]}; leaving it blank on ${place} cannot take it away. Change it on ${LEVEL_TEXT[current.level]}, or enter another ${label}.`,
      };
    }
    const below = current.setAside[0];
    const then = below ? `it falls back to ${LEVEL_TEXT[below.level]}'s ${below.value}` : `it then has none`;
    return { allowed: true, rule: 'coding-cleared', reason: `${name} ${current.value} is removed from ${place}; ${then}.`, store: null };
  }
  if (current.value !== null && current.value === next) return { allowed: true, rule: 'coding-unchanged', reason: `${name} stays ${next} on ${place}.`, store: null };
  const problem = valueProblem(facts, next);
  if (problem) return { allowed: false, ...problem };
  const from = current.value === null ? '' : ` from ${current.value}`;
  let consequence = '';
  if (dimension === PURCHASE_ACCOUNT) {
    const account = findAccount(facts.chart, next) as ChartAccount;
    const lost = Object.values(facts.resolved).filter((other) => other.dimension !== PURCHASE_ACCOUNT && other.value !== null && requirementOf(account, other.dimension) === 'no');
    if (lost.length > 0) consequence = ` ${lost.map((other) => `${takesNoText(account, other.dimension, facts.set)} ${capitalise(dimensionLabel(other.dimension, facts.set))} ${other.value} is dropped.`).join(' ')}`;
  }
  return { allowed: true, rule: 'coding-changed', reason: `${name} changes${from} to ${next} on ${place}.${consequence}`, store: { value: next, via: 'entered' } };
}

export interface SaveRow {
  rowNumber: number;
  resolved: RowResolvedCoding;
  /** The row's cost center is the line's own distribution's, which the line rules (Spectrum, overrides) already judged: not checked again here. */
  costCenterJudgedByLine?: boolean;
}

export interface SaveCodingFacts {
  settings: Pick<RowCodingSettings, 'mandatoryCoding'>;
  rows: readonly SaveRow[];
  chart: ChartOfAccounts;
  set: DimensionSet;
  /** As in ChangeFacts; null when cost centers are not checked here. */
  allowedCostCenters: EffectiveList | null;
}

export interface RowCodingProblem {
  rowNumber: number;
  dimension: string;
  rule: string;
  reason: string;
}

export type SaveCodingVerdict =
  | { allowed: true; rule: 'coding-complete' | 'coding-valid'; reason: string; problems: readonly [] }
  | { allowed: false; rule: string; reason: string; problems: readonly RowCodingProblem[] };

function rowProblems(facts: SaveCodingFacts, row: SaveRow): RowCodingProblem[] {
  const problems: RowCodingProblem[] = [];
  const n = row.rowNumber;
  const add = (dimension: string, rule: string, reason: string) => problems.push({ rowNumber: n, dimension, rule, reason });
  const accountCode = row.resolved[PURCHASE_ACCOUNT]?.value ?? null;
  const account = findAccount(facts.chart, accountCode);
  if (accountCode === null) {
    if (facts.settings.mandatoryCoding) add(PURCHASE_ACCOUNT, 'coding-purchase-account-required', `Row ${n} has no purchase account; every row must have one.`);
  } else if (!account) add(PURCHASE_ACCOUNT, 'coding-account-unknown', `Row ${n}'s purchase account ${accountCode} is not in the chart of accounts.`);
  else if (!account.active) add(PURCHASE_ACCOUNT, 'coding-account-inactive', `Row ${n}'s purchase account ${account.code} (${account.name}) is inactive.`);
  for (const resolved of Object.values(row.resolved)) {
    const { dimension, value } = resolved;
    if (dimension === PURCHASE_ACCOUNT) continue;
    const label = dimensionLabel(dimension, facts.set);
    const requirement = requirementOf(account, dimension);
    if (value === null) {
      if (facts.settings.mandatoryCoding && account && requirement === 'mandatory') {
        add(dimension, 'coding-sub-object-mandatory', `Row ${n} has no ${label}: account ${account.code} (${account.name}) requires one.`);
      }
      continue;
    }
    if (account && requirement === 'no') {
      add(dimension, 'coding-not-on-account', `Row ${n} has ${label} ${value}, but account ${account.code} (${account.name}) takes none.`);
      continue;
    }
    const verdict = checkDimensionValue(facts.set, dimension, value);
    if (!verdict.allowed) {
      const known = findValue(facts.set, dimension, value);
      const why = verdict.rule === 'coding-value-inactive' && known ? `${known.code} (${known.name}) is inactive` : verdict.rule === 'coding-value-unknown' ? `${value} does not exist` : `${value} is not in use: the organisation does not code by ${label}`;
      add(dimension, verdict.rule, `Row ${n}'s ${label} ${why}.`);
      continue;
    }
    if (dimension === COST_CENTER && !row.costCenterJudgedByLine && facts.allowedCostCenters !== null && !facts.allowedCostCenters.codes.some((code) => code.toLowerCase() === value.toLowerCase())) {
      add(dimension, 'coding-cost-center-not-allowed', `Row ${n}'s cost center ${value} is not allowed: ${facts.allowedCostCenters.label} allows ${listCodes(facts.allowedCostCenters.codes)}.`);
    }
  }
  return problems;
}

/** The save's judgement of every row's coding; the cursor goes to the first problem. */
export function checkRowCodingOnSave(facts: SaveCodingFacts): SaveCodingVerdict {
  const problems = [...facts.rows].sort((a, b) => a.rowNumber - b.rowNumber).flatMap((row) => rowProblems(facts, row));
  const [first] = problems;
  if (!first) {
    return facts.settings.mandatoryCoding
      ? { allowed: true, rule: 'coding-complete', reason: 'Every row has a purchase account and every sub-object its account requires.', problems: [] }
      : { allowed: true, rule: 'coding-valid', reason: 'Every coded value can be booked; coding on order rows is not mandatory.', problems: [] };
  }
  const rows = [...new Set(problems.map((problem) => problem.rowNumber))];
  const intro = problems.length === 1 ? 'The PO cannot be saved:' : `The PO cannot be saved: ${problems.length} coding problems on ${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}.`;
  return { allowed: false, rule: first.rule, reason: `${intro} ${problems.map((problem) => problem.reason).join(' ')}`, problems };
}
