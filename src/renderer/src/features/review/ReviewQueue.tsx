import { useEffect, useState } from 'react';
import type { CarriedDecision, ReviewQueueRow } from '../../../../shared/lifecycle-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { ageOf, DECISION_LABEL } from './review-words';

export const QUEUE_ID = 'review-queue';
export const rowId = (poId: number) => `review-row-${poId}`;
export const focusRow = (poId: number | null) => {
  const row = poId === null ? null : document.getElementById(rowId(poId));
  (row ?? document.getElementById(QUEUE_ID))?.focus();
};

/** Ages are whole hours and days, so once a minute is often enough. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface ReviewQueueProps {
  rows: ReviewQueueRow[];
  selectedId: number | null;
  labelledBy: string;
  /** In a package: the decisions taken so far, shown on their POs. */
  decisions?: readonly CarriedDecision[];
  onSelect(poId: number): void;
}

/**
 * The POs waiting, oldest first as main answers them: a list box, one option per PO. Focus sits on
 * the selected option; J/K and the arrows move it (the screen handles the keys).
 */
export function ReviewQueue({ rows, selectedId, labelledBy, decisions = [], onSelect }: ReviewQueueProps) {
  const format = useLocaleFormat();
  const now = useNow();
  const decided = new Map(decisions.map((each) => [each.poId, each]));
  const selectedShown = rows.some((row) => row.id === selectedId);

  return (
    <div
      id={QUEUE_ID}
      role="listbox"
      aria-labelledby={labelledBy}
      className="review-queue"
      tabIndex={-1}
    >
      {rows.map((row, index) => {
        const selected = row.id === selectedId;
        const decision = decided.get(row.id);
        return (
          <div
            key={row.id}
            id={rowId(row.id)}
            role="option"
            aria-selected={selected}
            tabIndex={selected || (!selectedShown && index === 0) ? 0 : -1}
            className={`review-row${selected ? ' is-selected' : ''}${decision ? ` is-decided decided-${decision.decision}` : ''}`}
            data-po-number={row.number}
            onClick={() => onSelect(row.id)}
          >
            <div className="review-row-line">
              <span className="po-number">{row.number}</span>
              <span className="review-row-amount num">{format.formatMoney(row.totalMinor)}</span>
            </div>
            <div className="review-row-line">
              <span className="review-row-vendor" title={`${row.vendorCode} ${row.vendorName}`}>
                <span className="code">{row.vendorCode}</span> <span className="muted-name">{row.vendorName}</span>
              </span>
              <span className="review-row-age" title={format.formatDateTime(row.submittedAt)}>
                <span className="sr-only">waiting </span>
                {ageOf(row.submittedAt, now, format.locale)}
              </span>
            </div>
            <div className="review-row-line review-row-meta">
              <span>
                <span className="sr-only">cost centers </span>
                {row.costCenterCodes.length > 0 ? row.costCenterCodes.join(', ') : 'no cost center'}
              </span>
              <span className="review-row-operator">{row.operatorName}</span>
            </div>
            {/* The band's sentence is long; the row says how far the approvals are, the PO beside it says the band. */}
            {(row.progress || row.band) && (
              <div className="review-row-band" title={row.band ?? undefined}>
                {row.progress ?? row.band}
              </div>
            )}
            {decision && (
              <div className="review-row-decision">
                <span className={`badge decision-${decision.decision}`}>{DECISION_LABEL[decision.decision]}</span> in the decisions file
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
