import { codingCellId, lineCellId } from '../field-ids';
import type { LineCell } from '../line-rules';
import { dimensionOfColumn, type GridColumnId, isCodingColumn } from './grid-navigation';

/** The DOM id of the element that takes focus in a cell; total and remove have none of their own. */
export function cellDomId(lineKey: string, column: GridColumnId): string {
  if (column === 'number' || column === 'total' || column === 'remove') return `line-${lineKey}-${column}`;
  if (isCodingColumn(column)) return codingCellId(lineKey, dimensionOfColumn(column));
  return lineCellId(lineKey, column as LineCell);
}

export const errorIdOf = (lineKey: string, cell: LineCell): string => `${lineCellId(lineKey, cell)}-error`;
export const reasonIdOf = (lineKey: string): string => `${lineCellId(lineKey, 'costCenter')}-reason`;
/** The sentence that says where a coding value came from (the marker's words for a screen reader). */
export const sourceIdOf = (cellId: string): string => `${cellId}-source`;
