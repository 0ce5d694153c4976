import type { Virtualizer } from '@tanstack/react-virtual';
import { type FocusEvent, type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { costCenterEditable, isEditable, type LineCell, type LineDraft } from '../line-rules';
import { codingButtonId } from '../field-ids';
import { cellDomId } from './cell-ids';
import type { GridColumn } from './columns';
import { type CellKind, type CellMode, dimensionOfColumn, type GridColumnId, gridActionOf, isCodingColumn, moveFrom, moveOnFrom, type Position, type RowFacts } from './grid-navigation';

const BEFORE_CELL: ReadonlySet<string> = new Set(['up', 'down', 'left', 'right', 'first', 'last', 'edit', 'restore']);
const PATCH_KEY: Partial<Record<GridColumnId, keyof LineDraft>> = {
  item: 'itemCode',
  description: 'description',
  quantity: 'quantity',
  unitCost: 'unitCost',
  job: 'job',
  workOrder: 'workOrder',
  costType: 'costType',
  glAccount: 'glAccount',
  costCenter: 'costCenter',
};
const FILLABLE: LineCell[] = ['item', 'description', 'quantity', 'unitCost', 'job', 'workOrder', 'costType', 'glAccount', 'costCenter'];

function factsOf(line: LineDraft, viewing: boolean, costCentersOn: boolean): RowFacts {
  const text: Partial<Record<LineCell, string>> = {
    item: line.itemCode,
    description: line.description,
    quantity: line.quantity,
    unitCost: line.unitCost,
    job: line.job,
    workOrder: line.workOrder,
    costType: line.costType,
    glAccount: line.glAccount,
    costCenter: line.costCenter,
  };
  const filled = new Set(FILLABLE.filter((cell) => (text[cell] ?? '').trim() !== ''));
  const required = new Set<LineCell>(['glAccount']);
  if (line.distributionType === 'job-cost' && line.workOrder.trim() === '') required.add('job');
  if (line.distributionType === 'direct-wo-cost') required.add('workOrder');
  const editable = new Set<LineCell>(isEditable(line, viewing) ? [...FILLABLE, 'distributionType'] : []);
  if (!costCenterEditable(line, viewing, costCentersOn)) editable.delete('costCenter');
  return { filled, required, editable };
}

const kindOf = (element: HTMLElement): CellKind =>
  element instanceof HTMLSelectElement ? 'select' : element instanceof HTMLButtonElement ? 'handle' : element.getAttribute('role') === 'combobox' ? 'combobox' : 'text';

const LINE_CELL_ID = /^line-(l\d+)-/;

interface GridCursorOptions {
  shown: readonly GridColumn[];
  viewing: boolean;
  costCentersOn: boolean;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** The entry store's latest request for focus. */
  focus: { id: string; seq: number } | null;
}

/**
 * The grid's cursor: which cell is active, in which mode (nav, enter, edit), and what each key does
 * there — the decisions are grid-navigation.ts's pure functions; this hook applies them to the DOM.
 */
export function useGridCursor({ shown, viewing, costCentersOn, virtualizer, focus }: GridCursorOptions) {
  const addLineAfter = usePoEntryStore((s) => s.addLineAfter);
  const [active, setActive] = useState<Position>({ row: 0, column: 'item' });
  const cursor = useRef<{ id: string; mode: CellMode; original: string }>({ id: '', mode: 'nav', original: '' });

  /** Puts the cursor on a cell, scrolling its row into the page first when it is not rendered yet. */
  const focusCell = useCallback(
    (row: number, column: GridColumnId, mode: CellMode = 'nav') => {
      const line = usePoEntryStore.getState().lines[row];
      if (!line) return;
      const id = cellDomId(line.key, column);
      let tries = 0;
      const attempt = () => {
        const element = document.getElementById(id);
        if (element) {
          element.focus();
          if (mode === 'edit' && element instanceof HTMLInputElement) {
            cursor.current = { id, mode: 'edit', original: element.value };
            element.setSelectionRange(element.value.length, element.value.length);
          }
          return;
        }
        if (tries++ === 0) virtualizer.scrollToIndex(row, { align: 'auto' });
        if (tries < 12) requestAnimationFrame(attempt);
      };
      attempt();
    },
    [virtualizer],
  );

  // The store asks for a line cell (new line, refused cell, removal): bring its row in and focus it.
  useEffect(() => {
    const match = focus && LINE_CELL_ID.exec(focus.id);
    if (!focus || !match) return;
    const row = usePoEntryStore.getState().lines.findIndex((line) => line.key === match[1]);
    if (row < 0) return;
    const column = shown.find((candidate) => cellDomId(match[1] as string, candidate.id) === focus.id)?.id;
    if (column) focusCell(row, column);
    else {
      // Not a cell: the row's coding button, or a cell of a hidden column. Its row is brought in first.
      virtualizer.scrollToIndex(row, { align: 'auto' });
      const key = match[1] as string;
      requestAnimationFrame(() =>
        (document.getElementById(focus.id) ?? document.getElementById(codingButtonId(key)) ?? document.getElementById(cellDomId(key, 'item')))?.focus(),
      );
    }
  }, [focus, focusCell, shown, virtualizer]);

  const cellOf = (target: EventTarget) => {
    const element = target as HTMLElement;
    const cell = element.closest<HTMLElement>('.grid-cell');
    if (!cell) return null;
    return { element, row: Number(cell.dataset.row), column: cell.dataset.column as GridColumnId };
  };
  const modeOf = (element: HTMLElement): CellMode => (cursor.current.id === element.id ? cursor.current.mode : 'nav');
  const valueOf = (element: HTMLElement) => (element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.value : '');

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const at = cellOf(event.target);
    if (!at) return;
    setActive({ row: at.row, column: at.column });
    if (cursor.current.id !== at.element.id || cursor.current.mode !== 'edit') {
      cursor.current = { id: at.element.id, mode: 'nav', original: valueOf(at.element) };
      // Typing replaces the cell, as in a spreadsheet.
      if (at.element instanceof HTMLInputElement && !at.element.readOnly) at.element.select();
    }
  };

  const onInput = (event: FormEvent<HTMLDivElement>) => {
    const element = event.target as HTMLElement;
    if (cursor.current.id === element.id && cursor.current.mode === 'nav') cursor.current.mode = 'enter';
  };

  const state = usePoEntryStore.getState;

  const restore = (row: number, column: GridColumnId, element: HTMLElement) => {
    const line = state().lines[row];
    const key = PATCH_KEY[column];
    if (!line) return;
    const original = cursor.current.original;
    if (isCodingColumn(column)) state().setCodingText(line.key, dimensionOfColumn(column), null);
    else if (column === 'distributionType' && original !== line.distributionType) state().setDistributionType(line.key, original as LineDraft['distributionType']);
    else if (key && line[key] !== original) state().updateLine(line.key, { [key]: original });
    cursor.current = { id: element.id, mode: 'nav', original };
    // Selected once React has put the old text back, unless a key pressed meanwhile (F2, typing) moved on.
    requestAnimationFrame(() => {
      const unchanged = cursor.current.id === element.id && cursor.current.mode === 'nav';
      if (unchanged && element instanceof HTMLInputElement && document.activeElement === element) element.select();
    });
  };

  const act = (action: string, row: number, column: GridColumnId, element: HTMLElement): boolean => {
    const rowCount = state().lines.length;
    const ids = shown.map((column) => column.id);
    switch (action) {
      case 'edit':
        if (!(element instanceof HTMLInputElement)) return false;
        cursor.current = { id: element.id, mode: 'edit', original: cursor.current.id === element.id ? cursor.current.original : element.value };
        element.setSelectionRange(element.value.length, element.value.length);
        return true;
      case 'restore':
        restore(row, column, element);
        return true;
      case 'move-on': {
        const line = state().lines[row];
        if (!line) return false;
        const result = moveOnFrom({ row, column }, factsOf(line, viewing, costCentersOn), rowCount, ids);
        if ('addLineAfter' in result) {
          if (viewing) return true;
          addLineAfter(line.key);
        } else focusCell(result.to.row, result.to.column);
        return true;
      }
      default: {
        const result = moveFrom({ row, column }, action as Parameters<typeof moveFrom>[1], rowCount, ids);
        if ('leave' in result) return false;
        if ('to' in result) focusCell(result.to.row, result.to.column);
        return true;
      }
    }
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = cellOf(event.target);
    if (!at) return;
    const line = state().lines[at.row];
    // The row's coding button answers Enter and Space itself: the grid's Enter would move on instead.
    if (line && at.element.classList.contains('coding-button') && (event.key === 'Enter' || event.key === ' ') && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      event.stopPropagation();
      state().openCodingBox(line.key);
      return;
    }
    // Alt+C: the row's coding box (in view mode with change open to the operator, Alt+C opens the PO for change instead).
    if (line && event.altKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyC' || event.key.toLowerCase() === 'c') && !(viewing && state().po?.canChange)) {
      event.preventDefault();
      event.stopPropagation();
      state().openCodingBox(line.key);
      return;
    }
    if (line && event.key === 'Delete' && (event.altKey || !isEditable(line, viewing))) {
      event.preventDefault();
      event.stopPropagation();
      state().requestRemoveLine(line.key);
      return;
    }
    const listOpen = at.element.getAttribute('aria-expanded') === 'true';
    const action = gridActionOf(event, modeOf(at.element), kindOf(at.element), listOpen);
    if (action && BEFORE_CELL.has(action) && act(action, at.row, at.column, at.element)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  // After the cell's own keys, so a look-up has taken its pick before Enter or Tab moves on.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = cellOf(event.target);
    if (!at) return;
    const action = gridActionOf(event, modeOf(at.element), kindOf(at.element), false);
    if (action && !BEFORE_CELL.has(action) && act(action, at.row, at.column, at.element)) event.preventDefault();
  };

  return { active, onFocus, onInput, onKeyDownCapture, onKeyDown };
}
