/**
 * What the PO entry screen says about the budget order while lines are typed, before any save.
 * Pure and integer: amounts in minor units, the percentage compared as whole numbers (BigInt, so a
 * total near Number.MAX_SAFE_INTEGER times 100 stays exact).
 *
 * | situation (used = allocated + other drafts + this draft)          | level        |
 * |-------------------------------------------------------------------|--------------|
 * | the budget order is closed                                        | over         |
 * | this draft > total − allocated: the save would be refused          | over         |
 * | used > total, drafts hold (they count at save, budget-checks.ts)   | over         |
 * | used > total, drafts only warn: fits alone, not with other drafts  | near-limit   |
 * | used ≥ warnAtPercent % of total (at the limit exactly included)    | near-limit   |
 * | otherwise                                                         | ok           |
 *
 * `leavesMinor` is what would stay unallocated if this PO and every other draft went through as they
 * stand: total − allocated − other drafts − this draft; negative when they would not all fit. Other
 * drafts only warn, never refuse, since they may never be submitted (budget-checks.ts).
 */
import { formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import { capitalise } from './cost-center-rules';
import { assertMinor, type BudgetOrder } from './budget-orders';

export type TypingLevel = 'ok' | 'near-limit' | 'over';

export interface TypingWarning {
  level: TypingLevel;
  leavesMinor: number;
  sentence: string;
}

export interface TypingFacts {
  budget: BudgetOrder;
  /** This PO's total as typed so far. */
  draftTotalMinor: number;
  /** Provisional on this budget order from other POs' drafts. */
  otherProvisionalMinor: number;
  /** Allocated to other POs (this PO's own committed amount, for a change order, left out). */
  allocatedMinor: number;
  /** Warn once this much of the total would be used; a whole number from 0 to 100. */
  warnAtPercent?: number;
  /** The "drafts hold" policy of budget-checks.ts: other drafts count against the total at save. Default false. */
  draftsHold?: boolean;
  locale: LocaleCode;
}

export const DEFAULT_WARN_AT_PERCENT = 90;

/** Whole percent used, rounded down; null for a total of zero. */
function percentUsed(used: number, total: number): number | null {
  if (total <= 0) return null;
  return Number((BigInt(Math.max(0, used)) * 100n) / BigInt(total));
}

export function typingWarning(facts: TypingFacts): TypingWarning {
  const { budget, locale } = facts;
  const warnAt = facts.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT;
  if (!Number.isInteger(warnAt) || warnAt < 0 || warnAt > 100) throw new RangeError(`warnAtPercent must be a whole number from 0 to 100; got ${warnAt}.`);
  const total = assertMinor(budget.totalMinor, `${budget.number}'s total`);
  const draft = assertMinor(facts.draftTotalMinor, 'The PO total');
  const others = assertMinor(facts.otherProvisionalMinor, 'The provisional sum');
  const allocated = assertMinor(facts.allocatedMinor, 'The allocated sum');
  const money = (minor: number) => formatMoney(minor, locale);
  const b = `budget order ${budget.number}`;
  const unallocated = total - allocated;
  const used = allocated + others + draft;
  const leavesMinor = total - used;
  const counting = others > 0 ? `, counting ${money(others)} in other drafts` : '';

  if (budget.status === 'closed') {
    return { level: 'over', leavesMinor, sentence: `${capitalise(b)} is closed; this PO cannot be saved on it. Choose an open budget order.` };
  }
  if (draft > unallocated) {
    return {
      level: 'over',
      leavesMinor,
      sentence: `Over ${b}: this PO's ${money(draft)} is ${money(draft - unallocated)} more than its ${money(unallocated)} unallocated; it cannot be saved like this.`,
    };
  }
  if (facts.draftsHold === true && used > total) {
    const free = unallocated - others;
    return {
      level: 'over',
      leavesMinor,
      sentence: `Over ${b}: this PO's ${money(draft)} is ${money(used - total)} more than the ${money(free)} left once other drafts (${money(others)}) are counted; it cannot be saved like this.`,
    };
  }
  if (used > total) {
    return {
      level: 'near-limit',
      leavesMinor,
      sentence:
        `This PO fits ${b}, leaving ${money(unallocated - draft)}, but not together with the other drafts on it (${money(others)}): ` +
        `they would be ${money(used - total)} over. Whichever is submitted first gets the money.`,
    };
  }
  const percent = percentUsed(used, total);
  if (BigInt(used) * 100n >= BigInt(total) * BigInt(warnAt)) {
    const share = percent === null ? '' : ` (${percent}% used${counting})`;
    return { level: 'near-limit', leavesMinor, sentence: `Close to the limit of ${b}: this PO would leave ${money(leavesMinor)} of its ${money(total)}${share}.` };
  }
  const share = percent === null ? '' : ` (${percent}% used${counting})`;
  return { level: 'ok', leavesMinor, sentence: `This PO would leave ${money(leavesMinor)} of ${b}'s ${money(total)} unallocated${share}.` };
}
