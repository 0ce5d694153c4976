import type { Db } from '../connect';
import { lockKeysForTransaction } from '../dialect';
import { precompiled } from './precompiled';
import { isSupportedLocale, type LocaleCode } from '../../../shared/locales';
import type { RoleColumn } from '../schema';

export interface OperatorRecord {
  id: number;
  signInName: string;
  displayName: string;
  role: RoleColumn;
  passwordHash: string;
  schemeId: number | null;
  schemeName: string | null;
  active: boolean;
  /** The operator's own locale, or null to follow the installation's. */
  locale: LocaleCode | null;
  /** An admin reset the password: nothing but choosing a new one is open until it changes. */
  mustChangePassword: boolean;
}

function selectOperators(db: Db) {
  return db
    .selectFrom('operators as o')
    .leftJoin('schemes as s', 's.id', 'o.scheme_id')
    .select([
      'o.id',
      'o.sign_in_name',
      'o.display_name',
      'o.role',
      'o.password_hash',
      'o.scheme_id',
      'o.active',
      'o.locale',
      'o.must_change_password',
      's.name as scheme_name',
    ]);
}

type OperatorRow = Awaited<ReturnType<ReturnType<typeof selectOperators>['executeTakeFirstOrThrow']>>;

const toRecord = (row: OperatorRow): OperatorRecord => ({
  id: row.id,
  signInName: row.sign_in_name,
  displayName: row.display_name,
  role: row.role,
  passwordHash: row.password_hash,
  schemeId: row.scheme_id,
  schemeName: row.scheme_name,
  active: row.active === 1,
  locale: row.locale !== null && isSupportedLocale(row.locale) ? row.locale : null,
  mustChangePassword: row.must_change_password === 1,
});

const selectOperatorBySignInName = precompiled((db, signInName: string) => selectOperators(db).where('o.sign_in_name', '=', signInName));
// Every signed-in call reads its operator afresh, so this one is compiled once (and prepared on PostgreSQL).
const selectOperatorById = precompiled((db, id: number) => selectOperators(db).where('o.id', '=', id));

export async function findOperatorBySignInName(db: Db, signInName: string): Promise<OperatorRecord | undefined> {
  const [row] = await selectOperatorBySignInName(db, signInName);
  return row && toRecord(row);
}

export async function findOperatorById(db: Db, id: number): Promise<OperatorRecord | undefined> {
  const [row] = await selectOperatorById(db, id);
  return row && toRecord(row);
}

export async function updateOperatorLocale(db: Db, id: number, locale: LocaleCode | null): Promise<void> {
  await db.updateTable('operators').set({ locale }).where('id', '=', id).execute();
}

/** A new hash for the same password (a rehash at sign-in): whether it must change stays as it is. */
export async function updateOperatorPassword(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('operators').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** A new password: set by an admin (`mustChange`: the operator replaces it at the next sign-in) or chosen by the operator. */
export async function setOperatorPassword(db: Db, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.updateTable('operators').set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 }).where('id', '=', id).execute();
}

/** Counted inside a write transaction, the count holds until it ends: two first-run screens cannot both see none. */
export async function countOperators(db: Db): Promise<number> {
  await lockKeysForTransaction(db, ['operators:count']);
  const row = await db.selectFrom('operators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOperator(db: Db, values: { signInName: string; displayName: string; role: RoleColumn; passwordHash: string }): Promise<number> {
  const row = await db
    .insertInto('operators')
    .values({ sign_in_name: values.signInName, display_name: values.displayName, role: values.role, password_hash: values.passwordHash, scheme_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
