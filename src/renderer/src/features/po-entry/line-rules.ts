import type { ResolvedDimension, RowCodingProblem, RowViaName } from '../../../../shared/coding-schemas';
import type { DistributionType, LineAccess } from '../../../../shared/contracts';
import { formatMoney, formatQuantity, type ParsedNumber, parseMoney, parseQuantity } from '../../../../shared/locale-format';
import type { LocaleCode } from '../../../../shared/locales';
import { lineTotalMinor, MAX_QUANTITY_MILLI, MAX_UNIT_COST_MINOR } from '../../../../shared/money';

/** The coding cells main judges with the line rules: each change there asks main again. */
export type CodeCell = 'job' | 'workOrder' | 'costType' | 'glAccount' | 'costCenter';
export const CODE_CELLS: readonly CodeCell[] = ['job', 'workOrder', 'costType', 'glAccount', 'costCenter'];

/** How main last judged the line's coding. */
export interface LineJudgement {
  status: 'ok' | 'refused';
  reason: string;
  costCenterEditable: boolean;
}

/**
 * A row's order-row coding as main last resolved it (codeRow, openPo, savePo): the PO row level to
 * send back on save, and every dimension with its value, level, access and requirement.
 */
export interface LineCoding {
  row: Record<string, { value: string; via: RowViaName }>;
  resolved: ResolvedDimension[];
  /** What a save would refuse on this row now; empty for a stored line until it is coded again. */
  problems: RowCodingProblem[];
  notes: string[];
  invoiced: boolean;
}

/** One PO line as the operator is typing it: plain text per cell, parsed only when needed. */
export interface LineDraft {
  key: string;
  /** The stored line this row edits; null for a line added here. */
  id: number | null;
  /** What main allows this operator to do with a stored line; null for a new line (all of it). */
  access: LineAccess | null;
  distributionType: DistributionType;
  job: string;
  /** The job came with the work order, so a new work order takes it away again. */
  jobFromWorkOrder: boolean;
  workOrder: string;
  costType: string;
  glAccount: string;
  costCenter: string;
  /** The cost center was typed, picked or stored, so it is sent as is; otherwise main derives it. */
  costCenterEntered: boolean;
  judgement: LineJudgement | null;
  /** The work order and cost center the row held when main last accepted it (rule 1 keeps them on refusal). */
  accepted: { workOrder: string; costCenter: string };
  itemCode: string;
  description: string;
  quantity: string;
  unitCost: string;
  /** What the last looked-up item filled in, so picking another item may replace it. */
  filled: { description: string; unitCost: string } | null;
  /** The item code last looked up, so tabbing through an unchanged cell does not look it up again. */
  lookedUp: string | null;
  /** Set when the item code was looked up and no such item exists. */
  unknownItem: boolean;
  /** Order-row coding; null until main has coded the row. */
  coding: LineCoding | null;
  /**
   * The G/L account was put there by the coding (the purchase account) or carried from the row
   * above, not typed: a new default may replace it, and it is not sent to codeRow as the
   * distribution's own account.
   */
  glFromCoding: boolean;
}

export type LineCell = 'item' | 'description' | 'quantity' | 'unitCost' | 'distributionType' | CodeCell;
/** In the grid's order, so a list of refused cells reads as the screen does. */
export const LINE_CELLS: readonly LineCell[] = ['item', 'description', 'quantity', 'unitCost', 'distributionType', ...CODE_CELLS];

export type LineErrors = Partial<Record<LineCell, string>>;

/** A description longer than this is refused, never cut: main's contract says the same. */
export const DESCRIPTION_LIMIT = 200;

export const MESSAGES = {
  description: 'Describe what is ordered',
  itemMax: 'Item code is at most 32 characters',
  glAccount: 'Choose a G/L account',
  workOrder: 'A direct work-order cost line needs a work order',
  job: 'A job-cost line needs a job',
} as const;

export const descriptionTooLong = (length: number): string =>
  `Description is ${length} characters; at most ${DESCRIPTION_LIMIT} are kept on a PO. Shorten it: nothing is cut for you.`;

export const DISTRIBUTION_TYPES: readonly { value: DistributionType; label: string }[] = [
  { value: 'expense', label: 'Expense' },
  { value: 'job-cost', label: 'Job cost' },
  { value: 'direct-wo-cost', label: 'Direct WO cost' },
];

let nextKey = 1;
/** A blank line; coding carried over from the line above so a run of similar lines is quick to key. */
export const newLine = (from?: Pick<LineDraft, 'distributionType' | 'job' | 'costType' | 'glAccount'>): LineDraft => ({
  key: `l${nextKey++}`,
  id: null,
  access: null,
  distributionType: from?.distributionType === 'direct-wo-cost' ? 'expense' : (from?.distributionType ?? 'expense'),
  job: from?.job ?? '',
  jobFromWorkOrder: false,
  workOrder: '',
  costType: from?.costType ?? '',
  glAccount: from?.glAccount ?? '',
  costCenter: '',
  costCenterEntered: false,
  judgement: null,
  accepted: { workOrder: '', costCenter: '' },
  itemCode: '',
  description: '',
  quantity: '',
  unitCost: '',
  filled: null,
  lookedUp: null,
  unknownItem: false,
  coding: null,
  glFromCoding: (from?.glAccount ?? '') !== '',
});

/** Nothing typed that matters: carried-over coding alone does not make a line worth sending. */
export const isBlankLine = (line: LineDraft): boolean =>
  line.id === null &&
  line.itemCode.trim() === '' &&
  line.description.trim() === '' &&
  line.quantity.trim() === '' &&
  line.unitCost.trim() === '' &&
  line.workOrder.trim() === '';

/** Whether the operator may edit this row at all (rules 5 and 6). */
export const isEditable = (line: LineDraft, viewing: boolean): boolean => !viewing && (line.access?.editable ?? true);

export const costCenterEditable = (line: LineDraft, viewing: boolean, costCentersOn: boolean): boolean =>
  isEditable(line, viewing) && costCentersOn && line.distributionType !== 'direct-wo-cost' && (line.access?.costCenterEditable ?? true);

type Reading = { ok: true; value: number } | { ok: false; message: string };

/** The quantity as it will be stored, in thousandths, or the sentence that says why it cannot be. */
export function readQuantity(text: string, locale: LocaleCode): Reading {
  const parsed: ParsedNumber = parseQuantity(text, locale);
  if (!parsed.ok) return parsed;
  if (parsed.value <= 0) return { ok: false, message: 'Quantity must be more than zero.' };
  if (parsed.value > MAX_QUANTITY_MILLI) return { ok: false, message: `Quantity is at most ${formatQuantity(MAX_QUANTITY_MILLI, locale)}.` };
  return parsed;
}

/** The unit cost in minor units, or why not. */
export function readUnitCost(text: string, locale: LocaleCode): Reading {
  const parsed = parseMoney(text, locale, 'Unit cost');
  if (!parsed.ok) return parsed;
  if (parsed.value > MAX_UNIT_COST_MINOR) return { ok: false, message: `Unit cost is at most ${formatMoney(MAX_UNIT_COST_MINOR, locale)}.` };
  return parsed;
}

const valueOf = (reading: Reading): number | null => (reading.ok ? reading.value : null);
export const quantityOf = (line: LineDraft, locale: LocaleCode): number | null => valueOf(readQuantity(line.quantity, locale));
export const unitCostOf = (line: LineDraft, locale: LocaleCode): number | null => valueOf(readUnitCost(line.unitCost, locale));

/** The client-side checks; main re-checks every one of them on save. A blank line has no errors: it is skipped. */
export function lineErrors(line: LineDraft, locale: LocaleCode): LineErrors {
  if (isBlankLine(line)) return {};
  const errors: LineErrors = {};
  if (line.itemCode.trim().length > 32) errors.item = MESSAGES.itemMax;
  const description = line.description.trim();
  if (description === '') errors.description = MESSAGES.description;
  else if (description.length > DESCRIPTION_LIMIT) errors.description = descriptionTooLong(description.length);
  const quantity = readQuantity(line.quantity, locale);
  if (!quantity.ok) errors.quantity = quantity.message;
  const unitCost = readUnitCost(line.unitCost, locale);
  if (!unitCost.ok) errors.unitCost = unitCost.message;
  if (line.glAccount.trim() === '') errors.glAccount = MESSAGES.glAccount;
  if (line.distributionType === 'direct-wo-cost' && line.workOrder.trim() === '') errors.workOrder = MESSAGES.workOrder;
  if (line.distributionType === 'job-cost' && line.job.trim() === '' && line.workOrder.trim() === '') errors.job = MESSAGES.job;
  return errors;
}

/** Line total in minor units, or null while quantity or unit cost cannot be read. */
export function lineTotal(line: LineDraft, locale: LocaleCode): number | null {
  const quantity = quantityOf(line, locale);
  const unitCost = unitCostOf(line, locale);
  return quantity === null || unitCost === null ? null : lineTotalMinor(quantity, unitCost);
}

export const poTotal = (lines: readonly LineDraft[], locale: LocaleCode): number =>
  lines.reduce((sum, line) => sum + (lineTotal(line, locale) ?? 0), 0);

/**
 * What a number cell shows once the operator leaves it: the value re-written in the locale, so they
 * see what will be stored ("1000" becomes "1,000" in en-US). Text that cannot be read stays as typed.
 */
export function reformatted(cell: 'quantity' | 'unitCost', text: string, locale: LocaleCode): string {
  const reading = cell === 'quantity' ? readQuantity(text, locale) : readUnitCost(text, locale);
  if (!reading.ok) return text;
  return cell === 'quantity' ? formatQuantity(reading.value, locale) : formatMoney(reading.value, locale);
}
