/**
 * The checks that refuse a PO on a budget order, pure; the service runs them inside the saving
 * transaction with amounts read in it, so two desks saving at once cannot both pass.
 *
 * checkAllocation, in this order, the first failing rule named:
 * | situation                                                     | verdict                                 |
 * |---------------------------------------------------------------|-----------------------------------------|
 * | the PO is cancelled                                           | allowed `budget-nothing-allocated`      |
 * | the PO already holds an amount and its total does not exceed it | allowed `budget-allocation-not-raised` (closing or the validity ending stop new money, not work on POs already charged) |
 * | the budget order is closed                                    | refused `budget-closed`                 |
 * | the PO's date is not a date                                   | refused `po-date-invalid`               |
 * | the PO's date is before the first or after the last valid day | refused `budget-validity`               |
 * | total > budget total − allocated to other POs                 | refused `budget-exceeded`, amounts named |
 * | otherwise (including exactly at the limit)                    | allowed `budget-allocation-fits`        |
 *
 * Two policies for other POs' drafts, the caller's choice by passing `otherProvisionalMinor` or not:
 * - drafts only warn (leave it out): a PO is refused only by what is allocated (submitted on); its
 *   drafts are checked again at submit, and the first submitted gets the money.
 * - drafts hold (pass it): other drafts count against the total too, so a draft saved reserves its
 *   amount and no save can ever push allocated + provisional above the total.
 * Either way the service runs the check in the saving transaction, so the race cannot overspend.
 *
 * checkBudgetChange: a PO's budget order may change while it is a draft that has never been
 * released; from approval on it is locked. A change order's draft is still locked: the vendor has a
 * revision charged to that budget order. A PO recalled or rejected before release is a draft again,
 * with its approvals void, so its budget order may change.
 */
import { formatDate, formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import { capitalise } from './cost-center-rules';
import { assertMinor, type BudgetOrder, isIsoDate, validityOn, validityText } from './budget-orders';
import { type PoStatus, STATUS_TEXT } from './po-lifecycle';

export interface BudgetVerdict {
  allowed: boolean;
  rule: string;
  reason: string;
}

export interface AllocationVerdict extends BudgetVerdict {
  /** What the budget order has for this PO: total − allocated to other POs. */
  availableMinor: number;
  /** How far the PO's total is above that; 0 when it fits. */
  overByMinor: number;
}

export interface AllocationFacts {
  budget: BudgetOrder;
  poNumber: string;
  poStatus: PoStatus;
  poTotalMinor: number;
  /** The PO's calendar date, YYYY-MM-DD. */
  poDate: string;
  /** Allocated to every other PO on this budget order (budgetUse(…, thisPo).allocatedMinor). */
  otherAllocatedMinor: number;
  /** What this PO already holds on it: 0 for a PO new to it or a plain draft; a change order's approved total. */
  previousAllocationOfThisPoMinor: number;
  /** Provisional on it from other POs' drafts, under the "drafts hold" policy; leave out when drafts only warn. */
  otherProvisionalMinor?: number;
  locale: LocaleCode;
}

/** How the sentences name who asks ("PO-000012", "the change order on PO-000012") and the amount asked. */
interface Ask {
  who: string;
  /** "PO-000012's total, 1,200.00," as a sentence's subject. */
  amount: string;
  exceededRule: string;
}

function allocationVerdict(facts: AllocationFacts, ask: Ask): AllocationVerdict {
  const { budget, poTotalMinor: total, previousAllocationOfThisPoMinor: previous, locale } = facts;
  assertMinor(total, `${facts.poNumber}'s total`);
  assertMinor(previous, `${facts.poNumber}'s earlier allocation`);
  const provisional = assertMinor(facts.otherProvisionalMinor ?? 0, 'The provisional sum');
  const available = assertMinor(budget.totalMinor, `${budget.number}'s total`) - assertMinor(facts.otherAllocatedMinor, 'The allocated sum') - provisional;
  const money = (minor: number) => formatMoney(minor, locale);
  const verdict = (allowed: boolean, rule: string, reason: string): AllocationVerdict => ({
    allowed,
    rule,
    reason,
    availableMinor: available,
    overByMinor: allowed ? 0 : Math.max(0, total - available),
  });
  const b = `budget order ${budget.number}`;

  if (facts.poStatus === 'cancelled') return verdict(true, 'budget-nothing-allocated', `${facts.poNumber} is cancelled; it holds nothing on ${b}.`);
  if (previous > 0 && total <= previous) {
    return verdict(true, 'budget-allocation-not-raised', `${facts.poNumber} already holds ${money(previous)} on ${b}; its total, ${money(total)}, asks no more.`);
  }
  if (budget.status === 'closed') return verdict(false, 'budget-closed', `${capitalise(b)} is closed, so ${ask.who} cannot draw on it; choose an open budget order.`);
  if (!isIsoDate(facts.poDate)) {
    return verdict(false, 'po-date-invalid', `${facts.poNumber}'s date, ${facts.poDate || '(blank)'}, is not a date; it decides which budget orders are valid.`);
  }
  const validity = validityOn(budget, facts.poDate);
  if (validity !== 'within') {
    const when = validity === 'before' ? 'before its first valid day' : 'after its last valid day';
    return verdict(false, 'budget-validity', `${capitalise(b)} is valid ${validityText(budget, locale)}; ${facts.poNumber} is dated ${formatDate(facts.poDate, locale)}, ${when}.`);
  }
  const drafts = facts.otherProvisionalMinor === undefined ? '' : ` and ${money(provisional)} held by their drafts`;
  const others = `total ${money(budget.totalMinor)}, of which ${money(facts.otherAllocatedMinor)} is allocated to other POs${drafts}`;
  if (total > available) {
    return verdict(false, ask.exceededRule, `${capitalise(ask.amount)} is more than ${b} has unallocated for it, ${money(available)} (${others}): ${money(total - available)} over.`);
  }
  return verdict(true, 'budget-allocation-fits', `${capitalise(ask.amount)} fits ${b}: it leaves ${money(available - total)} unallocated (${others}).`);
}

/** May this PO's total draw on this budget order now? See the table at the top. */
export function checkAllocation(facts: AllocationFacts): AllocationVerdict {
  const amount = `${facts.poNumber}'s total, ${formatMoney(facts.poTotalMinor, facts.locale)},`;
  return allocationVerdict(facts, { who: facts.poNumber, amount, exceededRule: 'budget-exceeded' });
}

export interface ChangeOrderFacts {
  budget: BudgetOrder;
  poNumber: string;
  /** The total of the revision last approved, which the budget order already holds. */
  approvedTotalMinor: number;
  /** The change order's total. */
  newTotalMinor: number;
  poDate: string;
  /** Allocated to every other PO on this budget order. */
  otherAllocatedMinor: number;
  /** As in AllocationFacts: only under the "drafts hold" policy. */
  otherProvisionalMinor?: number;
  locale: LocaleCode;
}

/** A change order that raises the amount is checked against the budget again; one that lowers or keeps it passes. */
export function checkChangeOrderAgainstBudget(facts: ChangeOrderFacts): AllocationVerdict {
  const { approvedTotalMinor: approved, newTotalMinor: next, locale, poNumber: n } = facts;
  assertMinor(approved, `${n}'s approved total`);
  assertMinor(next, `${n}'s new total`);
  const money = (minor: number) => formatMoney(minor, locale);
  const b = `budget order ${facts.budget.number}`;
  if (next <= approved) {
    const reason =
      next === approved
        ? `The change order keeps ${n}'s total at ${money(approved)}; it draws nothing more on ${b}.`
        : `The change order lowers ${n}'s total from ${money(approved)} to ${money(next)}; ${b} gets ${money(approved - next)} back once it is approved.`;
    const available = facts.budget.totalMinor - facts.otherAllocatedMinor - (facts.otherProvisionalMinor ?? 0);
    return { allowed: true, rule: 'change-order-not-raised', reason, availableMinor: available, overByMinor: 0 };
  }
  return allocationVerdict(
    {
      budget: facts.budget,
      poNumber: n,
      poStatus: 'draft',
      poTotalMinor: next,
      poDate: facts.poDate,
      otherAllocatedMinor: facts.otherAllocatedMinor,
      previousAllocationOfThisPoMinor: approved,
      ...(facts.otherProvisionalMinor === undefined ? {} : { otherProvisionalMinor: facts.otherProvisionalMinor }),
      locale,
    },
    { who: `the change order on ${n}`, amount: `${n}'s new total, ${money(next)} (up from ${money(approved)}),`, exceededRule: 'change-order-over-budget' },
  );
}

export interface BudgetChangeFacts {
  poNumber: string;
  poStatus: PoStatus;
  /** The revision last sent to the vendor; null while the PO has never been released. */
  lastReleasedRevision: number | null;
  from: string | null;
  to: string | null;
}

const LOCKED_STATUSES: readonly PoStatus[] = ['approved', 'released', 'closed'];

/** May the PO's budget order change from `from` to `to` now? */
export function checkBudgetChange(facts: BudgetChangeFacts): BudgetVerdict {
  const { poNumber: n, poStatus: status, from, to } = facts;
  if (from === to) return { allowed: true, rule: 'budget-unchanged', reason: from === null ? `${n} has no budget order.` : `${n} stays on budget order ${from}.` };
  const locked = LOCKED_STATUSES.includes(status) || (facts.lastReleasedRevision !== null && (status === 'draft' || status === 'submitted'));
  if (locked) {
    const since = facts.lastReleasedRevision !== null ? 'since it was approved and released' : 'since it was approved';
    if (from === null) return { allowed: false, rule: 'budget-locked', reason: `${n} has had no budget order ${since}, and a PO's budget order is locked from approval on; it cannot be put on ${to}.` };
    const move = to === null ? 'it cannot be taken off it' : `it cannot move to ${to}`;
    return { allowed: false, rule: 'budget-locked', reason: `${n} is locked to budget order ${from} ${since}; ${move}.` };
  }
  if (status === 'cancelled') return { allowed: false, rule: 'po-status', reason: `${n} is ${STATUS_TEXT.cancelled}; it can only be viewed.` };
  if (status === 'submitted') {
    return { allowed: false, rule: 'budget-change-needs-draft', reason: `${n} is ${STATUS_TEXT.submitted}; recall it to draft to change its budget order.` };
  }
  if (from === null) return { allowed: true, rule: 'budget-change-draft', reason: `${n} goes on budget order ${to}.` };
  if (to === null) return { allowed: true, rule: 'budget-change-draft', reason: `${n} comes off budget order ${from}.` };
  return { allowed: true, rule: 'budget-change-draft', reason: `${n} moves from budget order ${from} to ${to}.` };
}

/** The "budget order required" setting, at submit. */
export function budgetRequiredOnSubmit(required: boolean, po: { number: string; budgetOrderNumber: string | null }): BudgetVerdict {
  if (po.budgetOrderNumber !== null && po.budgetOrderNumber.trim() !== '') {
    return { allowed: true, rule: 'budget-order-present', reason: `${po.number} is on budget order ${po.budgetOrderNumber}.` };
  }
  if (!required) return { allowed: true, rule: 'budget-order-optional', reason: `${po.number} has no budget order; none is required.` };
  return {
    allowed: false,
    rule: 'budget-order-required',
    reason: `${po.number} cannot be submitted without a budget order: every PO needs one here. Choose one valid on the PO's date.`,
  };
}
