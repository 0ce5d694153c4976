import type { ReviewConflict } from '../../../../shared/lifecycle-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { DECISION_LABEL } from './review-words';

interface ConflictsPanelProps {
  conflicts: ReviewConflict[];
  onDecideAgain(poId: number): void;
  onDismiss(decisionId: string): void;
}

/**
 * Decisions made offline that the team server did not apply, because the PO changed, was recalled
 * or was decided by someone else meanwhile: what changed, what had been decided, and the way on.
 */
export function ConflictsPanel({ conflicts, onDecideAgain, onDismiss }: ConflictsPanelProps) {
  const format = useLocaleFormat();
  if (conflicts.length === 0) return null;
  return (
    <section className="review-conflicts" aria-labelledby="review-conflicts-title">
      <h2 id="review-conflicts-title">Needs deciding again</h2>
      <p className="hint">These decisions were made offline and not applied: the PO is no longer as you read it.</p>
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.decisionId} className="review-conflict" data-po-number={conflict.poNumber}>
            <div className="review-conflict-text">
              <strong className="po-number">{conflict.poNumber}</strong>
              <span className="review-conflict-changed">{conflict.message}</span>
              <span className="muted">
                You had decided: <strong>{DECISION_LABEL[conflict.decision]}</strong> revision {conflict.decidedRevision} on{' '}
                <time dateTime={conflict.decidedAt}>{format.formatDateTime(conflict.decidedAt)}</time>
                {conflict.reason ? ` — “${conflict.reason}”` : ''}
              </span>
            </div>
            <div className="review-conflict-actions">
              <button type="button" className="primary" onClick={() => onDecideAgain(conflict.poId)}>
                Open {conflict.poNumber} to decide again
              </button>
              <button type="button" className="secondary" aria-label={`Dismiss the conflict on ${conflict.poNumber}`} onClick={() => onDismiss(conflict.decisionId)}>
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
