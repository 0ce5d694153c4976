import { type CodingColumnId, type GridColumnId, isCodingColumn } from './grid-navigation';

/**
 * The lines grid's columns in screen order: what the operator types first (item, description,
 * quantity, unit cost) comes first, coding after. Widths are pixels; Description takes what is left.
 * The minimum widths add up to less than a 1024-pixel window's content, so every column fits there.
 */
export interface GridColumn {
  id: GridColumnId;
  header: string;
  /** Spoken and shown as a tooltip where the header is abbreviated. */
  title?: string;
  width: number;
  minWidth: number;
  /** Coding columns can be hidden; the entry columns cannot. */
  hideable: boolean;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** Takes the free width. */
  flexible?: boolean;
  /** Shown only once the operator asks for it in the column menu (the coding dimensions beyond G/L and cost center). */
  defaultHidden?: boolean;
  /** The coding dimension a `dim:` column shows. */
  dimension?: string;
}

export const GRID_COLUMNS: readonly GridColumn[] = [
  { id: 'number', header: '#', title: 'Line number', width: 40, minWidth: 40, hideable: false },
  { id: 'item', header: 'Item', width: 96, minWidth: 84, hideable: false },
  { id: 'description', header: 'Description', width: 108, minWidth: 108, hideable: false, flexible: true },
  { id: 'quantity', header: 'Quantity', width: 72, minWidth: 66, hideable: false, numeric: true },
  { id: 'unitCost', header: 'Unit cost', width: 84, minWidth: 76, hideable: false, numeric: true },
  { id: 'total', header: 'Line total', width: 84, minWidth: 84, hideable: false, numeric: true },
  { id: 'distributionType', header: 'Type', title: 'Distribution type', width: 100, minWidth: 100, hideable: true },
  { id: 'job', header: 'Job', width: 56, minWidth: 56, hideable: true },
  { id: 'workOrder', header: 'Work order', width: 90, minWidth: 90, hideable: true },
  { id: 'costType', header: 'CT', title: 'Cost type', width: 44, minWidth: 44, hideable: true },
  { id: 'glAccount', header: 'G/L', title: 'G/L account', width: 64, minWidth: 64, hideable: true },
  { id: 'costCenter', header: 'Cost center', width: 94, minWidth: 94, hideable: true },
  { id: 'remove', header: 'Coding, remove', title: 'Coding box (Alt+C), remove line', width: 40, minWidth: 40, hideable: false },
];

export const COLUMN_BY_ID = Object.fromEntries(GRID_COLUMNS.map((column) => [column.id, column])) as Record<GridColumnId, GridColumn>;

/** The dimensions the G/L account and cost-center columns already show. */
const OWN_COLUMNS = new Set(['purchase-account', 'cost-center']);

const dimensionColumn = (id: CodingColumnId, label: string): GridColumn => ({
  id,
  header: label.charAt(0).toUpperCase() + label.slice(1),
  width: 92,
  minWidth: 64,
  hideable: true,
  defaultHidden: true,
  dimension: id.slice(4),
});

/** The coding dimensions beyond G/L account and cost center, one column each, hidden until the column menu shows them. */
export const codingColumnsOf = (dimensions: readonly { code: string; label: string }[]): GridColumn[] =>
  dimensions.filter((dimension) => !OWN_COLUMNS.has(dimension.code)).map((dimension) => dimensionColumn(`dim:${dimension.code}`, dimension.label));

/** Every column the grid can show, in screen order: the coding dimensions just before the row actions. */
export const allColumns = (dimensions: readonly { code: string; label: string }[]): GridColumn[] => [
  ...GRID_COLUMNS.filter((column) => column.id !== 'remove'),
  ...codingColumnsOf(dimensions),
  COLUMN_BY_ID.remove,
];

/** A column by id; a coding column not known here yet (the setup is still being read) gets its code as header. */
export const columnOf = (id: GridColumnId): GridColumn => COLUMN_BY_ID[id] ?? dimensionColumn(id as CodingColumnId, (id as string).slice(4).replace(/-/g, ' '));

/** Columns that must show whatever the operator hid: a line cannot be saved without its G/L account. */
export type ColumnLayout = { hidden: GridColumnId[]; shown: GridColumnId[]; widths: Partial<Record<GridColumnId, number>> };
export const DEFAULT_LAYOUT: ColumnLayout = { hidden: [], shown: [], widths: {} };

/** Whether the layout shows a column: a default-hidden one when asked for, any other unless hidden. */
export const isShown = (column: GridColumn, layout: ColumnLayout): boolean =>
  column.defaultHidden ? layout.shown.includes(column.id) : !layout.hidden.includes(column.id);

export const knownColumnId = (id: string): id is GridColumnId => Object.hasOwn(COLUMN_BY_ID, id) || isCodingColumn(id);

/** CSS grid columns for the visible columns: fixed widths, Description `minmax(its width, 1fr)`. */
export function gridTemplate(columns: readonly GridColumn[], layout: ColumnLayout): string {
  return columns
    .map((column) => {
      const width = Math.max(column.minWidth, layout.widths[column.id] ?? column.width);
      return column.flexible ? `minmax(${width}px, 1fr)` : `${width}px`;
    })
    .join(' ');
}

export const visibleColumns = (layout: ColumnLayout, costCentersOn: boolean, columns: readonly GridColumn[] = GRID_COLUMNS): GridColumn[] =>
  columns.filter((column) => isShown(column, layout) && (costCentersOn || column.id !== 'costCenter'));
