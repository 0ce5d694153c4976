import { memo, type ReactNode } from 'react';
import type { DistributionType } from '../../../../../shared/contracts';
import type { LocaleCode } from '../../../../../shared/locales';
import { describedBy } from '../../../components/FieldReason';
import { useLocaleFormat } from '../../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { CELL_LABELS, codingButtonId, codingFieldKey, lineFieldKey } from '../field-ids';
import {
  type CodeCell as CodeCellName,
  costCenterEditable,
  DESCRIPTION_LIMIT,
  DISTRIBUTION_TYPES,
  isBlankLine,
  isEditable,
  type LineCell,
  type LineDraft,
  lineErrors,
  lineTotal,
} from '../line-rules';
import { cellDomId, errorIdOf, reasonIdOf, sourceIdOf } from './cell-ids';
import { CodeCell } from './CodeCell';
import { CodingMark } from './CodingMark';
import type { CodingOptions } from './coding-options';
import { DimensionCell } from './DimensionCell';
import type { GridColumn } from './columns';
import type { CodeOptions } from './code-options';
import { dimensionOfColumn, type GridColumnId, isCodingColumn } from './grid-navigation';
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
  codingOptions: CodingOptions;
  /** "Coding only in extra row info": the grid shows coding read-only; the coding box edits it. */
  codingOnlyInBox: boolean;
  /** What the operator is typing in coding cells, by coding field key. */
  codingText: Record<string, string>;
  locale: LocaleCode;
}

/** The coding dimensions the G/L account and cost-center cells stand for. */
const CELL_DIMENSION: Partial<Record<CodeCellName, string>> = { glAccount: 'purchase-account', costCenter: 'cost-center' };
/** Coding rules that make the grid's own G/L and cost-center cells read-only too; the others are the line rules' to decide there. */
const CELL_LOCKING_RULES = new Set(['coding-row-invoiced', 'coding-box-only']);

const CODE_CELLS: readonly CodeCellName[] = ['job', 'workOrder', 'costType', 'glAccount', 'costCenter'];

/**
 * One PO line in the grid: a cell per visible column, and under it, once each, the line's
 * refusals and why it is read-only. Every cell says which line and field it is for a screen reader.
 */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { line, index, columns, template, activeColumn, touched, submitted, fieldErrors, viewing, costCentersOn, headerCostCenter, codeOptions, codingOptions, codingOnlyInBox, codingText, locale } = props;
  const commitDimension = usePoEntryStore((s) => s.commitDimension);
  const setCodingText = usePoEntryStore((s) => s.setCodingText);
  const openCodingBox = usePoEntryStore((s) => s.openCodingBox);
  const codeLine = usePoEntryStore((s) => s.codeLine);
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
  const resolvedOf = (dimension: string) => line.coding?.resolved.find((entry) => entry.dimension === dimension);
  /** A coding rule that keeps the G/L or cost-center cell read-only (invoiced, or coding only in the coding box). */
  const cellLock = (cell: CodeCellName): string | undefined => {
    const dimension = CELL_DIMENSION[cell];
    const access = dimension ? resolvedOf(dimension)?.access : undefined;
    if (access && !access.editable && CELL_LOCKING_RULES.has(access.rule)) return access.reason;
    if (dimension && codingOnlyInBox && !access) return 'Coding is edited in the coding box (Alt+C), not in the grid.';
    return undefined;
  };

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
        // A row without a part number is coded once it is described (standard account, row above, or none).
        if (cell === 'description' && editable && !line.coding && line.itemCode.trim() === '' && line.description.trim() !== '') void codeLine(line.key, 'default');
      }}
    />
  );

  const codeCell = (cell: CodeCellName) => {
    const lock = cellLock(cell);
    const readOnly = (cell === 'costCenter' ? !ccEditable : !editable) || lock !== undefined;
    const dimension = CELL_DIMENSION[cell];
    const resolved = dimension ? resolvedOf(dimension) : undefined;
    const id = cellDomId(line.key, cell);
    return (
      <>
      <CodeCell
        id={id}
        label={label(cell)}
        listLabel={`Known ${CELL_LABELS[cell]} codes`}
        text={line[cell]}
        options={codeOptions[cell]}
        tabIndex={tabIndexOf(cell)}
        readOnly={readOnly}
        invalid={Boolean(errorOf(cell))}
        title={lock ?? resolved?.reason}
        describedBy={describedBy(
          errorOf(cell) && errorIdOf(line.key, cell),
          cell === 'costCenter' && ccReason ? reasonIdOf(line.key) : undefined,
          resolved ? sourceIdOf(id) : undefined,
        )}
        placeholder={cell === 'costCenter' && !line.costCenterEntered && line.workOrder.trim() === '' && headerCostCenter ? headerCostCenter : undefined}
        onTextChange={(text) => updateLine(line.key, { [cell]: text })}
        onCommit={(text) => {
          touch(lineFieldKey(line.key, cell));
          commitCode(line.key, cell, text);
        }}
      />
      {resolved && normalised(line[cell]) === normalised(resolved.value ?? '') && <CodingMark dimension={resolved} />}
      </>
    );
  };

  const dimensionCell = (column: GridColumn) => {
    const dimension = dimensionOfColumn(column.id as `dim:${string}`);
    const resolved = resolvedOf(dimension);
    const fieldKey = codingFieldKey(line.key, dimension);
    const access = resolved?.access;
    const cellEditable = editable && !isBlankLine(line) && (access ? access.editable : !codingOnlyInBox);
    const words = column.header.toLowerCase();
    return (
      <DimensionCell
        id={cellDomId(line.key, column.id)}
        label={`Line ${number} ${words}`}
        dimensionLabel={words}
        resolved={resolved}
        typed={codingText[fieldKey] ?? null}
        options={codingOptions[dimension] ?? []}
        tabIndex={tabIndexOf(column.id)}
        editable={cellEditable}
        error={fieldErrors[fieldKey]}
        errorId={`${fieldKey}-error`}
        onTextChange={(text) => setCodingText(line.key, dimension, text)}
        onCommit={(text) => void commitDimension(line.key, dimension, text)}
      />
    );
  };

  const content = (gridColumn: GridColumn): ReactNode => {
    const column = gridColumn.id;
    if (isCodingColumn(column)) return dimensionCell(gridColumn);
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
      case 'remove': {
        const codingProblem = Object.keys(fieldErrors).some((key) => key.startsWith(`line:${line.key}:coding:`));
        return (
          <span className="row-action-buttons">
            <button
              type="button"
              id={codingButtonId(line.key)}
              className={codingProblem ? 'icon-button coding-button has-problem' : 'icon-button coding-button'}
              tabIndex={-1}
              aria-label={`Coding of line ${number}`}
              aria-keyshortcuts="Alt+C"
              aria-invalid={codingProblem || undefined}
              title="Coding box (Alt+C)"
              onClick={() => openCodingBox(line.key)}
            >
              ⋯
            </button>
            {editable && (
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
            )}
          </span>
        );
      }
      default:
        return CODE_CELLS.includes(column as CodeCellName) ? codeCell(column as CodeCellName) : null;
    }
  };

  const readOnlyNote = line.access && !line.access.withinSecurity ? line.access.reason : null;
  const errors: { cell: string; id: string; message: string }[] = columns.flatMap((column) => {
    const cell = column.id as LineCell;
    const message = column.id === 'number' || column.id === 'total' || column.id === 'remove' || isCodingColumn(column.id) ? undefined : errorOf(cell);
    return message ? [{ cell, id: errorIdOf(line.key, cell), message }] : [];
  });
  // A refused cell the operator hid still has its say.
  for (const cell of CODE_CELLS) {
    const message = errorOf(cell);
    if (message && !columns.some((column) => column.id === cell)) errors.push({ cell, id: errorIdOf(line.key, cell), message: `${CELL_LABELS[cell]}: ${message}` });
  }
  // Coding refusals (a grid cell's, or a save's naming a dimension): beside the row, with the dimension named.
  const codingPrefix = `line:${line.key}:coding:`;
  for (const [key, message] of Object.entries(fieldErrors)) {
    if (!key.startsWith(codingPrefix)) continue;
    const dimension = key.slice(codingPrefix.length);
    const named = resolvedOf(dimension)?.label ?? dimension.replace(/-/g, ' ');
    errors.push({ cell: key, id: `${key}-error`, message: dimension === 'row' ? `Coding: ${message}` : `${named.charAt(0).toUpperCase()}${named.slice(1)}: ${message}` });
  }
  const sources = (line.coding?.resolved ?? []).flatMap((entry) => {
    const column = entry.dimension === 'purchase-account' ? 'glAccount' : entry.dimension === 'cost-center' ? 'costCenter' : (`dim:${entry.dimension}` as const);
    if (!columns.some((candidate) => candidate.id === column)) return [];
    const access = entry.access.editable ? '' : ` ${entry.access.reason}`;
    return [{ id: sourceIdOf(cellDomId(line.key, column)), text: `${entry.reason}${access}` }];
  });

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
            {content(column)}
          </div>
        ))}
      </div>
      {ccReason && (
        <span id={reasonIdOf(line.key)} className="sr-only">
          {ccReason}
        </span>
      )}
      {sources.map((source) => (
        <span key={source.id} id={source.id} className="sr-only">
          {source.text}
        </span>
      ))}
      {(readOnlyNote || errors.length > 0) && (
        <div className="grid-note" aria-label={`Line ${number} note`}>
          {readOnlyNote && <span className="read-only-note">{readOnlyNote}</span>}
          {errors.map(({ cell, id, message }) => (
            <span key={cell} id={id} className="line-error-note">
              {message}
            </span>
          ))}
        </div>
      )}
    </div>
  );
});

const normalised = (text: string) => text.trim().toUpperCase();

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
