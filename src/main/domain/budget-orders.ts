/**
 * Budget orders and what POs draw on them, pure and in integer minor units. The checks that refuse a
 * PO live in budget-checks.ts, the warning while typing in budget-typing.ts; this module holds the
 * arithmetic they share and the budget-order picker's list.
 *
 * What a PO on a budget order counts as, by its status:
 * | PO status                      | allocated                                  | provisional                    |
 * |--------------------------------|--------------------------------------------|--------------------------------|
 * | draft, never approved          | nothing                                    | its total                      |
 * | draft of a change order        | the revision last approved (`committedMinor`) | what its total adds above that |
 * | submitted                      | its total (a change order: the larger of its total and the committed one) | nothing |
 * | approved, released, closed     | its total                                  | nothing                        |
 * | cancelled                      | nothing                                    | nothing                        |
 *
 * Why: from submit on, a PO is waiting for someone to agree to spend it, so it must be covered; a
 * plain draft is still being written, so it only warns (provisional) and is checked again when it is
 * saved and submitted. A change order keeps what was approved allocated until the change itself is
 * approved, because until then the vendor holds the approved revision; lowering frees money only
 * once approved. A recalled or rejected PO is a plain draft again: its approvals are void.
 * Unallocated = total − allocated; it may be negative only if an admin lowered a total below what
 * was allocated, which budgetOrderProblems refuses.
 */
import { formatDate, formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import type { PoStatus } from './po-lifecycle';

export type BudgetStatus = 'open' | 'closed';

export interface BudgetOrder {
  number: string;
  customerPoNumber: string | null;
  totalMinor: number;
  /** ISO calendar dates (YYYY-MM-DD), both days included. */
  validFrom: string;
  validTo: string;
  status: BudgetStatus;
}

export interface BudgetAllocation {
  poNumber: string;
  status: PoStatus;
  /** The PO's current total: the revision being edited, for a change order. */
  totalMinor: number;
  /** While a change order is open: the total of the revision last approved; null otherwise. */
  committedMinor: number | null;
}

export interface AllocationShare {
  allocatedMinor: number;
  provisionalMinor: number;
}

export interface BudgetUse {
  totalMinor: number;
  allocatedMinor: number;
  provisionalMinor: number;
  /** total − allocated. */
  unallocatedMinor: number;
  /** unallocated − provisional: what is left if every draft on it were submitted as it stands. */
  headroomMinor: number;
}

/** Amounts are integers in minor units; anything else is a caller's bug, not an operator's mistake. */
export function assertMinor(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of minor units; got ${value}.`);
  return value;
}

/** One PO's share of a budget order, by the table at the top. */
export function allocationShare(allocation: BudgetAllocation): AllocationShare {
  const total = assertMinor(allocation.totalMinor, `${allocation.poNumber}'s total`);
  const committed = allocation.committedMinor === null ? 0 : assertMinor(allocation.committedMinor, `${allocation.poNumber}'s committed total`);
  switch (allocation.status) {
    case 'cancelled':
      return { allocatedMinor: 0, provisionalMinor: 0 };
    case 'draft':
      return { allocatedMinor: committed, provisionalMinor: Math.max(0, total - committed) };
    case 'submitted':
      return { allocatedMinor: Math.max(total, committed), provisionalMinor: 0 };
    default:
      return { allocatedMinor: total, provisionalMinor: 0 };
  }
}

function sum(values: readonly number[], what: string): number {
  return assertMinor(values.reduce((total, value) => total + value, 0), what);
}

/** Total, allocated, provisional and what is left, leaving out one PO when given (the one being edited). */
export function budgetUse(totalMinor: number, allocations: readonly BudgetAllocation[], excludePoNumber: string | null = null): BudgetUse {
  assertMinor(totalMinor, 'The budget total');
  const shares = allocations.filter((allocation) => allocation.poNumber !== excludePoNumber).map(allocationShare);
  const allocatedMinor = sum(shares.map((share) => share.allocatedMinor), 'The allocated sum');
  const provisionalMinor = sum(shares.map((share) => share.provisionalMinor), 'The provisional sum');
  const unallocatedMinor = totalMinor - allocatedMinor;
  return { totalMinor, allocatedMinor, provisionalMinor, unallocatedMinor, headroomMinor: unallocatedMinor - provisionalMinor };
}

/** Unallocated = total − the amounts allocated to it (drafts are provisional and cancelled POs nothing). */
export function unallocatedMinor(totalMinor: number, allocations: readonly BudgetAllocation[]): number {
  return budgetUse(totalMinor, allocations).unallocatedMinor;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export type Validity = 'before' | 'within' | 'after';

/** Where a date falls against a budget order's validity; ISO dates compare as text. */
export function validityOn(budget: Pick<BudgetOrder, 'validFrom' | 'validTo'>, date: string): Validity {
  if (date < budget.validFrom) return 'before';
  if (date > budget.validTo) return 'after';
  return 'within';
}

export const validityText = (budget: Pick<BudgetOrder, 'validFrom' | 'validTo'>, locale: LocaleCode): string =>
  `${formatDate(budget.validFrom, locale)} to ${formatDate(budget.validTo, locale)}`;

export interface BudgetWithAllocations {
  budget: BudgetOrder;
  allocations: readonly BudgetAllocation[];
}

export interface BudgetChoice extends BudgetUse {
  number: string;
  customerPoNumber: string | null;
  validFrom: string;
  validTo: string;
}

/**
 * The picker's list: the open budget orders valid on the PO's date, each with its total and
 * unallocated amount, in the order given. The PO being edited is left out of the amounts, so its
 * own draft does not count against itself. An unreadable date matches nothing.
 */
export function budgetsOnDate(budgets: readonly BudgetWithAllocations[], poDate: string, excludePoNumber: string | null = null): BudgetChoice[] {
  if (!isIsoDate(poDate)) return [];
  return budgets
    .filter(({ budget }) => budget.status === 'open' && validityOn(budget, poDate) === 'within')
    .map(({ budget, allocations }) => ({
      number: budget.number,
      customerPoNumber: budget.customerPoNumber,
      validFrom: budget.validFrom,
      validTo: budget.validTo,
      ...budgetUse(budget.totalMinor, allocations, excludePoNumber),
    }));
}

/** One line per choice for the picker: "B-100: total 10,000.00, unallocated 4,000.00, valid 01/01/2025 to 12/31/2025". */
export function describeBudgetChoice(choice: BudgetChoice, locale: LocaleCode): string {
  const customer = choice.customerPoNumber ? `, customer PO ${choice.customerPoNumber}` : '';
  return (
    `${choice.number}: total ${formatMoney(choice.totalMinor, locale)}, unallocated ${formatMoney(choice.unallocatedMinor, locale)}` +
    `, valid ${validityText(choice, locale)}${customer}`
  );
}

/** What the admin screen refuses in a budget order; `allocatedMinor` is what its POs hold now. */
export function budgetOrderProblems(budget: BudgetOrder, allocatedMinor: number, locale: LocaleCode): string[] {
  const problems: string[] = [];
  if (budget.number.trim() === '') problems.push('Enter the budget order number.');
  if (!Number.isSafeInteger(budget.totalMinor)) problems.push('The total must be an amount with at most 2 decimals.');
  else if (budget.totalMinor < 0) problems.push('The total cannot be negative.');
  else if (budget.totalMinor < allocatedMinor) {
    problems.push(
      `The total, ${formatMoney(budget.totalMinor, locale)}, cannot be below the ${formatMoney(allocatedMinor, locale)} already allocated to POs on ${budget.number}.`,
    );
  }
  const fromOk = isIsoDate(budget.validFrom);
  const toOk = isIsoDate(budget.validTo);
  if (!fromOk) problems.push(`Valid from ${budget.validFrom === '' ? '(blank)' : budget.validFrom} is not a date.`);
  if (!toOk) problems.push(`Valid to ${budget.validTo === '' ? '(blank)' : budget.validTo} is not a date.`);
  if (fromOk && toOk && budget.validFrom > budget.validTo) {
    problems.push(`The validity ends on ${formatDate(budget.validTo, locale)}, before it starts on ${formatDate(budget.validFrom, locale)}.`);
  }
  return problems;
}
