import { formatMoney } from '../../../../shared/money';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { useSessionStore } from '../../stores/session-store';
import { CodeLists } from './CodeLists';
import { ADD_LINE_BUTTON_ID } from './field-ids';
import { LineRow } from './LineRow';
import { poTotal } from './line-rules';

/** The PO's lines on order with their coding, and the PO total. */
export function LinesTable() {
  const lines = usePoEntryStore((s) => s.lines);
  const touched = usePoEntryStore((s) => s.touched);
  const submitted = usePoEntryStore((s) => s.submitted);
  const fieldErrors = usePoEntryStore((s) => s.fieldErrors);
  const addLineAfter = usePoEntryStore((s) => s.addLineAfter);
  const codes = usePoEntryStore((s) => s.codes);
  const resolution = usePoEntryStore((s) => s.resolution);
  const costCenterText = usePoEntryStore((s) => s.costCenterText);
  const viewing = usePoEntryStore((s) => s.po?.mode === 'view');
  const settings = useSessionStore((s) => s.settings);
  const costCentersOn = resolution?.costCentersEnabled ?? settings?.costCentersEnabled ?? true;
  const headerCostCenter = costCenterText.trim().toUpperCase();
  const linesError = fieldErrors.lines;
  const readOnlyCount = lines.filter((line) => line.access && !line.access.withinSecurity).length;

  return (
    <section className="lines" aria-labelledby="lines-heading">
      <h2 id="lines-heading" className="section-title">
        Lines on order
        {readOnlyCount > 0 && (
          <span className="section-note">
            {readOnlyCount} of {lines.length} outside your cost centers: shown read-only
          </span>
        )}
      </h2>
      <CodeLists codes={codes} costCenters={resolution?.choices ?? []} />
      <div className="lines-scroll">
        <table className="lines-table">
          <thead>
            <tr>
              <th scope="col" className="col-number">#</th>
              <th scope="col" className="col-item">Item</th>
              <th scope="col" className="col-description">Description</th>
              <th scope="col" className="col-type">Type</th>
              <th scope="col" className="col-job">Job</th>
              <th scope="col" className="col-wo">Work order</th>
              <th scope="col" className="col-ct" title="Cost type">
                CT
              </th>
              <th scope="col" className="col-gl">G/L</th>
              {costCentersOn && <th scope="col" className="col-cc">Cost center</th>}
              <th scope="col" className="num col-quantity">
                Quantity
              </th>
              <th scope="col" className="num col-cost">
                Unit cost
              </th>
              <th scope="col" className="num col-total">
                Line total
              </th>
              <th scope="col" className="col-remove">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <LineRow
                key={line.key}
                line={line}
                number={index + 1}
                touched={touched}
                submitted={submitted}
                fieldErrors={fieldErrors}
                viewing={viewing}
                costCentersOn={costCentersOn}
                headerCostCenter={headerCostCenter}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="lines-footer">
        {!viewing && (
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
        )}
        {linesError && <span className="cell-error">{linesError}</span>}
        <span className="hint">
          {viewing ? 'Viewing: nothing here can be changed' : 'Enter adds a line · Delete on the line number (or Alt+Delete) removes one'}
        </span>
        <div className="po-total" role="group" aria-label="PO total">
          <span className="po-total-label">PO total</span>
          <strong className="num">{formatMoney(poTotal(lines))}</strong>
        </div>
      </div>
    </section>
  );
}
