import type { ReviewDetail } from '../../../../shared/contracts';
import { formatScaled } from '../../../../shared/locale-format';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { type ReviewSource, useReviewStore } from '../../stores/review-store';
import { decisionQuestion } from './review-words';

export const CONFIRM_ID = 'review-confirm';
export const REASON_ID = 'review-reason';
export const PROBLEM_ID = 'review-decision-problem';
const REASON_MAX = 500;

interface DecisionBarProps {
  detail: ReviewDetail;
  source: ReviewSource;
}

/**
 * Approve and reject, each with the reason main gives for whether this supervisor may, shown before
 * any key is pressed; then the question that Enter confirms, or the reason box for a rejection.
 */
export function DecisionBar({ detail, source }: DecisionBarProps) {
  const { locale } = useLocaleFormat();
  const pending = useReviewStore((s) => (s.pending?.poId === detail.po.id ? s.pending : null));
  const sending = useReviewStore((s) => s.sending);
  const problem = useReviewStore((s) => s.decisionProblem);
  const kept = useReviewStore((s) => (source === 'package' ? s.packageDecisions.find((each) => each.poId === detail.po.id) : undefined));
  const { startDecision, setReason, confirmDecision, cancelDecision } = useReviewStore.getState();
  const { canApprove, canReject, po } = detail;
  const question = pending ? decisionQuestion({ decision: pending.decision, poNumber: pending.poNumber, revision: pending.revision, totalMinor: pending.totalMinor }, locale) : '';
  const reasonBlank = pending?.decision === 'reject' && pending.reason.trim() === '';

  return (
    <div className="review-decision">
      <div className="review-decision-choices" role="group" aria-label={`Decide ${po.number}`}>
        <DecisionChoice
          kind="approve"
          label="Approve"
          shortcut="A"
          className="primary"
          verdict={canApprove}
          disabled={sending}
          onChoose={() => startDecision('approve')}
        />
        <DecisionChoice
          kind="reject"
          label="Reject"
          shortcut="R"
          className="secondary danger-outline"
          verdict={canReject}
          disabled={sending}
          onChoose={() => startDecision('reject')}
        />
      </div>

      {kept && !pending && (
        <p className="review-kept">
          In the decisions file: <strong>{kept.decision === 'approve' ? 'Approve' : 'Reject'}</strong>
          {kept.reason ? ` — “${kept.reason}”` : ''}. Deciding again replaces it.
        </p>
      )}

      {pending?.decision === 'approve' && (
        <div className="review-confirm" role="group" aria-labelledby="review-confirm-question">
          <p id="review-confirm-question">
            <strong>{question}</strong> Enter to confirm, Escape to cancel
            {source === 'package' && <span className="review-confirm-note"> (kept for the decisions file; nothing is sent)</span>}
          </p>
          <div className="review-confirm-actions">
            <button id={CONFIRM_ID} type="button" className="primary" aria-busy={sending} disabled={sending} onClick={() => void confirmDecision()}>
              {sending ? 'Approving…' : `Approve ${pending.poNumber}`}
            </button>
            <button type="button" className="secondary" disabled={sending} onClick={cancelDecision}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {pending?.decision === 'reject' && (
        <div className="review-confirm review-reject" role="group" aria-labelledby="review-reject-question">
          <p id="review-reject-question">
            <strong>{question}</strong> Write the reason for its operator; Ctrl+Enter to reject, Escape to cancel
            {source === 'package' && <span className="review-confirm-note"> (kept for the decisions file; nothing is sent)</span>}
          </p>
          <label htmlFor={REASON_ID}>Reason for rejecting (required)</label>
          <textarea
            id={REASON_ID}
            rows={3}
            maxLength={REASON_MAX}
            required
            aria-required="true"
            aria-invalid={problem !== null && reasonBlank ? 'true' : undefined}
            aria-describedby={`review-reason-count${problem ? ` ${PROBLEM_ID}` : ''}`}
            aria-keyshortcuts="Control+Enter"
            value={pending.reason}
            disabled={sending}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="review-confirm-actions">
            <span id="review-reason-count" className="hint">
              {formatScaled(pending.reason.length, 0, locale)} of {formatScaled(REASON_MAX, 0, locale)} characters
            </span>
            <button id={CONFIRM_ID} type="button" className="danger" aria-busy={sending} disabled={sending} onClick={() => void confirmDecision()}>
              {sending ? 'Rejecting…' : `Reject ${pending.poNumber}`}
            </button>
            <button type="button" className="secondary" disabled={sending} onClick={cancelDecision}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {problem && (
        <div role="alert" id={PROBLEM_ID} className="alert review-problem">
          {problem}
        </div>
      )}
    </div>
  );
}

interface DecisionChoiceProps {
  kind: 'approve' | 'reject';
  label: string;
  shortcut: string;
  className: string;
  verdict: { allowed: boolean; reason: string };
  disabled: boolean;
  onChoose(): void;
}

/** One decision's button with main's sentence beside it: why it may be taken, or why not. */
function DecisionChoice({ kind, label, shortcut, className, verdict, disabled, onChoose }: DecisionChoiceProps) {
  const whyId = `review-${kind}-why`;
  return (
    <div className="review-choice">
      <button type="button" className={className} aria-keyshortcuts={shortcut} aria-describedby={whyId} disabled={!verdict.allowed || disabled} onClick={onChoose}>
        {label} <kbd aria-hidden="true">{shortcut}</kbd>
      </button>
      <p id={whyId} className={`review-why${verdict.allowed ? '' : ' is-refused'}`}>
        {verdict.allowed ? verdict.reason : `Cannot ${kind}: ${verdict.reason}`}
      </p>
    </div>
  );
}
