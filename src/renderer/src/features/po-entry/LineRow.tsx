import { type KeyboardEvent, memo } from 'react';
import { formatMoney } from '../../../../shared/money';
import { describedBy } from '../../components/FieldReason';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { lineCellId, lineFieldKey } from './field-ids';
import { ItemLookup } from './ItemLookup';
import { type LineCell, type LineDraft, lineErrors, lineTotal } from './line-rules';

interface LineRowProps {
  line: LineDraft;
  number: number;
  touched: Record<string, true>;
  submitted: boolean;
  fieldErrors: Record<string, string>;
}

/** One editable PO line. Enter in any cell adds a line below; Alt+Delete removes this one. */
export const LineRow = memo(function LineRow({ line, number, touched, submitted, fieldErrors }: LineRowProps) {
  const updateLine = usePoEntryStore((s) => s.updateLine);
  const commitItem = usePoEntryStore((s) => s.commitItem);
  const touch = usePoEntryStore((s) => s.touch);
  const addLineAfter = usePoEntryStore((s) => s.addLineAfter);
  const removeLine = usePoEntryStore((s) => s.removeLine);

  const clientErrors = lineErrors(line);
  const errorOf = (cell: LineCell): string | undefined => {
    const key = lineFieldKey(line.key, cell);
    const server = fieldErrors[key];
    if (server) return server;
    if (cell === 'item' && line.unknownItem) return `No item ${line.itemCode}`;
    return touched[key] || submitted ? clientErrors[cell] : undefined;
  };
  const total = lineTotal(line);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Delete' && event.altKey) {
      event.preventDefault();
      removeLine(line.key);
    }
  };
  const onCellKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      addLineAfter(line.key);
    }
  };

  const cellProps = (cell: Exclude<LineCell, 'item'>, label: string) => {
    const id = lineCellId(line.key, cell);
    const error = errorOf(cell);
    return {
      id,
      type: 'text',
      'aria-label': `Line ${number} ${label}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(error && `${id}-error`),
      onKeyDown: onCellKeyDown,
      onBlur: () => touch(lineFieldKey(line.key, cell)),
      autoComplete: 'off',
      spellCheck: false,
    } as const;
  };

  const cellError = (cell: LineCell) => {
    const error = errorOf(cell);
    return error ? (
      <span id={`${lineCellId(line.key, cell)}-error`} className="cell-error">
        {error}
      </span>
    ) : null;
  };

  const itemError = errorOf('item');
  const itemId = lineCellId(line.key, 'item');

  return (
    <tr className="line-row">
      <td className="line-number">{number}</td>
      <td className="cell-item">
        <ItemLookup
          id={itemId}
          lineNumber={number}
          text={line.itemCode}
          invalid={Boolean(itemError)}
          describedBy={describedBy(itemError && `${itemId}-error`)}
          onTextChange={(text) => updateLine(line.key, { itemCode: text })}
          onCommit={(text, picked) => void commitItem(line.key, text, picked)}
          onEnter={() => addLineAfter(line.key)}
          onKeyDown={onKeyDown}
        />
        {cellError('item')}
      </td>
      <td className="cell-description">
        <input
          {...cellProps('description', 'description')}
          maxLength={200}
          value={line.description}
          onChange={(event) => updateLine(line.key, { description: event.target.value })}
        />
        {cellError('description')}
      </td>
      <td className="cell-number">
        <input
          {...cellProps('quantity', 'quantity')}
          inputMode="decimal"
          className="num"
          value={line.quantity}
          onChange={(event) => updateLine(line.key, { quantity: event.target.value })}
        />
        {cellError('quantity')}
      </td>
      <td className="cell-number">
        <input
          {...cellProps('unitCost', 'unit cost')}
          inputMode="decimal"
          className="num"
          value={line.unitCost}
          onChange={(event) => updateLine(line.key, { unitCost: event.target.value })}
        />
        {cellError('unitCost')}
      </td>
      <td className="cell-total num">{total === null ? '' : formatMoney(total)}</td>
      <td className="cell-remove">
        <button
          type="button"
          className="icon-button"
          tabIndex={-1}
          aria-label={`Remove line ${number}`}
          aria-keyshortcuts="Alt+Delete"
          title="Remove line (Alt+Delete)"
          onClick={() => removeLine(line.key)}
        >
          ×
        </button>
      </td>
    </tr>
  );
});
