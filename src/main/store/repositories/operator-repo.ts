import type { Db } from '../connect';
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
});

export async function findOperatorBySignInName(db: Db, signInName: string): Promise<OperatorRecord | undefined> {
  const row = await selectOperators(db).where('o.sign_in_name', '=', signInName).executeTakeFirst();
  return row && toRecord(row);
}

export async function findOperatorById(db: Db, id: number): Promise<OperatorRecord | undefined> {
  const row = await selectOperators(db).where('o.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function updateOperatorLocale(db: Db, id: number, locale: LocaleCode | null): Promise<void> {
  await db.updateTable('operators').set({ locale }).where('id', '=', id).execute();
}

export async function updateOperatorPassword(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('operators').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function countOperators(db: Db): Promise<number> {
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
