/** A part of the total as a share of the bar's width; display only, the figures stay integers. */
const share = (part: number, whole: number): string => (whole <= 0 ? '0%' : `${Math.min(100, Math.max(0, (part * 100) / whole))}%`);

/** Allocated, then provisional, across the total: what a row of the budget table shows at a glance. */
export function BudgetBar({ totalMinor, allocatedMinor, provisionalMinor }: { totalMinor: number; allocatedMinor: number; provisionalMinor: number }) {
  const over = allocatedMinor + provisionalMinor > totalMinor;
  return (
    <span className={over ? 'budget-use-bar is-over' : 'budget-use-bar'} aria-hidden="true">
      <span className="budget-use-allocated" style={{ width: share(allocatedMinor, totalMinor) }} />
      <span className="budget-use-provisional" style={{ width: share(provisionalMinor, totalMinor) }} />
    </span>
  );
}
