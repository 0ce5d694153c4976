import type { ReviewDetail } from '../../../../shared/contracts';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import type { ReviewSource } from '../../stores/review-store';
import { DecisionBar } from './DecisionBar';
import { ApprovalsSoFar, AuditTrail, CostCenterReasons, ReviewLines } from './ReviewSections';

export const DETAIL_TITLE_ID = 'review-detail-title';

/** The selected PO, read-only: what it is, the decision, then its lines, reasons, approvals and audit trail. */
export function ReviewDetailPane({ detail, source }: { detail: ReviewDetail; source: ReviewSource }) {
  const format = useLocaleFormat();
  const { po } = detail;
  const { standing } = po;
  const submittedAt = standing.statusChangedAt;

  return (
    <article className="review-detail" aria-labelledby={DETAIL_TITLE_ID} data-po-number={po.number}>
      <header className="review-detail-header">
        <div className="review-detail-title-row">
          <h2 id={DETAIL_TITLE_ID} tabIndex={-1}>
            {po.number} <span className="review-revision">revision {po.revision}</span>
          </h2>
          <span className={`badge status-${po.status}`}>{po.status}</span>
          <span className="review-detail-total num">{format.formatMoney(po.totalMinor)}</span>
        </div>
        <dl className="review-facts">
          <div>
            <dt>Vendor</dt>
            <dd>
              <span className="code">{po.vendorCode}</span> {po.vendorName}
            </dd>
          </div>
          <div>
            <dt>Warehouse</dt>
            <dd>{po.warehouseCode}</dd>
          </div>
          <div>
            <dt>Cost center</dt>
            <dd title={po.costCenterOrigin.text}>{po.costCenterCode ?? 'none'}</dd>
          </div>
          <div>
            <dt>Operator</dt>
            <dd>{po.createdBy}</dd>
          </div>
          {submittedAt && (
            <div>
              <dt>Submitted</dt>
              <dd>
                <time dateTime={submittedAt}>{format.formatDateTime(submittedAt)}</time>
              </dd>
            </div>
          )}
          <div className="review-fact-wide">
            <dt>Band</dt>
            <dd>
              {standing.band ?? 'No approval band applies'}
              {standing.progress && <span className="review-progress"> — {standing.progress}</span>}
            </dd>
          </div>
          {/* While submitted the note is the submission's own sentence, which the band says already; otherwise it says why (a recall, a rejection). */}
          {po.statusNote && po.status !== 'submitted' && (
            <div className="review-fact-wide">
              <dt>Note</dt>
              <dd>{po.statusNote}</dd>
            </div>
          )}
        </dl>
      </header>
      <DecisionBar detail={detail} source={source} />
      <ReviewLines detail={detail} />
      <div className="review-detail-columns">
        <CostCenterReasons detail={detail} />
        <ApprovalsSoFar detail={detail} />
      </div>
      <AuditTrail detail={detail} />
    </article>
  );
}
