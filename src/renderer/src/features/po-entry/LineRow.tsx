import { type KeyboardEvent, memo } from 'react';
import type { DistributionType } from '../../../../shared/contracts';
import { formatMoney } from '../../../../shared/money';
import { describedBy } from '../../components/FieldReason';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { CODE_LIST_IDS } from './CodeLists';
import { CELL_LABELS, lineCellId, lineFieldKey } from './field-ids';
import { ItemLookup } from './ItemLookup';
import {
  type CodeCell,
  costCenterEditable,
  DISTRIBUTION_TYPES,
  isEditable,
  type LineCell,
  type LineDraft,
  lineErrors,
  lineTotal,
} from './line-rules';

interface LineRowProps {
  line: LineDraft;
  number: number;
  touched: Record<string, true>;
  submitted: boolean;
  fieldErrors: Record<string, string>;
  viewing: boolean;
  costCentersOn: boolean;
  headerCostCenter: string;
}

const isPlainEnter = (event: KeyboardEvent) => event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;

/**
 * One PO line with its coding. Enter in any cell adds a line below; Delete on the line number
 * (or Alt+Delete anywhere in the row) asks to remove it. Read-only rows say why (rules 2, 5, 6).
 */
export const LineRow = memo(function LineRow({ line, number, touched, submitted, fieldErrors, viewing, costCentersOn, headerCostCenter }: LineRowProps) {
  const updateLine = usePoEntryStore((s) => s.updateLine);
  const commitItem = usePoEntryStore((s) => s.commitItem);
  const commitCode = usePoEntryStore((s) => s.commitCode);
  const setDistributionType = usePoEntryStore((s) => s.setDistributionType);
  const touch = usePoEntryStore((s) => s.touch);
  const addLineAfter = usePoEntryStore((s) => s.addLineAfter);
  const requestRemoveLine = usePoEntryStore((s) => s.requestRemoveLine);

  const editable = isEditable(line, viewing);
  const ccEditable = costCenterEditable(line, viewing, costCentersOn);
  const clientErrors = lineErrors(line);
  const errorOf = (cell: LineCell): string | undefined => {
    const key = lineFieldKey(line.key, cell);
    const server = fieldErrors[key];
    if (server) return server;
    if (cell === 'item' && line.unknownItem) return `No item ${line.itemCode}`;
    return touched[key] || submitted ? clientErrors[cell] : undefined;
  };
  const total = lineTotal(line);

  const onRowKeys = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Delete' && (event.altKey || !editable)) {
      event.preventDefault();
      requestRemoveLine(line.key);
    }
  };
  const onCellKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, commit?: () => void) => {
    onRowKeys(event);
    if (event.defaultPrevented) return;
    if (isPlainEnter(event)) {
      event.preventDefault();
      commit?.();
      if (!viewing) addLineAfter(line.key);
    }
  };

  // Coding cells are narrow: their errors go to the note under the row, which the cell points at.
  const noteId = `${lineCellId(line.key, 'item')}-note`;
  const inNote = (cell: LineCell): boolean => NOTE_CELLS.includes(cell);
  const errorId = (cell: LineCell) => (inNote(cell) ? noteId : `${lineCellId(line.key, cell)}-error`);
  const cellError = (cell: LineCell) => {
    const error = inNote(cell) ? undefined : errorOf(cell);
    return error ? (
      <span id={errorId(cell)} className="cell-error">
        {error}
      </span>
    ) : null;
  };
  const common = (cell: LineCell, readOnly: boolean, extraDescribedBy?: string) => {
    const error = errorOf(cell);
    return {
      id: lineCellId(line.key, cell),
      'aria-label': `Line ${number} ${CELL_LABELS[cell]}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(error && errorId(cell), extraDescribedBy),
      readOnly,
      'aria-readonly': readOnly || undefined,
      onBlur: () => touch(lineFieldKey(line.key, cell)),
      autoComplete: 'off',
      spellCheck: false,
    } as const;
  };

  const textCell = (cell: 'description' | 'quantity' | 'unitCost', numeric = false) => (
    <td className={numeric ? 'cell-number' : `cell-${cell}`}>
      <input
        {...common(cell, !editable)}
        type="text"
        className={numeric ? 'num' : undefined}
        inputMode={numeric ? 'decimal' : undefined}
        maxLength={cell === 'description' ? 200 : undefined}
        value={line[cell]}
        onChange={(event) => updateLine(line.key, { [cell]: event.target.value })}
        onKeyDown={(event) => onCellKeyDown(event)}
      />
      {cellError(cell)}
    </td>
  );

  const codeCell = (cell: CodeCell, readOnly: boolean, extra?: { placeholder?: string; describedBy?: string; reason?: React.ReactNode }) => (
    <td className={`cell-code cell-${cell}`}>
      <input
        {...common(cell, readOnly, extra?.describedBy)}
        type="text"
        list={readOnly ? undefined : CODE_LIST_IDS[cell]}
        placeholder={extra?.placeholder}
        maxLength={32}
        value={line[cell]}
        onChange={(event) => updateLine(line.key, { [cell]: event.target.value })}
        onBlur={(event) => {
          touch(lineFieldKey(line.key, cell));
          if (!readOnly) commitCode(line.key, cell, event.target.value);
        }}
        onKeyDown={(event) => onCellKeyDown(event, readOnly ? undefined : () => commitCode(line.key, cell, event.currentTarget.value))}
      />
      {cellError(cell)}
      {extra?.reason}
    </td>
  );

  const ccReasonId = `${lineCellId(line.key, 'costCenter')}-reason`;
  const ccReason = costCenterReason(line, editable, ccEditable, headerCostCenter);
  const readOnlyNote = line.access && !line.access.withinSecurity ? line.access.reason : null;
  const noteErrors = [...new Set(NOTE_CELLS.flatMap((cell) => errorOf(cell) ?? []))];
  if (line.judgement?.status === 'refused' && !noteErrors.includes(line.judgement.reason)) noteErrors.unshift(line.judgement.reason);
  const itemId = lineCellId(line.key, 'item');
  const itemError = errorOf('item');

  return (
    <>
      <tr className={`line-row${editable ? '' : ' read-only'}`} data-line-id={line.id ?? undefined}>
        <td className="line-number">
          <button
            type="button"
            className="line-handle"
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
        </td>
        <td className="cell-item">
          {editable ? (
            <ItemLookup
              id={itemId}
              lineNumber={number}
              text={line.itemCode}
              invalid={Boolean(itemError)}
              describedBy={describedBy(itemError && errorId('item'))}
              onTextChange={(text) => updateLine(line.key, { itemCode: text })}
              onCommit={(text, picked) => void commitItem(line.key, text, picked)}
              onEnter={() => addLineAfter(line.key)}
              onKeyDown={onRowKeys}
            />
          ) : (
            <input {...common('item', true)} type="text" value={line.itemCode} onKeyDown={(event) => onCellKeyDown(event)} />
          )}
          {cellError('item')}
        </td>
        {textCell('description')}
        <td className="cell-type">
          <select
            id={lineCellId(line.key, 'distributionType')}
            aria-label={`Line ${number} type`}
            aria-invalid={errorOf('distributionType') ? true : undefined}
            aria-describedby={errorOf('distributionType') ? noteId : undefined}
            disabled={!editable}
            value={line.distributionType}
            onChange={(event) => setDistributionType(line.key, event.target.value as DistributionType)}
            onKeyDown={(event) => onCellKeyDown(event)}
          >
            {DISTRIBUTION_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
          {cellError('distributionType')}
        </td>
        {codeCell('job', !editable)}
        {codeCell('workOrder', !editable)}
        {codeCell('costType', !editable)}
        {codeCell('glAccount', !editable)}
        {costCentersOn &&
          codeCell('costCenter', !ccEditable, {
            placeholder: !line.costCenterEntered && line.workOrder.trim() === '' && headerCostCenter ? headerCostCenter : undefined,
            describedBy: ccReason ? ccReasonId : undefined,
            reason: ccReason && (
              <span id={ccReasonId} className="cell-reason" data-status={line.judgement?.status ?? 'ok'}>
                {ccReason}
              </span>
            ),
          })}
        {textCell('quantity', true)}
        {textCell('unitCost', true)}
        <td className="cell-total num">{total === null ? '' : formatMoney(total)}</td>
        <td className="cell-remove">
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
        </td>
      </tr>
      {(readOnlyNote || noteErrors.length > 0) && (
        <tr className="line-note" aria-label={`Line ${number} note`}>
          <td />
          <td colSpan={costCentersOn ? 12 : 11} id={noteId}>
            {readOnlyNote && <span className="read-only-note">{readOnlyNote}</span>}
            {noteErrors.map((message) => (
              <span key={message} className="line-error-note">
                {message}
              </span>
            ))}
          </td>
        </tr>
      )}
    </>
  );
});

const NOTE_CELLS: readonly LineCell[] = ['distributionType', 'job', 'workOrder', 'costType', 'glAccount', 'costCenter'];

/** The sentence under a line's cost center: main's last word on it, or where it comes from. */
function costCenterReason(line: LineDraft, editable: boolean, ccEditable: boolean, headerCostCenter: string): string | null {
  if (line.judgement?.status === 'refused') return null;
  if (line.judgement) return line.judgement.reason;
  if (line.distributionType === 'direct-wo-cost') {
    return line.workOrder.trim() ? `From work order ${line.workOrder.trim().toUpperCase()}; direct work-order cost keeps it.` : 'Comes from the work order.';
  }
  if (editable && !ccEditable && line.access) return line.access.reason;
  if (!line.costCenterEntered && line.workOrder.trim() === '' && headerCostCenter) return `The PO's cost center ${headerCostCenter}.`;
  return null;
}
