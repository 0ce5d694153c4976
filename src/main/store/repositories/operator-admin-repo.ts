import type { Db } from '../connect';
import { escapeLike, likeIgnoringCase, lockKeysForTransaction, storeKindOf } from '../dialect';
import type { RoleColumn } from '../schema';
import { isSupportedLocale, type LocaleCode } from '../../../shared/locales';

/** An operator as the admins' screen lists them: the account, never the password hash. */
export interface OperatorAccountRow {
  id: number;
  signInName: string;
  displayName: string;
  role: RoleColumn;
  schemeId: number | null;
  schemeCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
  approvalLimitMinor: number | null;
  locale: LocaleCode | null;
  hasHistory: boolean;
}

export interface OperatorFilter {
  search?: string;
  role?: RoleColumn;
  /** '' : operators without a scheme. */
  schemeCode?: string;
  status: 'active' | 'inactive' | 'all';
}

function selectAccounts(db: Db, filter: OperatorFilter) {
  const kind = storeKindOf(db);
  let query = db.selectFrom('operators as o').leftJoin('schemes as s', 's.id', 'o.scheme_id');
  if (filter.status !== 'all') query = query.where('o.active', '=', filter.status === 'active' ? 1 : 0);
  if (filter.role !== undefined) query = query.where('o.role', '=', filter.role);
  if (filter.schemeCode !== undefined) query = filter.schemeCode === '' ? query.where('o.scheme_id', 'is', null) : query.where('s.name', '=', filter.schemeCode);
  const search = (filter.search ?? '').trim();
  if (search !== '') {
    const contains = `%${escapeLike(search)}%`;
    query = query.where((eb) => eb.or([likeIgnoringCase(kind, eb.ref('o.sign_in_name'), contains), likeIgnoringCase(kind, eb.ref('o.display_name'), contains)]));
  }
  return query;
}

const ACCOUNT_COLUMNS = [
  'o.id',
  'o.sign_in_name',
  'o.display_name',
  'o.role',
  'o.scheme_id',
  'o.active',
  'o.must_change_password',
  'o.approval_limit_minor',
  'o.locale',
  's.name as scheme_name',
] as const;

async function withHistory(db: Db, rows: Awaited<ReturnType<typeof readRows>>): Promise<OperatorAccountRow[]> {
  const ids = rows.map((row) => row.id);
  const busy = new Set<number>();
  if (ids.length > 0) {
    const [pos, audit] = await Promise.all([
      db.selectFrom('purchase_orders').select('created_by as id').distinct().where('created_by', 'in', ids).execute(),
      db.selectFrom('audit_log').select('operator_id as id').distinct().where('operator_id', 'in', ids).execute(),
    ]);
    for (const row of [...pos, ...audit]) if (row.id !== null) busy.add(row.id);
  }
  return rows.map((row) => ({
    id: row.id,
    signInName: row.sign_in_name,
    displayName: row.display_name,
    role: row.role,
    schemeId: row.scheme_id,
    schemeCode: row.scheme_name,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    approvalLimitMinor: row.approval_limit_minor === null ? null : Number(row.approval_limit_minor),
    locale: row.locale !== null && isSupportedLocale(row.locale) ? row.locale : null,
    hasHistory: busy.has(row.id),
  }));
}

const readRows = (db: Db, filter: OperatorFilter, page?: { offset: number; limit: number }) => {
  let query = selectAccounts(db, filter).select(ACCOUNT_COLUMNS).orderBy('o.display_name').orderBy('o.id');
  if (page) query = query.offset(page.offset).limit(page.limit);
  return query.execute();
};

/** One page of accounts, display name order, and how many match over all pages. */
export async function listOperatorAccounts(db: Db, filter: OperatorFilter, page?: { offset: number; limit: number }): Promise<{ rows: OperatorAccountRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    readRows(db, filter, page),
    selectAccounts(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: await withHistory(db, rows), total: Number(count.n) };
}

export async function findOperatorAccount(db: Db, id: number): Promise<OperatorAccountRow | undefined> {
  const rows = await db.selectFrom('operators as o').leftJoin('schemes as s', 's.id', 'o.scheme_id').select(ACCOUNT_COLUMNS).where('o.id', '=', id).execute();
  const [account] = await withHistory(db, rows);
  return account;
}

/**
 * Active admins, counted inside the write transaction that may remove one. On PostgreSQL a lock
 * key makes two admins demoting each other at once take turns, so one of them still sees the other.
 */
export async function countActiveAdmins(db: Db): Promise<number> {
  await lockKeysForTransaction(db, ['operators:admins']);
  const row = await db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function schemeChoices(db: Db): Promise<{ id: number; code: string; description: string }[]> {
  return db.selectFrom('schemes').select(['id', 'name as code', 'description']).orderBy('name').execute();
}

export async function signInNameTaken(db: Db, signInName: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('operators').select('id').where('sign_in_name', '=', signInName);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface NewOperatorAccount {
  signInName: string;
  displayName: string;
  role: RoleColumn;
  schemeId: number | null;
  passwordHash: string;
}

/** A new operator, who must choose their own password at the first sign-in. */
export async function insertOperatorAccount(db: Db, values: NewOperatorAccount): Promise<number> {
  await lockKeysForTransaction(db, ['operators:count']);
  const row = await db
    .insertInto('operators')
    .values({ sign_in_name: values.signInName, display_name: values.displayName, role: values.role, scheme_id: values.schemeId, password_hash: values.passwordHash, must_change_password: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOperatorAccount(db: Db, id: number, values: { displayName: string; role: RoleColumn; schemeId: number | null }): Promise<void> {
  await db.updateTable('operators').set({ display_name: values.displayName, role: values.role, scheme_id: values.schemeId }).where('id', '=', id).execute();
}

export async function setOperatorActiveFlag(db: Db, id: number, active: boolean): Promise<void> {
  await db.updateTable('operators').set({ active: active ? 1 : 0 }).where('id', '=', id).execute();
}

/**
 * Revokes the operator's sessions kept in the database (a team's desk server), all but `exceptHash`.
 * Sessions kept in memory end through DeskSessions; on such a desk this table is empty.
 */
export async function revokeOperatorSessionRows(db: Db, operatorId: number, now: string, exceptHash: string | null): Promise<number> {
  let query = db.updateTable('desk_sessions').set({ revoked_at: now }).where('operator_id', '=', operatorId).where('revoked_at', 'is', null);
  if (exceptHash !== null) query = query.where('token_hash', '<>', exceptHash);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
