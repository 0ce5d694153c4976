import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { poTotal } from './line-rules';

/** Asked once typing pauses this long: a question per keystroke would only be overtaken by the next. */
const PAUSE_MS = 150;

/** A part of the budget as a share of the bar's width; display only, the figures stay integers. */
const share = (part: number, whole: number): string => (whole <= 0 ? '0%' : `${Math.min(100, Math.max(0, (part * 100) / whole))}%`);

/**
 * What the PO as typed would leave unallocated on its budget order, counting other drafts as
 * provisional, asked of main while the lines are typed. Main's warning comes before the limit is
 * reached (near the limit, or over it together with other drafts), not only at save.
 */
export function BudgetHeadroomNote() {
  const lines = usePoEntryStore((s) => s.lines);
  const budgetOrderId = usePoEntryStore((s) => s.budgetOrderId);
  const headroom = usePoEntryStore((s) => s.headroom);
  const poId = usePoEntryStore((s) => s.po?.id ?? null);
  const poVersion = usePoEntryStore((s) => s.po?.version ?? null);
  const check = usePoEntryStore((s) => s.checkHeadroom);
  const { locale, formatMoney } = useLocaleFormat();
  const total = useMemo(() => poTotal(lines, locale), [lines, locale]);
  const [changes, setChanges] = useState(0);

  useEffect(
    () =>
      api.onChanged((notice) => {
        if (notice.entities.includes('purchase-orders')) setChanges((count) => count + 1);
      }),
    [],
  );

  useEffect(() => {
    const timer = setTimeout(() => void check(total), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [total, budgetOrderId, poId, poVersion, changes, check]);

  if (budgetOrderId === null || !headroom || headroom.budgetOrderId !== budgetOrderId) return null;
  const { totalMinor, allocatedMinor, otherProvisionalMinor, leavesMinor, level } = headroom;
  const thisPo = Math.max(0, totalMinor - allocatedMinor - otherProvisionalMinor - leavesMinor);

  return (
    <div className="budget-headroom" data-level={level}>
      <div className="budget-bar" aria-hidden="true">
        <span className="budget-bar-allocated" style={{ width: share(allocatedMinor, totalMinor) }} />
        <span className="budget-bar-provisional" style={{ width: share(otherProvisionalMinor, totalMinor) }} />
        <span className="budget-bar-this" style={{ width: share(thisPo, totalMinor) }} />
      </div>
      <p id="budget-headroom" className="budget-headroom-message" aria-live="polite">
        {headroom.message}
      </p>
      <dl className="budget-figures">
        <div>
          <dt>Total</dt>
          <dd className="num">{formatMoney(totalMinor)}</dd>
        </div>
        <div>
          <dt>Allocated to other POs</dt>
          <dd className="num">{formatMoney(allocatedMinor)}</dd>
        </div>
        <div>
          <dt>Other drafts</dt>
          <dd className="num">{formatMoney(otherProvisionalMinor)}</dd>
        </div>
        <div>
          <dt>This PO</dt>
          <dd className="num">{formatMoney(total)}</dd>
        </div>
        <div className="budget-figures-leaves">
          <dt>Leaves unallocated</dt>
          <dd className="num">{formatMoney(leavesMinor)}</dd>
        </div>
      </dl>
    </div>
  );
}
