import type { ParsedInputOf, PoListPage } from '../../shared/contracts';
import { countPoList, findPoListPage, type PoListFilter } from '../store/repositories/po-list-repo';
import type { Caller, Desk } from './desk';

/**
 * One page of the PO list, filtered, sorted and paged in SQL. "Mine" means entered by the caller's
 * operator id as main's session knows it — never a display name, which two operators may share.
 * A page past the end (the list shrank since the screen asked) answers with the last page.
 */
export async function listPurchaseOrders(desk: Desk, caller: Caller, query: ParsedInputOf<'listPos'>): Promise<PoListPage> {
  const filter: PoListFilter = {
    status: query.status,
    createdBy: query.mine ? caller.operator.id : undefined,
    search: query.search,
  };
  const total = await countPoList(desk.db, filter);
  const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, lastPage);
  const rows =
    total === 0
      ? []
      : await findPoListPage(desk.db, filter, { sort: query.sort, direction: query.direction }, { limit: query.pageSize, offset: (page - 1) * query.pageSize });
  return { rows, total, page, pageSize: query.pageSize };
}
