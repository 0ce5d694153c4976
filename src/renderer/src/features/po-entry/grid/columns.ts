import type { GridColumnId } from './grid-navigation';

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
}

export const GRID_COLUMNS: readonly GridColumn[] = [
  { id: 'number', header: '#', title: 'Line number', width: 40, minWidth: 40, hideable: false },
  { id: 'item', header: 'Item', width: 96, minWidth: 84, hideable: false },
  { id: 'description', header: 'Description', width: 116, minWidth: 116, hideable: false, flexible: true },
  { id: 'quantity', header: 'Quantity', width: 72, minWidth: 66, hideable: false, numeric: true },
  { id: 'unitCost', header: 'Unit cost', width: 84, minWidth: 76, hideable: false, numeric: true },
  { id: 'total', header: 'Line total', width: 84, minWidth: 84, hideable: false, numeric: true },
  { id: 'distributionType', header: 'Type', title: 'Distribution type', width: 100, minWidth: 100, hideable: true },
  { id: 'job', header: 'Job', width: 56, minWidth: 56, hideable: true },
  { id: 'workOrder', header: 'Work order', width: 90, minWidth: 90, hideable: true },
  { id: 'costType', header: 'CT', title: 'Cost type', width: 44, minWidth: 44, hideable: true },
  { id: 'glAccount', header: 'G/L', title: 'G/L account', width: 56, minWidth: 56, hideable: true },
  { id: 'costCenter', header: 'Cost center', width: 94, minWidth: 94, hideable: true },
  { id: 'remove', header: 'Remove', width: 28, minWidth: 28, hideable: false },
];

export const COLUMN_BY_ID = Object.fromEntries(GRID_COLUMNS.map((column) => [column.id, column])) as Record<GridColumnId, GridColumn>;

/** Columns that must show whatever the operator hid: a line cannot be saved without its G/L account. */
export type ColumnLayout = { hidden: GridColumnId[]; widths: Partial<Record<GridColumnId, number>> };
export const DEFAULT_LAYOUT: ColumnLayout = { hidden: [], widths: {} };

/** CSS grid columns for the visible columns: fixed widths, Description `minmax(its width, 1fr)`. */
export function gridTemplate(columns: readonly GridColumn[], layout: ColumnLayout): string {
  return columns
    .map((column) => {
      const width = Math.max(column.minWidth, layout.widths[column.id] ?? column.width);
      return column.flexible ? `minmax(${width}px, 1fr)` : `${width}px`;
    })
    .join(' ');
}

export const visibleColumns = (layout: ColumnLayout, costCentersOn: boolean): GridColumn[] =>
  GRID_COLUMNS.filter((column) => !layout.hidden.includes(column.id) && (costCentersOn || column.id !== 'costCenter'));
