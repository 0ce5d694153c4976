import { type ColumnDef, getCoreRowModel, type Updater, type ColumnSizingState, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocaleFormat } from '../../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { useSessionStore } from '../../../stores/session-store';
import { ADD_LINE_BUTTON_ID } from '../field-ids';
import { costCenterEditable, isEditable, type LineDraft, poTotal } from '../line-rules';
import { codeOptionsOf } from './code-options';
import { useColumnLayoutStore } from './column-layout-store';
import { useCodingSetupStore } from '../../../stores/coding-setup-store';
import { codingOptionsOf } from './coding-options';
import { allColumns, columnOf, type GridColumn, visibleColumns } from './columns';
import { ColumnsMenu } from './ColumnsMenu';
import { costCenterReason, GridRow } from './GridRow';
import type { GridColumnId } from './grid-navigation';
import { useGridCursor } from './useGridCursor';
import './grid.css';

/**
 * A row without a note, as styled: 30 px cells (grid.css lifts the app-wide 34 px minimum), 6 px of
 * cell padding and a 1 px border. When the guess is right the virtualizer need not re-lay out every row it measures.
 */
const ROW_ESTIMATE = 37;

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
  const codingText = usePoEntryStore((s) => s.codingText);
  const codingSetup = useCodingSetupStore((s) => s.setup);
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

  const dimensions = codingSetup?.dimensions;
  const everyColumn = useMemo(() => allColumns(dimensions ?? []), [dimensions]);
  const shown = useMemo(() => visibleColumns(layout, costCentersOn, everyColumn), [layout, costCentersOn, everyColumn]);
  const codingOptions = useMemo(() => codingOptionsOf(codingSetup), [codingSetup]);
  const codingOnlyInBox = codingSetup?.settings.codingOnlyInExtraRowInfo ?? false;
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
    .map((header) => (columnOf(header.column.id as GridColumnId).flexible ? `minmax(${header.getSize()}px, 1fr)` : `${header.getSize()}px`))
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

  const { active, onFocus, onInput, onKeyDownCapture, onKeyDown } = useGridCursor({ shown, viewing, costCentersOn, virtualizer, focus });
  const activeRow = Math.min(active.row, Math.max(0, lines.length - 1));

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
              const column: GridColumn = columnOf(header.column.id as GridColumnId);
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-colindex={index + 1}
                  className={`grid-head cell-${column.id}${column.numeric ? ' numeric' : ''}`}
                  title={column.title}
                >
                  {column.id === 'remove' ? <span className="sr-only">Coding, remove</span> : <span className="grid-head-label">{column.header}</span>}
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
                    codingOptions={codingOptions}
                    codingOnlyInBox={codingOnlyInBox}
                    codingText={codingText}
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
        <ColumnsMenu costCentersOn={costCentersOn} columns={everyColumn} />
        {fieldErrors.lines && <span className="cell-error">{fieldErrors.lines}</span>}
        <span className="hint">
          {viewing
            ? 'Viewing: nothing here can be changed'
            : 'Arrows move · type to replace · F2 edits · Esc restores · Enter moves on · Alt+C coding · Alt+Delete removes a line'}
        </span>
        <div className="po-total" role="group" aria-label="PO total">
          <span className="po-total-label">PO total</span>
          <strong className="num">{formatMoney(total)}</strong>
        </div>
      </div>
    </section>
  );
}
