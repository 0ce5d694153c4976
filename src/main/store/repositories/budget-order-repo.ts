import type { BudgetAllocation, BudgetOrder } from '../../domain/budget-orders';
import type { Db } from '../connect';
import { lockRowsForUpdate } from '../dialect';
import type { BudgetOrderStatusColumn, PoStatusColumn } from '../schema';

export interface BudgetOrderRecord extends BudgetOrder {
  id: number;
  updatedAt: string;
}

const BUDGET_COLUMNS = [
  'id',
  'number',
  'customer_po_number as customerPoNumber',
  'total_minor as totalMinor',
  'valid_from as validFrom',
  'valid_to as validTo',
  'status',
  'updated_at as updatedAt',
] as const;

export async function findBudgetOrder(db: Db, id: number): Promise<BudgetOrderRecord | undefined> {
  return db.selectFrom('budget_orders').select(BUDGET_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findBudgetOrderByNumber(db: Db, number: string): Promise<BudgetOrderRecord | undefined> {
  return db.selectFrom('budget_orders').select(BUDGET_COLUMNS).where('number', '=', number).executeTakeFirst();
}

/** Every budget order, newest validity first, then by number. */
export async function listBudgetOrders(db: Db): Promise<BudgetOrderRecord[]> {
  return db.selectFrom('budget_orders').select(BUDGET_COLUMNS).orderBy('valid_to', 'desc').orderBy('number').execute();
}

/**
 * Locks the budget order's row until the transaction ends, so its total and the POs drawing on it
 * are read and judged by one writer at a time (see lockRowsForUpdate), then read again afresh.
 */
export async function lockBudgetOrder(db: Db, id: number): Promise<BudgetOrderRecord | undefined> {
  await lockRowsForUpdate(db, 'budget_orders', [id]);
  return findBudgetOrder(db, id);
}

export interface BudgetOrderValues {
  number: string;
  customerPoNumber: string | null;
  totalMinor: number;
  validFrom: string;
  validTo: string;
  status: BudgetOrderStatusColumn;
}

const row = (values: BudgetOrderValues, at: string) => ({
  number: values.number,
  customer_po_number: values.customerPoNumber,
  total_minor: values.totalMinor,
  valid_from: values.validFrom,
  valid_to: values.validTo,
  status: values.status,
  updated_at: at,
});

export async function insertBudgetOrder(db: Db, values: BudgetOrderValues, at: string): Promise<number> {
  const inserted = await db.insertInto('budget_orders').values(row(values, at)).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateBudgetOrder(db: Db, id: number, values: BudgetOrderValues, at: string): Promise<void> {
  await db.updateTable('budget_orders').set(row(values, at)).where('id', '=', id).execute();
}

/** One PO on a budget order, with what the domain needs to count its share. */
export interface BudgetPoRow extends BudgetAllocation {
  poId: number;
  budgetOrderId: number;
  vendorCode: string;
  operatorName: string;
  updatedAt: string;
}

/**
 * The POs on the given budget orders, cancelled ones included (they count for nothing). A draft or
 * submitted PO that was released before is a change order: its committed amount is the total of the
 * revision last released, which po_revisions keeps.
 */
export async function budgetPos(db: Db, budgetOrderIds: readonly number[]): Promise<BudgetPoRow[]> {
  if (budgetOrderIds.length === 0) return [];
  const rows = await db
    .selectFrom('po_purchasing_controls as c')
    .innerJoin('purchase_orders as po', 'po.id', 'c.po_id')
    .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
    .innerJoin('operators as o', 'o.id', 'po.created_by')
    .leftJoin('po_revisions as r', (join) => join.onRef('r.po_id', '=', 'po.id').onRef('r.revision', '=', 'po.last_released_revision'))
    .select([
      'po.id as poId',
      'c.budget_order_id as budgetOrderId',
      'po.number as poNumber',
      'po.status',
      'po.total_minor as totalMinor',
      'po.last_released_revision as lastReleasedRevision',
      'r.total_minor as releasedTotalMinor',
      'v.code as vendorCode',
      'o.display_name as operatorName',
      'po.updated_at as updatedAt',
    ])
    .where('c.budget_order_id', 'in', [...budgetOrderIds])
    .orderBy('po.number')
    .execute();
  return rows.map(({ lastReleasedRevision, releasedTotalMinor, budgetOrderId, ...po }) => ({
    ...po,
    budgetOrderId: budgetOrderId as number,
    committedMinor: committedOf(po.status, lastReleasedRevision, releasedTotalMinor),
  }));
}

/** While a change order is open (draft or submitted after a release), what the vendor already holds. */
export function committedOf(status: PoStatusColumn, lastReleasedRevision: number | null, releasedTotalMinor: number | null): number | null {
  if (lastReleasedRevision === null || (status !== 'draft' && status !== 'submitted')) return null;
  return releasedTotalMinor;
}

/** The budget facts of one PO: which budget order it is on and what its share is made of. */
export interface PoBudgetFacts {
  poId: number;
  number: string;
  status: PoStatusColumn;
  totalMinor: number;
  lastReleasedRevision: number | null;
  committedMinor: number | null;
  budgetOrderId: number | null;
  /** The PO's calendar date (the day it was entered, UTC), by which budget orders are valid. */
  poDate: string;
}

export async function findPoBudgetFacts(db: Db, poId: number): Promise<PoBudgetFacts | undefined> {
  const found = await db
    .selectFrom('purchase_orders as po')
    .leftJoin('po_purchasing_controls as c', 'c.po_id', 'po.id')
    .leftJoin('po_revisions as r', (join) => join.onRef('r.po_id', '=', 'po.id').onRef('r.revision', '=', 'po.last_released_revision'))
    .select([
      'po.id as poId',
      'po.number',
      'po.status',
      'po.total_minor as totalMinor',
      'po.last_released_revision as lastReleasedRevision',
      'r.total_minor as releasedTotalMinor',
      'c.budget_order_id as budgetOrderId',
      'po.created_at as createdAt',
    ])
    .where('po.id', '=', poId)
    .executeTakeFirst();
  if (!found) return undefined;
  const { releasedTotalMinor, createdAt, ...facts } = found;
  return { ...facts, committedMinor: committedOf(facts.status, facts.lastReleasedRevision, releasedTotalMinor), poDate: createdAt.slice(0, 10) };
}

// --- The share ledger: what each PO held on a budget order, and from when ---

export interface ShareRow {
  budgetOrderId: number;
  allocatedMinor: number;
  provisionalMinor: number;
}

/** The PO's latest share on each budget order it was ever on. */
export async function latestShares(db: Db, poId: number): Promise<ShareRow[]> {
  const rows = await db
    .selectFrom('budget_order_shares')
    .select(['id', 'budget_order_id as budgetOrderId', 'allocated_minor as allocatedMinor', 'provisional_minor as provisionalMinor'])
    .where('po_id', '=', poId)
    .orderBy('id')
    .execute();
  const latest = new Map<number, ShareRow>();
  for (const { id: _id, ...share } of rows) latest.set(share.budgetOrderId, share);
  return [...latest.values()];
}

export async function insertShare(db: Db, poId: number, share: ShareRow, at: string): Promise<void> {
  await db
    .insertInto('budget_order_shares')
    .values({ budget_order_id: share.budgetOrderId, po_id: poId, at, allocated_minor: share.allocatedMinor, provisional_minor: share.provisionalMinor })
    .execute();
}

/** Every share change on the given budget orders, oldest first, for the chart of use over time. */
export async function shareHistory(db: Db, budgetOrderIds: readonly number[]) {
  if (budgetOrderIds.length === 0) return [];
  return db
    .selectFrom('budget_order_shares')
    .select(['budget_order_id as budgetOrderId', 'po_id as poId', 'at', 'allocated_minor as allocatedMinor', 'provisional_minor as provisionalMinor'])
    .where('budget_order_id', 'in', [...budgetOrderIds])
    .orderBy('at')
    .orderBy('id')
    .execute();
}
