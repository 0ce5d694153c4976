import type { DistributionType, LineAccess } from '../../../../shared/contracts';
import { MAX_QUANTITY_MILLI, MAX_UNIT_COST_MINOR, lineTotalMinor, parseMoney, parseQuantity } from '../../../../shared/money';

/** The coding cells main judges with the line rules: each change there asks main again. */
export type CodeCell = 'job' | 'workOrder' | 'costType' | 'glAccount' | 'costCenter';
export const CODE_CELLS: readonly CodeCell[] = ['job', 'workOrder', 'costType', 'glAccount', 'costCenter'];

/** How main last judged the line's coding. */
export interface LineJudgement {
  status: 'ok' | 'refused';
  reason: string;
  costCenterEditable: boolean;
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
}

export type LineCell = 'item' | 'description' | 'quantity' | 'unitCost' | 'distributionType' | CodeCell;
export const LINE_CELLS: readonly LineCell[] = ['item', 'description', 'distributionType', ...CODE_CELLS, 'quantity', 'unitCost'];

export type LineErrors = Partial<Record<LineCell, string>>;

export const MESSAGES = {
  quantity: 'Quantity must be a positive number with up to 3 decimals',
  quantityMax: 'Quantity is at most 1,000,000',
  unitCost: 'Unit cost must be a number with up to 2 decimals',
  unitCostMax: 'Unit cost is at most 10,000,000.00',
  description: 'Describe what is ordered',
  descriptionMax: 'Description is at most 200 characters',
  itemMax: 'Item code is at most 32 characters',
  glAccount: 'Choose a G/L account',
  workOrder: 'A direct work-order cost line needs a work order',
  job: 'A job-cost line needs a job',
} as const;

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

export function quantityOf(line: LineDraft): number | null {
  const value = parseQuantity(line.quantity);
  return value !== null && value > 0 && value <= MAX_QUANTITY_MILLI ? value : null;
}

export function unitCostOf(line: LineDraft): number | null {
  const value = parseMoney(line.unitCost);
  return value !== null && value <= MAX_UNIT_COST_MINOR ? value : null;
}

/** The client-side checks; main re-checks every one of them on save. A blank line has no errors: it is skipped. */
export function lineErrors(line: LineDraft): LineErrors {
  if (isBlankLine(line)) return {};
  const errors: LineErrors = {};
  if (line.itemCode.trim().length > 32) errors.item = MESSAGES.itemMax;
  if (line.description.trim() === '') errors.description = MESSAGES.description;
  else if (line.description.trim().length > 200) errors.description = MESSAGES.descriptionMax;
  const quantity = parseQuantity(line.quantity);
  if (quantity === null || quantity <= 0) errors.quantity = MESSAGES.quantity;
  else if (quantity > MAX_QUANTITY_MILLI) errors.quantity = MESSAGES.quantityMax;
  const unitCost = parseMoney(line.unitCost);
  if (unitCost === null) errors.unitCost = MESSAGES.unitCost;
  else if (unitCost > MAX_UNIT_COST_MINOR) errors.unitCost = MESSAGES.unitCostMax;
  if (line.glAccount.trim() === '') errors.glAccount = MESSAGES.glAccount;
  if (line.distributionType === 'direct-wo-cost' && line.workOrder.trim() === '') errors.workOrder = MESSAGES.workOrder;
  if (line.distributionType === 'job-cost' && line.job.trim() === '' && line.workOrder.trim() === '') errors.job = MESSAGES.job;
  return errors;
}

/** Line total in minor units, or null while quantity or unit cost cannot be read. */
export function lineTotal(line: LineDraft): number | null {
  const quantity = quantityOf(line);
  const unitCost = unitCostOf(line);
  return quantity === null || unitCost === null ? null : lineTotalMinor(quantity, unitCost);
}

export const poTotal = (lines: readonly LineDraft[]): number => lines.reduce((sum, line) => sum + (lineTotal(line) ?? 0), 0);

/** Money for an edit field: "1250.00", never with thousands separators. */
export function moneyForEditing(minor: number): string {
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
