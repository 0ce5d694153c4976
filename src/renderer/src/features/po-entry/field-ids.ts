import type { LineCell } from './line-rules';

/**
 * Form field keys and the DOM ids they render to, so a save error naming `warehouseCode` or
 * `lines.2.quantityMilli` can put its message and the cursor on the right input.
 */
export type HeaderField = 'vendor' | 'warehouse' | 'costCenter';

export const HEADER_IDS: Record<HeaderField, string> = {
  vendor: 'po-vendor',
  warehouse: 'po-warehouse',
  costCenter: 'po-cost-center',
};

const CELL_IDS: Record<LineCell, string> = {
  item: 'item',
  description: 'description',
  quantity: 'quantity',
  unitCost: 'unit-cost',
  distributionType: 'type',
  job: 'job',
  workOrder: 'work-order',
  costType: 'cost-type',
  glAccount: 'gl-account',
  costCenter: 'cost-center',
};

export const lineFieldKey = (lineKey: string, cell: LineCell): string => `line:${lineKey}:${cell}`;
export const lineCellId = (lineKey: string, cell: LineCell): string => `line-${lineKey}-${CELL_IDS[cell]}`;

/** A row's coding (issue 11): the field key of one dimension's refusal, the grid cell of a coding column, the row's coding button. */
export const codingFieldKey = (lineKey: string, dimension: string): string => `line:${lineKey}:coding:${dimension}`;
export const codingCellId = (lineKey: string, dimension: string): string => `line-${lineKey}-dim-${dimension}`;
export const codingButtonId = (lineKey: string): string => `line-${lineKey}-coding`;
export const codingBoxFieldId = (dimension: string): string => `coding-box-${dimension}`;
export const ORGANISATION_FIELD_ID = 'po-organisation';
/** The PO header level of coding: its button in the header, its dialog's fields, and the key of a save's refusal of one of its values. */
export const PO_CODING_BUTTON_ID = 'po-coding-button';
export const headerCodingFieldId = (dimension: string): string => `po-coding-${dimension}`;
export const HEADER_CODING_KEY_PREFIX = 'headerCoding:';
export const headerCodingKey = (dimension: string): string => `${HEADER_CODING_KEY_PREFIX}${dimension}`;

export const SAVE_BUTTON_ID = 'po-save';
export const ADD_LINE_BUTTON_ID = 'po-add-line';

const HEADER_BY_CONTRACT: Record<string, HeaderField> = {
  vendorCode: 'vendor',
  warehouseCode: 'warehouse',
  costCenterCode: 'costCenter',
};

/** The line cell a save-contract field belongs to. */
export const CELL_BY_CONTRACT: Record<string, LineCell> = {
  itemCode: 'item',
  description: 'description',
  quantityMilli: 'quantity',
  unitCostMinor: 'unitCost',
  distributionType: 'distributionType',
  jobCode: 'job',
  workOrderCode: 'workOrder',
  costTypeCode: 'costType',
  glAccountCode: 'glAccount',
  costCenterCode: 'costCenter',
  id: 'item',
};

export interface FieldTarget {
  /** Key into the form's field errors. */
  key: string;
  /** Element to focus. */
  id: string;
  /** How the field is named for people: "Warehouse", "Line 2 quantity". */
  label: string;
}

const HEADER_LABELS: Record<HeaderField, string> = { vendor: 'Vendor', warehouse: 'Warehouse', costCenter: 'Cost center' };
export const CELL_LABELS: Record<LineCell, string> = {
  item: 'item',
  description: 'description',
  quantity: 'quantity',
  unitCost: 'unit cost',
  distributionType: 'type',
  job: 'job',
  workOrder: 'work order',
  costType: 'cost type',
  glAccount: 'G/L account',
  costCenter: 'cost center',
};

/**
 * Maps a contract path from main to a form field. `sentLines[i]` is the form line that went out as
 * `lines.i` (blank lines are not sent); `lineNumberOf` gives the number the operator sees.
 */
export function fieldTargetOf(
  path: string | undefined,
  sentLines: readonly string[],
  lineNumberOf: (lineKey: string) => number,
): FieldTarget | null {
  if (!path) return null;
  const coding = /^lines\.(\d+)\.coding(?:\.([^.]+))?/.exec(path);
  if (coding) {
    const lineKey = sentLines[Number(coding[1])];
    if (lineKey === undefined) return { key: 'lines', id: ADD_LINE_BUTTON_ID, label: 'Lines' };
    const dimension = coding[2] ?? 'row';
    // The purchase account is the line's G/L account; the other dimensions are in the coding box.
    const glCell = dimension === 'purchase-account';
    return {
      key: glCell ? lineFieldKey(lineKey, 'glAccount') : codingFieldKey(lineKey, dimension),
      // A dimension's grid cell when its column is shown; the grid falls back to the row's coding button.
      id: glCell ? lineCellId(lineKey, 'glAccount') : dimension === 'row' ? codingButtonId(lineKey) : codingCellId(lineKey, dimension),
      label: `Line ${lineNumberOf(lineKey)} ${dimension === 'row' ? 'coding' : dimension.replace(/-/g, ' ')}`,
    };
  }
  const headerValue = /^coding\.values\.(.+)$/.exec(path);
  if (headerValue) {
    const dimension = headerValue[1] as string;
    return { key: headerCodingKey(dimension), id: PO_CODING_BUTTON_ID, label: `PO coding ${dimension.replace(/-/g, ' ')}` };
  }
  if (path === 'coding' || path.startsWith('coding.')) return { key: 'organisation', id: ORGANISATION_FIELD_ID, label: 'Organisation' };
  const header = HEADER_BY_CONTRACT[path];
  if (header) return { key: header, id: HEADER_IDS[header], label: HEADER_LABELS[header] };
  const match = /^lines(?:\.(\d+)(?:\.(\w+))?)?$/.exec(path);
  if (!match) return null;
  const lineKey = match[1] === undefined ? sentLines[0] : sentLines[Number(match[1])];
  if (lineKey === undefined) return { key: 'lines', id: ADD_LINE_BUTTON_ID, label: 'Lines' };
  const cell = (match[2] && CELL_BY_CONTRACT[match[2]]) || 'item';
  return { key: lineFieldKey(lineKey, cell), id: lineCellId(lineKey, cell), label: `Line ${lineNumberOf(lineKey)} ${CELL_LABELS[cell]}` };
}
