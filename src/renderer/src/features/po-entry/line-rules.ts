import { MAX_QUANTITY_MILLI, MAX_UNIT_COST_MINOR, lineTotalMinor, parseMoney, parseQuantity } from '../../../../shared/money';

/** One PO line as the operator is typing it: plain text per cell, parsed only when needed. */
export interface LineDraft {
  key: string;
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

export type LineCell = 'item' | 'description' | 'quantity' | 'unitCost';
export const LINE_CELLS: readonly LineCell[] = ['item', 'description', 'quantity', 'unitCost'];

export type LineErrors = Partial<Record<LineCell, string>>;

export const MESSAGES = {
  quantity: 'Quantity must be a positive number with up to 3 decimals',
  quantityMax: 'Quantity is at most 1,000,000',
  unitCost: 'Unit cost must be a number with up to 2 decimals',
  unitCostMax: 'Unit cost is at most 10,000,000.00',
  description: 'Describe what is ordered',
  descriptionMax: 'Description is at most 200 characters',
  itemMax: 'Item code is at most 32 characters',
} as const;

let nextKey = 1;
export const newLine = (): LineDraft => ({
  key: `l${nextKey++}`,
  itemCode: '',
  description: '',
  quantity: '',
  unitCost: '',
  filled: null,
  lookedUp: null,
  unknownItem: false,
});

export const isBlankLine = (line: LineDraft): boolean =>
  line.itemCode.trim() === '' && line.description.trim() === '' && line.quantity.trim() === '' && line.unitCost.trim() === '';

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
