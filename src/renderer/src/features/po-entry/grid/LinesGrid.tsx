import { type ColumnDef, getCoreRowModel, type Updater, type ColumnSizingState, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type FocusEvent, type FormEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocaleFormat } from '../../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { useSessionStore } from '../../../stores/session-store';
import { ADD_LINE_BUTTON_ID } from '../field-ids';
import { costCenterEditable, isEditable, type LineCell, type LineDraft, poTotal } from '../line-rules';
import { cellDomId } from './cell-ids';
import { codeOptionsOf } from './code-options';
import { useColumnLayoutStore } from './column-layout-store';
import { COLUMN_BY_ID, GRID_COLUMNS, type GridColumn, visibleColumns } from './columns';
import { ColumnsMenu } from './ColumnsMenu';
import { costCenterReason, GridRow } from './GridRow';
import { type CellKind, type CellMode, type GridColumnId, gridActionOf, moveFrom, moveOnFrom, type Position, type RowFacts } from './grid-navigation';
import './grid.css';

/**
 * A row without a note, as styled: 30 px cells (grid.css lifts the app-wide 34 px minimum), 6 px of
 * cell padding and a 1 px border. When the guess is right the virtualizer need not re-lay out every row it measures.
 */
const ROW_ESTIMATE = 37;
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

/**
 * The PO's lines as a spreadsheet-like grid on TanStack Table (columns: order, visibility, sizing)
 * and TanStack Virtual (only the rows in view are in the page, so 10,000 lines scroll smoothly).
 * Keys: arrows move, typing replaces, F2 edits, Escape restores, Enter commits and moves on, Tab
 * runs through the cells; Enter on the last line adds one.
 */
export function LinesGrid() {
  const lines = usePoEntryStore((s) => s.lines);
  const touched = usePoEntryStore((s) => s.touched);
  const submitted = usePoEntryStore((s) => s.submitted);
  const fieldErrors = usePoEntryStore((s) => s.fieldErrors);
  const codes = usePoEntryStore((s) => s.codes);
  const resolution = usePoEntryStore((s) => s.resolution);
  const costCenterText = usePoEntryStore((s) => s.costCenterText);
  const viewing = usePoEntryStore((s) => s.po?.mode === 'view');
  const focus = usePoEntryStore((s) => s.focus);
  const addLineAfter = usePoEntryStore((s) => s.addLineAfter);
  const operatorId = useSessionStore((s) => s.operator?.id ?? null);
  const settings = useSessionStore((s) => s.settings);
  const layout = useColumnLayoutStore((s) => s.layout);
  const loadLayout = useColumnLayoutStore((s) => s.load);
  const resize = useColumnLayoutStore((s) => s.resize);
  const { locale, formatMoney } = useLocaleFormat();
  const costCentersOn = resolution?.costCentersEnabled ?? settings?.costCentersEnabled ?? true;
  const headerCostCenter = costCenterText.trim().toUpperCase();

  useEffect(() => {
    if (operatorId !== null) loadLayout(operatorId);
  }, [operatorId, loadLayout]);

  const shown = useMemo(() => visibleColumns(layout, costCentersOn), [layout, costCentersOn]);
  const columnDefs = useMemo<ColumnDef<LineDraft>[]>(
    () =>
      shown.map((column) => ({
        id: column.id,
        header: column.header,
        size: layout.widths[column.id] ?? column.width,
        minSize: column.minWidth,
        maxSize: 600,
        enableResizing: column.id !== 'number' && column.id !== 'remove',
      })),
    [shown, layout.widths],
  );
  const onColumnSizingChange = useCallback(
    (updater: Updater<ColumnSizingState>) => {
      const before = useColumnLayoutStore.getState().layout.widths as ColumnSizingState;
      const next = typeof updater === 'function' ? updater(before) : updater;
      for (const [id, width] of Object.entries(next)) if (width !== before[id]) resize(id as GridColumnId, width);
    },
    [resize],
  );
  const table = useReactTable({
    data: lines,
    columns: columnDefs,
    getRowId: (line) => line.key,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    state: { columnSizing: layout.widths as ColumnSizingState },
    onColumnSizingChange,
  });
  const headers = table.getFlatHeaders();
  const template = headers
    .map((header) => (COLUMN_BY_ID[header.column.id as GridColumnId].flexible ? `minmax(${header.getSize()}px, 1fr)` : `${header.getSize()}px`))
    .join(' ');
  const minWidth = headers.reduce((sum, header) => sum + header.getSize(), 0);
  const codeOptions = useMemo(() => codeOptionsOf(codes, resolution?.choices ?? []), [codes, resolution?.choices]);
  const total = useMemo(() => poTotal(lines, locale), [lines, locale]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    // Rows beyond the view cost as much as those in it: every jump of the scrollbar builds them all anew.
    overscan: 3,
    getItemKey: (index) => lines[index]?.key ?? index,
  });

  const [active, setActive] = useState<Position>({ row: 0, column: 'item' });
  const cursor = useRef<{ id: string; mode: CellMode; original: string }>({ id: '', mode: 'nav', original: '' });
  const activeRow = Math.min(active.row, Math.max(0, lines.length - 1));

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
    const column = GRID_COLUMNS.find((candidate) => cellDomId(match[1] as string, candidate.id) === focus.id)?.id ?? 'item';
    focusCell(row, column);
  }, [focus, focusCell]);

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
    if (column === 'distributionType' && original !== line.distributionType) state().setDistributionType(line.key, original as LineDraft['distributionType']);
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

  const activeLine = lines[activeRow];
  const activeReason = activeLine ? costCenterReason(activeLine, isEditable(activeLine, viewing), costCenterEditable(activeLine, viewing, costCentersOn), headerCostCenter) : null;
  const readOnlyCount = lines.filter((line) => line.access && !line.access.withinSecurity).length;

  return (
    <section className="lines" aria-labelledby="lines-heading">
      <div className="lines-heading-row">
        <h2 id="lines-heading" className="section-title">
          Lines on order
          {readOnlyCount > 0 && (
            <span className="section-note">
              {readOnlyCount} of {lines.length} outside your cost centers: shown read-only
            </span>
          )}
        </h2>
      </div>
      <div ref={scrollRef} className="grid-scroll">
        <div
          role="grid"
          aria-labelledby="lines-heading"
          aria-rowcount={lines.length + 1}
          aria-colcount={shown.length}
          className="lines-grid"
          style={{ minWidth }}
          onFocus={onFocus}
          onInput={onInput}
          onKeyDownCapture={onKeyDownCapture}
          onKeyDown={onKeyDown}
        >
          <div role="row" aria-rowindex={1} className="grid-header" style={{ gridTemplateColumns: template }}>
            {headers.map((header, index) => {
              const column: GridColumn = COLUMN_BY_ID[header.column.id as GridColumnId];
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-colindex={index + 1}
                  className={`grid-head cell-${column.id}${column.numeric ? ' numeric' : ''}`}
                  title={column.title}
                >
                  {column.id === 'remove' ? <span className="sr-only">Remove</span> : <span className="grid-head-label">{column.header}</span>}
                  {header.column.getCanResize() && (
                    <span
                      className={header.column.getIsResizing() ? 'resize-handle resizing' : 'resize-handle'}
                      aria-hidden="true"
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onDoubleClick={() => resize(column.id, column.width)}
                    />
                  )}
                </div>
              );
            })}
          </div>
          <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = lines[item.index] as LineDraft;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="grid-row-slot" style={{ transform: `translateY(${item.start}px)` }}>
                  <GridRow
                    line={line}
                    index={item.index}
                    columns={shown}
                    template={template}
                    activeColumn={item.index === activeRow ? active.column : null}
                    touched={touched}
                    submitted={submitted}
                    fieldErrors={fieldErrors}
                    viewing={viewing}
                    costCentersOn={costCentersOn}
                    headerCostCenter={headerCostCenter}
                    codeOptions={codeOptions}
                    locale={locale}
                  />
                </div>
              );
            })}
          </div>
          {lines.length === 0 && <p className="grid-empty">No lines on order.</p>}
        </div>
      </div>
      <p className="grid-details" aria-live="polite">
        {activeLine && activeReason && costCentersOn ? `Line ${activeRow + 1} cost center: ${activeReason}` : ' '}
      </p>
      <div className="lines-footer">
        {!viewing && (
          <button
            id={ADD_LINE_BUTTON_ID}
            type="button"
            className="secondary"
            tabIndex={-1}
            title="Enter on the last line adds one"
            onClick={() => addLineAfter(null)}
          >
            + Add line
          </button>
        )}
        <ColumnsMenu costCentersOn={costCentersOn} />
        {fieldErrors.lines && <span className="cell-error">{fieldErrors.lines}</span>}
        <span className="hint">
          {viewing
            ? 'Viewing: nothing here can be changed'
            : 'Arrows move · type to replace · F2 edits · Esc restores · Enter moves on · Alt+Delete removes a line'}
        </span>
        <div className="po-total" role="group" aria-label="PO total">
          <span className="po-total-label">PO total</span>
          <strong className="num">{formatMoney(total)}</strong>
        </div>
      </div>
    </section>
  );
}
