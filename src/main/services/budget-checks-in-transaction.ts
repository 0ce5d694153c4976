import type { LocaleCode } from '../../shared/locales';
import { type BudgetVerdict, checkAllocation, checkBudgetChange, checkChangeOrderAgainstBudget } from '../domain/budget-checks';
import { allocationShare, budgetUse } from '../domain/budget-orders';
import type { Db } from '../store/connect';
import { budgetPos, findBudgetOrder, findPoBudgetFacts, insertShare, latestShares, lockBudgetOrder } from '../store/repositories/budget-order-repo';
import { refused } from './app-failure';

/**
 * The budget-order checks that must see what other desks committed a moment ago, so they run
 * inside the writing transaction, after the budget order's row is locked (lockBudgetOrder: SQLite's
 * BEGIN IMMEDIATE already serialises writers; PostgreSQL locks the row FOR UPDATE). A second desk
 * saving or submitting on the same budget order waits for the first to commit and then reads the
 * amounts it left. A refusal is thrown from inside, so the transaction rolls back whole.
 */

const budgetRefusal = (verdict: BudgetVerdict, after: string | null) => refused(verdict.reason, 'budgetOrderId').withAudit({ rule: verdict.rule, after });

export interface SaveBudgetFacts {
  /** The stored PO, or null for a new one. */
  stored: { number: string; budgetOrderId: number | null; lastReleasedRevision: number | null; committedMinor: number | null } | null;
  budgetOrderId: number | null;
  totalMinor: number;
  /** The PO's calendar date: the day it was entered (today for a new PO). */
  poDate: string;
  locale: LocaleCode;
}

/**
 * At save: the budget order may change only while the PO is a draft never approved; the PO's
 * total may not exceed what the budget order has unallocated for it (a change order: only what it
 * adds above the approved total is checked). Other drafts never refuse a save: they are provisional.
 */
export async function checkBudgetAtSave(trx: Db, facts: SaveBudgetFacts): Promise<BudgetChange | null> {
  const { stored, budgetOrderId } = facts;
  const poNumber = stored?.number ?? 'the new PO';
  if (budgetOrderId === null && (stored?.budgetOrderId ?? null) === null) return null;
  const budget = budgetOrderId === null ? undefined : await lockBudgetOrder(trx, budgetOrderId);
  if (budgetOrderId !== null && !budget) throw refused(`There is no budget order with id ${budgetOrderId}; choose one from the list.`, 'budgetOrderId').withAudit({ rule: 'reference-exists', after: String(budgetOrderId) });
  const from = stored?.budgetOrderId == null ? null : ((await findBudgetOrder(trx, stored.budgetOrderId))?.number ?? null);
  const change = checkBudgetChange({ poNumber, poStatus: 'draft', lastReleasedRevision: stored?.lastReleasedRevision ?? null, from, to: budget?.number ?? null });
  if (!change.allowed) throw refused(change.reason, 'budgetOrderId').withAudit({ rule: change.rule, before: from, after: budget?.number ?? null });
  const moved = from === (budget?.number ?? null) ? null : { from, to: budget?.number ?? null, rule: change.rule, reason: change.reason };
  if (!budget) return moved;
  const use = budgetUse(budget.totalMinor, await budgetPos(trx, [budget.id]), stored?.number ?? null);
  const common = { budget, poNumber, poDate: facts.poDate, otherAllocatedMinor: use.allocatedMinor, locale: facts.locale };
  const changeOrder = stored !== null && stored.lastReleasedRevision !== null && stored.committedMinor !== null && stored.budgetOrderId === budget.id;
  const verdict = changeOrder
    ? checkChangeOrderAgainstBudget({ ...common, approvedTotalMinor: stored.committedMinor as number, newTotalMinor: facts.totalMinor })
    : checkAllocation({ ...common, poStatus: 'draft', poTotalMinor: facts.totalMinor, previousAllocationOfThisPoMinor: 0 });
  if (!verdict.allowed) throw budgetRefusal(verdict, String(facts.totalMinor));
  return moved;
}

/** The PO's budget order set, moved or removed by a save, for its audit row. */
export interface BudgetChange {
  from: string | null;
  to: string | null;
  rule: string;
  reason: string;
}

/**
 * At submit, when the PO's total becomes allocated: it must still fit, since other POs may have been
 * submitted on the budget order since it was saved. A change order is checked only for what it
 * adds above the total already approved.
 */
export async function checkBudgetAtSubmit(trx: Db, poId: number, locale: LocaleCode): Promise<void> {
  const po = await findPoBudgetFacts(trx, poId);
  if (!po || po.budgetOrderId === null) return;
  const budget = await lockBudgetOrder(trx, po.budgetOrderId);
  if (!budget) return;
  const use = budgetUse(budget.totalMinor, await budgetPos(trx, [budget.id]), po.number);
  const verdict = checkAllocation({
    budget,
    poNumber: po.number,
    poStatus: 'submitted',
    poTotalMinor: po.totalMinor,
    poDate: po.poDate,
    otherAllocatedMinor: use.allocatedMinor,
    previousAllocationOfThisPoMinor: po.committedMinor ?? 0,
    locale,
  });
  if (!verdict.allowed) throw refused(verdict.reason, 'budgetOrderId').withAudit({ rule: verdict.rule, after: String(po.totalMinor) });
}

/**
 * Keeps the share ledger in step with the PO, in the same transaction as the write that moved it:
 * a row for each budget order whose share of this PO changed (the one it left drops to nothing, the
 * one it joined gets its first row).
 */
export async function syncBudgetShares(trx: Db, poId: number, at: string): Promise<void> {
  const [po, latest] = await Promise.all([findPoBudgetFacts(trx, poId), latestShares(trx, poId)]);
  if (!po) return;
  for (const share of latest) {
    if (share.budgetOrderId !== po.budgetOrderId && (share.allocatedMinor !== 0 || share.provisionalMinor !== 0)) {
      await insertShare(trx, poId, { budgetOrderId: share.budgetOrderId, allocatedMinor: 0, provisionalMinor: 0 }, at);
    }
  }
  if (po.budgetOrderId === null) return;
  const now = allocationShare({ poNumber: po.number, status: po.status, totalMinor: po.totalMinor, committedMinor: po.committedMinor });
  const before = latest.find((share) => share.budgetOrderId === po.budgetOrderId);
  // A PO new to the budget order always gets its first row, even holding nothing: the ledger is how the budget order's POs are found.
  const unchanged = before !== undefined && before.allocatedMinor === now.allocatedMinor && before.provisionalMinor === now.provisionalMinor;
  if (!unchanged) await insertShare(trx, poId, { budgetOrderId: po.budgetOrderId, ...now }, at);
}
