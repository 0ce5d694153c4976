import { formatMoney } from '../../../../shared/money';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { ADD_LINE_BUTTON_ID } from './field-ids';
import { LineRow } from './LineRow';
import { poTotal } from './line-rules';

/** The PO's lines and its total. */
export function LinesTable() {
  const lines = usePoEntryStore((s) => s.lines);
  const touched = usePoEntryStore((s) => s.touched);
  const submitted = usePoEntryStore((s) => s.submitted);
  const fieldErrors = usePoEntryStore((s) => s.fieldErrors);
  const addLineAfter = usePoEntryStore((s) => s.addLineAfter);
  const linesError = fieldErrors.lines;

  return (
    <section className="lines" aria-labelledby="lines-heading">
      <h2 id="lines-heading" className="section-title">
        Lines
      </h2>
      <table className="lines-table">
        <colgroup>
          <col className="col-number" />
          <col className="col-item" />
          <col className="col-description" />
          <col className="col-quantity" />
          <col className="col-cost" />
          <col className="col-total" />
          <col className="col-remove" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Item</th>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Unit cost
            </th>
            <th scope="col" className="num">
              Line total
            </th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <LineRow key={line.key} line={line} number={index + 1} touched={touched} submitted={submitted} fieldErrors={fieldErrors} />
          ))}
        </tbody>
      </table>
      <div className="lines-footer">
        <button
          id={ADD_LINE_BUTTON_ID}
          type="button"
          className="secondary"
          tabIndex={-1}
          aria-keyshortcuts="Enter"
          title="Enter in any line adds one"
          onClick={() => addLineAfter(null)}
        >
          + Add line
        </button>
        {linesError && <span className="cell-error">{linesError}</span>}
        <span className="hint">Enter in a line adds the next one · Alt+Delete removes a line</span>
        <div className="po-total" role="group" aria-label="PO total">
          <span className="po-total-label">PO total</span>
          <strong className="num">{formatMoney(poTotal(lines))}</strong>
        </div>
      </div>
    </section>
  );
}
