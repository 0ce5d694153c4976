import type { ParsedInputOf } from '../../shared/contracts';
import type { BudgetFigures, BudgetHeadroom, BudgetPicker, BudgetView, BudgetViewRow } from '../../shared/purchasing-controls-schemas';
import { allocationShare, budgetOrderProblems, budgetsOnDate, budgetUse } from '../domain/budget-orders';
import { typingWarning } from '../domain/budget-typing';
import type { Db } from '../store/connect';
import { appendAudit } from '../store/repositories/audit-repo';
import {
  type BudgetOrderRecord,
  type BudgetPoRow,
  budgetPos,
  findBudgetOrder,
  findBudgetOrderByNumber,
  findPoBudgetFacts,
  insertBudgetOrder,
  listBudgetOrders,
  lockBudgetOrder,
  shareHistory,
  updateBudgetOrder,
} from '../store/repositories/budget-order-repo';
import { BUDGET_ORDER_REQUIRED, readSetting } from '../store/repositories/settings-repo';
import { inRetriedTransaction } from '../store/transaction';
import { forbidden, notFound, refused } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';

/**
 * Budget orders as the screens read them: the picker at PO entry, what the PO being typed would
 * leave, the budget view with its chart, and the admin's changes. Reads only; the checks that refuse
 * a PO run inside the saving and submitting transactions (budget-checks-in-transaction.ts).
 */

const byBudget = (rows: readonly BudgetPoRow[]) => {
  const grouped = new Map<number, BudgetPoRow[]>();
  for (const row of rows) grouped.set(row.budgetOrderId, [...(grouped.get(row.budgetOrderId) ?? []), row]);
  return grouped;
};

function figuresOf(budget: BudgetOrderRecord, pos: readonly BudgetPoRow[], excludePoNumber: string | null): BudgetFigures {
  const use = budgetUse(budget.totalMinor, pos, excludePoNumber);
  return {
    id: budget.id,
    number: budget.number,
    customerPoNumber: budget.customerPoNumber,
    totalMinor: budget.totalMinor,
    validFrom: budget.validFrom,
    validTo: budget.validTo,
    status: budget.status,
    allocatedMinor: use.allocatedMinor,
    provisionalMinor: use.provisionalMinor,
    unallocatedMinor: use.unallocatedMinor,
  };
}

/** The PO's date and number when one is being changed; today and none for a new PO. */
async function poContext(desk: Desk, poId: number | undefined) {
  if (poId === undefined) return { poNumber: null, poDate: desk.now().slice(0, 10) };
  const po = await findPoBudgetFacts(desk.db, poId);
  if (!po) throw notFound(`Purchase order ${poId} does not exist.`);
  return { poNumber: po.number, poDate: po.poDate };
}

/** Open budget orders valid on the PO date, with what each has for this PO (its own amount left out). */
export async function budgetOrderPicker(desk: Desk, _caller: Caller, input: ParsedInputOf<'budgetOrderPicker'>): Promise<BudgetPicker> {
  const { poNumber, poDate } = await poContext(desk, input.poId);
  const date = input.date ?? poDate;
  const [budgets, required] = await Promise.all([listBudgetOrders(desk.db), readSetting(desk.db, BUDGET_ORDER_REQUIRED)]);
  const pos = byBudget(await budgetPos(desk.db, budgets.map((budget) => budget.id)));
  const valid = new Set(budgetsOnDate(budgets.map((budget) => ({ budget, allocations: pos.get(budget.id) ?? [] })), date, poNumber).map((choice) => choice.number));
  return {
    date,
    required: required === 'true',
    options: budgets.filter((budget) => valid.has(budget.number)).map((budget) => figuresOf(budget, pos.get(budget.id) ?? [], poNumber)),
  };
}

/** What the PO as typed would leave on the budget order, counting other drafts as provisional, with the warning to show. */
export async function budgetOrderHeadroom(desk: Desk, caller: Caller, input: ParsedInputOf<'budgetOrderHeadroom'>): Promise<BudgetHeadroom> {
  const budget = await findBudgetOrder(desk.db, input.budgetOrderId);
  if (!budget) throw notFound(`There is no budget order with id ${input.budgetOrderId}; choose one from the list.`);
  const [{ poNumber }, pos, locale] = await Promise.all([poContext(desk, input.poId), budgetPos(desk.db, [budget.id]), localeOf(desk.db, caller)]);
  const use = budgetUse(budget.totalMinor, pos, poNumber);
  const warning = typingWarning({ budget, draftTotalMinor: input.totalMinor, otherProvisionalMinor: use.provisionalMinor, allocatedMinor: use.allocatedMinor, locale });
  return {
    budgetOrderId: budget.id,
    number: budget.number,
    totalMinor: budget.totalMinor,
    allocatedMinor: use.allocatedMinor,
    otherProvisionalMinor: use.provisionalMinor,
    unallocatedMinor: use.unallocatedMinor,
    leavesMinor: warning.leavesMinor,
    level: warning.level,
    message: warning.sentence,
  };
}

/** The amounts each budget order had allocated and provisional at the end of each day a share changed. */
function usageOf(history: Awaited<ReturnType<typeof shareHistory>>): Map<number, BudgetViewRow['usage']> {
  const usage = new Map<number, BudgetViewRow['usage']>();
  const current = new Map<number, Map<number, { allocatedMinor: number; provisionalMinor: number }>>();
  for (const entry of history) {
    const shares = current.get(entry.budgetOrderId) ?? new Map();
    current.set(entry.budgetOrderId, shares);
    shares.set(entry.poId, { allocatedMinor: entry.allocatedMinor, provisionalMinor: entry.provisionalMinor });
    let allocatedMinor = 0;
    let provisionalMinor = 0;
    for (const share of shares.values()) {
      allocatedMinor += share.allocatedMinor;
      provisionalMinor += share.provisionalMinor;
    }
    const points = usage.get(entry.budgetOrderId) ?? [];
    usage.set(entry.budgetOrderId, points);
    const date = entry.at.slice(0, 10);
    const point = { date, allocatedMinor, provisionalMinor };
    // The last change of a day stands for the day.
    if (points.at(-1)?.date === date) points[points.length - 1] = point;
    else points.push(point);
  }
  return usage;
}

async function readBudgetView(db: Db, caller: Caller): Promise<BudgetView> {
  const budgets = await listBudgetOrders(db);
  const ids = budgets.map((budget) => budget.id);
  const [rows, history] = await Promise.all([budgetPos(db, ids), shareHistory(db, ids)]);
  const pos = byBudget(rows);
  const usage = usageOf(history);
  return {
    canEdit: caller.operator.role === 'admin',
    budgets: budgets.map((budget) => ({
      ...figuresOf(budget, pos.get(budget.id) ?? [], null),
      pos: (pos.get(budget.id) ?? [])
        .filter((po) => po.status !== 'cancelled')
        .map((po) => ({
          id: po.poId,
          number: po.poNumber,
          status: po.status,
          vendorCode: po.vendorCode,
          operatorName: po.operatorName,
          totalMinor: po.totalMinor,
          counts: allocationShare(po).provisionalMinor > 0 || po.status === 'draft' ? ('provisional' as const) : ('allocated' as const),
          updatedAt: po.updatedAt,
        })),
      usage: usage.get(budget.id) ?? [],
    })),
  };
}

/** Every budget order with total, allocated, provisional and unallocated, its POs and its use over time. */
export async function budgetView(desk: Desk, caller: Caller): Promise<BudgetView> {
  return readBudgetView(desk.db, caller);
}

const PROBLEM_FIELDS: [RegExp, string][] = [
  [/number/, 'number'],
  [/total/i, 'totalMinor'],
  [/Valid from|starts/, 'validFrom'],
  [/Valid to|ends/, 'validTo'],
];

const budgetText = (budget: Omit<BudgetOrderRecord, 'id' | 'updatedAt'>) =>
  `${budget.number}: total ${budget.totalMinor}, valid ${budget.validFrom} to ${budget.validTo}, ${budget.status}${budget.customerPoNumber ? `, customer PO ${budget.customerPoNumber}` : ''}`;

/**
 * An admin adds or changes a budget order. The total may not drop below what POs have allocated on
 * it; that is judged with the budget order locked, inside the writing transaction, so a submit at
 * the same moment cannot slip under it. Audited with the budget order before and after.
 */
export async function saveBudgetOrder(desk: Desk, caller: Caller, input: ParsedInputOf<'saveBudgetOrder'>): Promise<BudgetView> {
  if (caller.operator.role !== 'admin') throw forbidden(`Only an administrator can change budget orders; you are signed in as ${caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator'}.`);
  const locale = await localeOf(desk.db, caller);
  const at = desk.now();
  const { id: _id, ...values } = input;
  await inRetriedTransaction(desk.db, async (trx) => {
    const before = input.id === undefined ? undefined : await lockBudgetOrder(trx, input.id);
    if (input.id !== undefined && !before) throw notFound(`There is no budget order with id ${input.id}; reopen the budget orders.`);
    const clash = await findBudgetOrderByNumber(trx, values.number);
    if (clash && clash.id !== input.id) throw refused(`Budget order ${values.number} already exists; give this one another number.`, 'number');
    const allocated = before ? budgetUse(before.totalMinor, await budgetPos(trx, [before.id])).allocatedMinor : 0;
    const [problem] = budgetOrderProblems(values, allocated, locale);
    if (problem) throw refused(problem, PROBLEM_FIELDS.find(([pattern]) => pattern.test(problem))?.[1]);
    const audit = { operatorId: caller.operator.id, rule: 'budget-order', before: before ? budgetText(before) : null, after: budgetText(values) };
    if (before) {
      await updateBudgetOrder(trx, before.id, values, at);
      await appendAudit(trx, { ...audit, action: 'budget-order-changed', detail: `Budget order ${values.number} changed by ${caller.operator.displayName}.` }, at);
    } else {
      await insertBudgetOrder(trx, values, at);
      await appendAudit(trx, { ...audit, action: 'budget-order-created', detail: `Budget order ${values.number} added by ${caller.operator.displayName}.` }, at);
    }
  });
  return readBudgetView(desk.db, caller);
}
