import type { LineCell } from '../line-rules';

/**
 * The lines grid's keyboard, as pure functions: which key does what in which mode, and where the
 * cursor goes next. Modes follow spreadsheets: `nav` (cell selected, typing replaces it), `enter`
 * (typing has begun: arrows commit and move), `edit` (F2: arrows move the caret).
 */
export type CellMode = 'nav' | 'enter' | 'edit';
export type CellKind = 'text' | 'combobox' | 'select' | 'handle';
/** A column of one coding dimension (cost unit, project, the organisation's own): `dim:` and the dimension's code. */
export type CodingColumnId = `dim:${string}`;
export type GridColumnId = 'number' | LineCell | 'total' | 'remove' | CodingColumnId;
export const isCodingColumn = (id: string): id is CodingColumnId => id.startsWith('dim:');
export const dimensionOfColumn = (id: CodingColumnId): string => id.slice(4);

export type GridAction = 'up' | 'down' | 'left' | 'right' | 'next' | 'previous' | 'move-on' | 'edit' | 'restore' | 'first' | 'last';

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * What the grid does with a key, or null to leave it to the cell (typing, caret moves, a look-up
 * list that is open, the browser). `listOpen` is a combobox whose matches are showing.
 */
export function gridActionOf(press: KeyPress, mode: CellMode, kind: CellKind, listOpen: boolean): GridAction | null {
  const { key, shiftKey = false, altKey = false, ctrlKey = false, metaKey = false } = press;
  const command = ctrlKey || metaKey;
  if (altKey) return null;
  if (key === 'Tab' && !command) return shiftKey ? 'previous' : 'next';
  if (command) {
    if (key === 'Home') return 'first';
    if (key === 'End') return 'last';
    return null;
  }
  if (listOpen && (key === 'ArrowUp' || key === 'ArrowDown' || key === 'Enter' || key === 'Escape')) return null;
  switch (key) {
    case 'Enter':
      return shiftKey ? null : 'move-on';
    case 'F2':
      return kind === 'text' || kind === 'combobox' ? 'edit' : null;
    case 'Escape':
      return kind === 'handle' ? null : 'restore';
    case 'ArrowUp':
      return shiftKey || mode === 'edit' ? null : 'up';
    case 'ArrowDown':
      return shiftKey || mode === 'edit' ? null : 'down';
    case 'ArrowLeft':
      return shiftKey || mode === 'edit' ? null : 'left';
    case 'ArrowRight':
      return shiftKey || mode === 'edit' ? null : 'right';
    default:
      return null;
  }
}

export interface Position {
  row: number;
  column: GridColumnId;
}

/** Columns the cursor can stand on: the line total is read, not entered, and removal has its own key. */
export const navigable = (columns: readonly GridColumnId[]): GridColumnId[] => columns.filter((id) => id !== 'total' && id !== 'remove');

export type MoveResult = { to: Position } | { leave: 'before' | 'after' } | { stay: true };

/** Arrow keys stop at the grid's edges; Tab runs through the rows and leaves at either end. */
export function moveFrom(position: Position, action: 'up' | 'down' | 'left' | 'right' | 'next' | 'previous' | 'first' | 'last', rowCount: number, columns: readonly GridColumnId[]): MoveResult {
  const cells = navigable(columns);
  const col = Math.max(0, cells.indexOf(position.column));
  const last = cells.length - 1;
  const at = (row: number, index: number): MoveResult => ({ to: { row, column: cells[index] as GridColumnId } });
  switch (action) {
    case 'up':
      return position.row > 0 ? at(position.row - 1, col) : { stay: true };
    case 'down':
      return position.row < rowCount - 1 ? at(position.row + 1, col) : { stay: true };
    case 'left':
      return col > 0 ? at(position.row, col - 1) : { stay: true };
    case 'right':
      return col < last ? at(position.row, col + 1) : { stay: true };
    case 'next':
      if (col < last) return at(position.row, col + 1);
      return position.row < rowCount - 1 ? at(position.row + 1, 0) : { leave: 'after' };
    case 'previous':
      if (col > 0) return at(position.row, col - 1);
      return position.row > 0 ? at(position.row - 1, last) : { leave: 'before' };
    case 'first':
      return at(0, cells.indexOf('item') >= 0 ? cells.indexOf('item') : 0);
    case 'last':
      return at(rowCount - 1, cells.indexOf('item') >= 0 ? cells.indexOf('item') : 0);
  }
}

/** What Enter needs to know of the row it leaves. */
export interface RowFacts {
  /** Cells holding something. */
  filled: ReadonlySet<LineCell>;
  /** Coding cells the line cannot be saved without (G/L always; job or work order by type). */
  required: ReadonlySet<LineCell>;
  /** Cells the operator may change on this row. */
  editable: ReadonlySet<LineCell>;
}

export type MoveOnResult = { to: Position } | { addLineAfter: number };

const ENTRY_AFTER_ITEM: LineCell[] = ['description', 'quantity', 'unitCost'];

/**
 * Enter commits and moves on, to where typing is needed next: after an item, the first of
 * description, quantity and unit cost still empty (quantity when the item filled both others);
 * after the unit cost or a coding cell, the next coding cell the line still needs; when the line
 * needs nothing more, the next line's item, adding a line after the last.
 */
export function moveOnFrom(position: Position, row: RowFacts, rowCount: number, columns: readonly GridColumnId[]): MoveOnResult {
  const cells = navigable(columns);
  const shown = (cell: LineCell) => cells.includes(cell) && row.editable.has(cell);
  const nextLine = (): MoveOnResult =>
    position.row < rowCount - 1 ? { to: { row: position.row + 1, column: 'item' } } : { addLineAfter: position.row };
  const here = (column: LineCell): MoveOnResult => ({ to: { row: position.row, column } });
  const column = position.column;
  if (column === 'number' || column === 'total' || column === 'remove') return here('item');
  if (column === 'item') {
    const empty = ENTRY_AFTER_ITEM.find((cell) => shown(cell) && !row.filled.has(cell));
    return here(empty ?? (shown('quantity') ? 'quantity' : 'description'));
  }
  if (column === 'description') return here(shown('quantity') ? 'quantity' : 'unitCost');
  if (column === 'quantity' && shown('unitCost') && !row.filled.has('unitCost')) return here('unitCost');
  // A unit cost already there (the item filled it) is passed over as if the operator had left it.
  const start = column === 'quantity' ? cells.indexOf('unitCost') : cells.indexOf(column);
  const needed = cells.slice(start + 1).find((cell) => {
    const lineCell = cell as LineCell;
    return row.required.has(lineCell) && !row.filled.has(lineCell) && shown(lineCell);
  });
  return needed ? here(needed as LineCell) : nextLine();
}
