import { memo, type ReactNode } from 'react';
import type { DistributionType } from '../../../../../shared/contracts';
import type { LocaleCode } from '../../../../../shared/locales';
import { describedBy } from '../../../components/FieldReason';
import { useLocaleFormat } from '../../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { CELL_LABELS, lineFieldKey } from '../field-ids';
import {
  type CodeCell as CodeCellName,
  costCenterEditable,
  DESCRIPTION_LIMIT,
  DISTRIBUTION_TYPES,
  isEditable,
  type LineCell,
  type LineDraft,
  lineErrors,
  lineTotal,
} from '../line-rules';
import { cellDomId, errorIdOf, reasonIdOf } from './cell-ids';
import { CodeCell } from './CodeCell';
import type { GridColumn } from './columns';
import type { CodeOptions } from './code-options';
import type { GridColumnId } from './grid-navigation';
import { ItemCell } from './ItemCell';

export interface GridRowProps {
  line: LineDraft;
  index: number;
  columns: readonly GridColumn[];
  template: string;
  /** The column of the grid's cursor when it is on this row: that cell alone is in the Tab order. */
  activeColumn: GridColumnId | null;
  touched: Record<string, true>;
  submitted: boolean;
  fieldErrors: Record<string, string>;
  viewing: boolean;
  costCentersOn: boolean;
  headerCostCenter: string;
  codeOptions: CodeOptions;
  locale: LocaleCode;
}

const CODE_CELLS: readonly CodeCellName[] = ['job', 'workOrder', 'costType', 'glAccount', 'costCenter'];

/**
 * One PO line in the grid: a cell per visible column, and under it, once each, the line's
 * refusals and why it is read-only. Every cell says which line and field it is for a screen reader.
 */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { line, index, columns, template, activeColumn, touched, submitted, fieldErrors, viewing, costCentersOn, headerCostCenter, codeOptions, locale } = props;
  const updateLine = usePoEntryStore((s) => s.updateLine);
  const commitItem = usePoEntryStore((s) => s.commitItem);
  const commitCode = usePoEntryStore((s) => s.commitCode);
  const commitNumber = usePoEntryStore((s) => s.commitNumber);
  const setDistributionType = usePoEntryStore((s) => s.setDistributionType);
  const touch = usePoEntryStore((s) => s.touch);
  const requestRemoveLine = usePoEntryStore((s) => s.requestRemoveLine);
  const { formatMoney } = useLocaleFormat();

  const number = index + 1;
  const editable = isEditable(line, viewing);
  const ccEditable = costCenterEditable(line, viewing, costCentersOn);
  const clientErrors = lineErrors(line, locale);
  const errorOf = (cell: LineCell): string | undefined => {
    const key = lineFieldKey(line.key, cell);
    if (fieldErrors[key]) return fieldErrors[key];
    if (cell === 'item' && line.unknownItem) return `No item ${line.itemCode} exists; check the code or leave it blank.`;
    return touched[key] || submitted ? clientErrors[cell] : undefined;
  };
  const tabIndexOf = (column: GridColumnId) => (activeColumn === column ? 0 : -1);
  const label = (cell: LineCell) => `Line ${number} ${CELL_LABELS[cell]}`;
  const aria = (cell: LineCell, extra?: string) => ({
    'aria-invalid': errorOf(cell) ? true : undefined,
    'aria-describedby': describedBy(errorOf(cell) && errorIdOf(line.key, cell), extra),
  });
  const ccReason = costCenterReason(line, editable, ccEditable, headerCostCenter);

  const textCell = (cell: 'description' | 'quantity' | 'unitCost', numeric: boolean) => (
    <input
      id={cellDomId(line.key, cell)}
      className={numeric ? 'grid-input num' : 'grid-input'}
      type="text"
      inputMode={numeric ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={cell === 'description'}
      tabIndex={tabIndexOf(cell)}
      aria-label={label(cell)}
      {...aria(cell, cell === 'description' && activeColumn === 'description' ? `${cellDomId(line.key, cell)}-count` : undefined)}
      readOnly={!editable}
      aria-readonly={!editable || undefined}
      value={line[cell]}
      // A description wider than its column can still be read whole.
      title={cell === 'description' && line.description ? line.description : undefined}
      onChange={(event) => updateLine(line.key, { [cell]: event.target.value })}
      onBlur={() => {
        touch(lineFieldKey(line.key, cell));
        if (numeric && editable) commitNumber(line.key, cell as 'quantity' | 'unitCost');
      }}
    />
  );

  const codeCell = (cell: CodeCellName) => {
    const readOnly = cell === 'costCenter' ? !ccEditable : !editable;
    return (
      <CodeCell
        id={cellDomId(line.key, cell)}
        label={label(cell)}
        listLabel={`Known ${CELL_LABELS[cell]} codes`}
        text={line[cell]}
        options={codeOptions[cell]}
        tabIndex={tabIndexOf(cell)}
        readOnly={readOnly}
        invalid={Boolean(errorOf(cell))}
        describedBy={describedBy(errorOf(cell) && errorIdOf(line.key, cell), cell === 'costCenter' && ccReason ? reasonIdOf(line.key) : undefined)}
        placeholder={cell === 'costCenter' && !line.costCenterEntered && line.workOrder.trim() === '' && headerCostCenter ? headerCostCenter : undefined}
        onTextChange={(text) => updateLine(line.key, { [cell]: text })}
        onCommit={(text) => {
          touch(lineFieldKey(line.key, cell));
          commitCode(line.key, cell, text);
        }}
      />
    );
  };

  const content = (column: GridColumnId): ReactNode => {
    switch (column) {
      case 'number':
        return (
          <button
            type="button"
            id={cellDomId(line.key, 'number')}
            className="line-handle"
            tabIndex={tabIndexOf('number')}
            aria-label={`Line ${number}`}
            aria-keyshortcuts="Delete"
            title={editable ? 'Delete removes this line' : (line.access?.reason ?? 'Read-only')}
            onKeyDown={(event) => {
              if (event.key === 'Delete' || event.key === 'Backspace') {
                event.preventDefault();
                requestRemoveLine(line.key);
              }
            }}
          >
            {number}
          </button>
        );
      case 'item':
        return editable ? (
          <ItemCell
            id={cellDomId(line.key, 'item')}
            lineNumber={number}
            text={line.itemCode}
            tabIndex={tabIndexOf('item')}
            invalid={Boolean(errorOf('item'))}
            describedBy={describedBy(errorOf('item') && errorIdOf(line.key, 'item'))}
            onTextChange={(text) => updateLine(line.key, { itemCode: text })}
            onCommit={(text, picked) => void commitItem(line.key, text, picked)}
          />
        ) : (
          <input id={cellDomId(line.key, 'item')} className="grid-input" type="text" readOnly aria-readonly tabIndex={tabIndexOf('item')} aria-label={label('item')} value={line.itemCode} />
        );
      case 'description':
        return (
          <>
            {textCell('description', false)}
            {activeColumn === 'description' && editable && (
              <span
                id={`${cellDomId(line.key, 'description')}-count`}
                className={line.description.trim().length > DESCRIPTION_LIMIT ? 'char-count over' : 'char-count'}
              >
                {line.description.trim().length}/{DESCRIPTION_LIMIT}
              </span>
            )}
          </>
        );
      case 'quantity':
      case 'unitCost':
        return textCell(column, true);
      case 'total': {
        const total = lineTotal(line, locale);
        return <span className="grid-total num">{total === null ? '' : formatMoney(total)}</span>;
      }
      case 'distributionType':
        return (
          <select
            id={cellDomId(line.key, 'distributionType')}
            className="grid-input"
            tabIndex={tabIndexOf('distributionType')}
            aria-label={label('distributionType')}
            {...aria('distributionType')}
            disabled={!editable}
            value={line.distributionType}
            onChange={(event) => setDistributionType(line.key, event.target.value as DistributionType)}
          >
            {DISTRIBUTION_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        );
      case 'remove':
        return editable ? (
          <button
            type="button"
            className="icon-button"
            tabIndex={-1}
            aria-label={`Remove line ${number}`}
            aria-keyshortcuts="Alt+Delete"
            title="Remove line (Alt+Delete)"
            onClick={() => requestRemoveLine(line.key)}
          >
            ×
          </button>
        ) : null;
      default:
        return CODE_CELLS.includes(column as CodeCellName) ? codeCell(column as CodeCellName) : null;
    }
  };

  const readOnlyNote = line.access && !line.access.withinSecurity ? line.access.reason : null;
  const errors = columns.flatMap((column) => {
    const cell = column.id as LineCell;
    const message = column.id === 'number' || column.id === 'total' || column.id === 'remove' ? undefined : errorOf(cell);
    return message ? [{ cell, message }] : [];
  });
  // A refused cell the operator hid still has its say.
  for (const cell of CODE_CELLS) {
    const message = errorOf(cell);
    if (message && !columns.some((column) => column.id === cell)) errors.push({ cell, message: `${CELL_LABELS[cell]}: ${message}` });
  }

  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row${editable ? '' : ' read-only'}${activeColumn ? ' active' : ''}`}
      data-line-id={line.id ?? undefined}
    >
      <div className="grid-cells" style={{ gridTemplateColumns: template }}>
        {columns.map((column, columnIndex) => (
          <div
            key={column.id}
            role={column.id === 'number' ? 'rowheader' : 'gridcell'}
            aria-colindex={columnIndex + 1}
            className={`grid-cell cell-${column.id}${column.numeric ? ' numeric' : ''}`}
            data-column={column.id}
            data-row={index}
          >
            {content(column.id)}
          </div>
        ))}
      </div>
      {ccReason && (
        <span id={reasonIdOf(line.key)} className="sr-only">
          {ccReason}
        </span>
      )}
      {(readOnlyNote || errors.length > 0) && (
        <div className="grid-note" aria-label={`Line ${number} note`}>
          {readOnlyNote && <span className="read-only-note">{readOnlyNote}</span>}
          {errors.map(({ cell, message }) => (
            <span key={cell} id={errorIdOf(line.key, cell)} className="line-error-note">
              {message}
            </span>
          ))}
        </div>
      )}
    </div>
  );
});

/** The sentence for a line's cost center: main's last word on it, or where it comes from. */
export function costCenterReason(line: LineDraft, editable: boolean, ccEditable: boolean, headerCostCenter: string): string | null {
  if (line.judgement?.status === 'refused') return null;
  if (line.judgement) return line.judgement.reason;
  if (line.distributionType === 'direct-wo-cost') {
    return line.workOrder.trim() ? `From work order ${line.workOrder.trim().toUpperCase()}; direct work-order cost keeps it.` : 'Comes from the work order.';
  }
  if (editable && !ccEditable && line.access) return line.access.reason;
  if (!line.costCenterEntered && line.workOrder.trim() === '' && headerCostCenter) return `The PO's cost center ${headerCostCenter}.`;
  return null;
}
