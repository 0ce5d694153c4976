import type { ReviewDetail } from '../../../../shared/contracts';
import { AUDIT_ACTIONS } from '../../../../shared/audit-vocabulary';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';

/** The read-only parts of a PO under review: its lines, why each cost center, approvals so far, and its audit trail. */

const none = (
  <span className="muted">
    <span aria-hidden="true">—</span>
    <span className="sr-only">none</span>
  </span>
);

const ACTION_WORDS: Readonly<Record<string, string>> = AUDIT_ACTIONS;
/** A term the vocabulary has no words for yet still reads as words: "po-submitted" → "PO submitted". */
const actionWords = (action: string) => ACTION_WORDS[action] ?? action.replace(/^po-/, 'PO ').replaceAll('-', ' ');

export function ReviewLines({ detail }: { detail: ReviewDetail }) {
  const format = useLocaleFormat();
  const { po } = detail;
  return (
    <section className="review-section" aria-labelledby="review-lines-title">
      <h3 id="review-lines-title">Lines</h3>
      <div className="review-table-scroll">
        <table className="review-table review-lines" aria-labelledby="review-lines-title">
          <colgroup>
            <col className="rl-number" />
            <col className="rl-item" />
            <col className="rl-description" />
            <col className="rl-quantity" />
            <col className="rl-cost" />
            <col className="rl-amount" />
            <col className="rl-cc" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Item</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Unit cost
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Cost center</th>
            </tr>
          </thead>
          <tbody>
            {po.lines.map((line) => (
              <tr key={line.id}>
                <td className="num">{line.lineNumber}</td>
                <td>{line.itemCode ? <span className="code">{line.itemCode}</span> : none}</td>
                <td className="review-line-description">{line.description}</td>
                <td className="num">{format.formatQuantity(line.quantityMilli)}</td>
                <td className="num">{format.formatMoney(line.unitCostMinor)}</td>
                <td className="num">{format.formatMoney(line.totalMinor)}</td>
                <td>{line.costCenterCode ?? none}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5} className="num">
                Total
              </th>
              <td className="num review-total">{format.formatMoney(po.totalMinor)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function CostCenterReasons({ detail }: { detail: ReviewDetail }) {
  return (
    <section className="review-section" aria-labelledby="review-reasons-title">
      <h3 id="review-reasons-title">Why each cost center</h3>
      {detail.costCenterReasons.length === 0 ? (
        <p className="muted">No cost center reasons were recorded.</p>
      ) : (
        <ul className="review-reasons">
          {detail.costCenterReasons.map((each, index) => (
            <li key={`${each.lineNumber ?? 'header'}-${index}`}>
              <span className="review-reason-where">
                {each.lineNumber === null ? 'Header' : `Line ${each.lineNumber}`}
                {' · '}
                <span className="code">{each.costCenterCode ?? 'none'}</span>
              </span>
              <span>{each.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ApprovalsSoFar({ detail }: { detail: ReviewDetail }) {
  const format = useLocaleFormat();
  const { standing } = detail.po;
  return (
    <section className="review-section" aria-labelledby="review-approvals-title">
      <h3 id="review-approvals-title">Approvals so far</h3>
      {standing.approvals.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="review-approvals">
          {standing.approvals.map((approval, index) => (
            <li key={`${approval.at}-${index}`} className={approval.voided ? 'is-void' : undefined}>
              <strong>{approval.approverName}</strong> ({approval.approverRole}) approved revision {approval.revision} on{' '}
              <time dateTime={approval.at}>{format.formatDateTime(approval.at)}</time>
              {approval.voided && <span className="badge review-void">void</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AuditTrail({ detail }: { detail: ReviewDetail }) {
  const format = useLocaleFormat();
  return (
    <section className="review-section" aria-labelledby="review-audit-title">
      <h3 id="review-audit-title">Audit trail</h3>
      {detail.audit.length === 0 ? (
        <p className="muted">No audit entries for this PO.</p>
      ) : (
        <div className="review-table-scroll">
          <table className="review-table review-audit" aria-labelledby="review-audit-title">
            <colgroup>
              <col className="ra-when" />
              <col className="ra-who" />
              <col className="ra-action" />
              <col className="ra-line" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Line</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {detail.audit.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{format.formatDateTime(entry.at)}</time>
                  </td>
                  <td>{entry.operator ?? none}</td>
                  <td>{actionWords(entry.action)}</td>
                  <td className="num">{entry.lineNumber ?? none}</td>
                  <td className="review-audit-detail">{entry.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
