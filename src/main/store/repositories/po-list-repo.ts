import { type Expression, type ExpressionBuilder, type OrderByModifiersCallbackExpression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { PoListSort, PoStatus, PoSummary } from '../../../shared/contracts';
import type { Db } from '../connect';
import { escapeLike, likeIgnoringCase, type StoreKind, storeKindOf } from '../dialect';
import type { Database, PurchaseOrdersTable } from '../schema';
import { PO_SUMMARY_COLUMNS } from './po-repo';

/** What narrows the list; every field is optional and they combine with AND. */
export interface PoListFilter {
  status?: PoStatus;
  /** Operator id of whoever entered the PO. */
  createdBy?: number;
  /** PO number prefix, vendor code prefix or vendor name part, case-insensitive; blank means no search. */
  search?: string;
}

export interface PoListOrder {
  sort: PoListSort;
  direction: 'asc' | 'desc';
}

export interface PoListSlice {
  limit: number;
  offset: number;
}

type PoScope = ExpressionBuilder<Database & { po: PurchaseOrdersTable }, 'po'>;

/**
 * The filter, naming only `purchase_orders` (the vendor test is a correlated subquery), so the
 * count needs no join and the page can drive from whichever index its sort wants.
 */
function matches(eb: PoScope, filter: PoListFilter, kind: StoreKind): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.status !== undefined) conditions.push(eb('po.status', '=', filter.status));
  if (filter.createdBy !== undefined) conditions.push(eb('po.created_by', '=', filter.createdBy));
  const search = filter.search?.trim() ?? '';
  if (search !== '') {
    const prefix = `${escapeLike(search)}%`;
    const contains = `%${escapeLike(search)}%`;
    const vendorMatches = eb
      .selectFrom('vendors as sv')
      .select('sv.id')
      .whereRef('sv.id', '=', 'po.vendor_id')
      .where((vendor) => vendor.or([likeIgnoringCase(kind, vendor.ref('sv.code'), prefix), likeIgnoringCase(kind, vendor.ref('sv.name'), contains)]));
    conditions.push(eb.or([likeIgnoringCase(kind, eb.ref('po.number'), prefix), eb.exists(vendorMatches)]));
  }
  return eb.and(conditions);
}

/** How many POs the filter matches, over all pages. */
export async function countPoList(db: Db, filter: PoListFilter): Promise<number> {
  const row = await db
    .selectFrom('purchase_orders as po')
    .select((eb) => eb.fn.countAll<number | bigint>().as('total'))
    .where((eb) => matches(eb, filter, storeKindOf(db)))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Draft, open, closed: the order a PO lives through, not the alphabet's. */
/** Sorted by status as a PO lives through them, not alphabetically. */
const statusRank = (eb: PoScope) =>
  eb
    .case('po.status')
    .when('draft')
    .then(1)
    .when('submitted')
    .then(2)
    .when('approved')
    .then(3)
    .when('released')
    .then(4)
    .when('closed')
    .then(5)
    .else(6)
    .end();

/** The value a page is sorted by, carried out of the id query so the outer query sorts by it alone. */
type SortKey = string | number | null;
type Keyed = { id: number; sortKey: SortKey };

/**
 * Ordered by the key, then by id in the same direction, so pages neither repeat nor skip a PO. A PO
 * without a cost center comes after every code going up and first coming down, in both dialects
 * (SQLite's default puts nulls first going up, PostgreSQL's last).
 */
const byKey =
  (direction: 'asc' | 'desc'): OrderByModifiersCallbackExpression =>
  (ob) =>
    direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsFirst();

function slice<DB, TB extends keyof DB>(query: SelectQueryBuilder<DB, TB, Keyed>, { direction }: PoListOrder, { limit, offset }: PoListSlice) {
  return query.orderBy(sql.ref('sortKey'), byKey(direction)).orderBy(sql.ref('po.id'), direction).limit(limit).offset(offset).as('page');
}

/**
 * The ids of one page with their sort key, joining only the table the key lives in: a sort on an
 * indexed key walks the index and stops at the page's end, and any other sorts narrow rows.
 */
function pageIds(db: Db, filter: PoListFilter, order: PoListOrder, range: PoListSlice) {
  const ids = db
    .selectFrom('purchase_orders as po')
    .select('po.id')
    .where((eb) => matches(eb, filter, storeKindOf(db)));
  switch (order.sort) {
    case 'number':
      return slice(ids.select((eb) => eb.ref('po.number').$castTo<SortKey>().as('sortKey')), order, range);
    case 'vendor':
      return slice(ids.innerJoin('vendors as v', 'v.id', 'po.vendor_id').select((eb) => eb.ref('v.code').$castTo<SortKey>().as('sortKey')), order, range);
    case 'warehouse':
      return slice(ids.innerJoin('warehouses as w', 'w.id', 'po.warehouse_id').select((eb) => eb.ref('w.code').$castTo<SortKey>().as('sortKey')), order, range);
    case 'costCenter':
      return slice(ids.leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id').select((eb) => eb.ref('cc.code').$castTo<SortKey>().as('sortKey')), order, range);
    case 'status':
      return slice(ids.select((eb) => statusRank(eb).$castTo<SortKey>().as('sortKey')), order, range);
    case 'total':
      return slice(ids.select((eb) => eb.ref('po.total_minor').$castTo<SortKey>().as('sortKey')), order, range);
    case 'createdBy':
      return slice(ids.innerJoin('operators as o', 'o.id', 'po.created_by').select((eb) => eb.ref('o.display_name').$castTo<SortKey>().as('sortKey')), order, range);
    case 'updatedAt':
      return slice(ids.select((eb) => eb.ref('po.updated_at').$castTo<SortKey>().as('sortKey')), order, range);
  }
}

/** One page of the list in the asked order: the page's ids first, then each row's codes and names. */
export async function findPoListPage(db: Db, filter: PoListFilter, order: PoListOrder, range: PoListSlice): Promise<PoSummary[]> {
  return (
    db
      .selectFrom(pageIds(db, filter, order, range))
      .innerJoin('purchase_orders as po', 'po.id', 'page.id')
      .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
      .innerJoin('warehouses as w', 'w.id', 'po.warehouse_id')
      .innerJoin('operators as o', 'o.id', 'po.created_by')
      .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
      .select(PO_SUMMARY_COLUMNS)
      // A subquery's order does not survive a join, so the page's rows are put in order again.
      .orderBy('page.sortKey', byKey(order.direction))
      .orderBy('page.id', order.direction)
      .execute()
  );
}
