import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type StoreKind, storeKindOf } from './kind';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A list of codes bound as ONE parameter, however many codes a payload names (a 200-line PO names
 * hundreds), so the statement text stays the same and is prepared once: a JSON array text on
 * SQLite, read back with json_each; a text[] array on PostgreSQL.
 */
export type CodeList = string | readonly string[];

export const codeList = (db: AnyDb, codes: readonly string[]): CodeList => (storeKindOf(db) === 'sqlite' ? JSON.stringify(codes) : [...codes]);

/** `column` is one of the codes of a `codeList`. */
export function isOneOf(db: AnyDb, column: string, codes: CodeList): RawBuilder<SqlBool> {
  return storeKindOf(db) === 'sqlite'
    ? sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${codes}))`
    : sql<SqlBool>`${sql.ref(column)} = any(cast(${codes} as text[]))`;
}

/** Text inside a LIKE pattern, with `\` escaping its own `%`, `_` and `\` so they mean themselves. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * `column LIKE pattern`, ASCII letters matching whatever their case, `\` the pattern's escape
 * character. SQLite's LIKE already ignores the case of ASCII letters (and only of those);
 * PostgreSQL's is case-sensitive, so there it is ILIKE, which over the "C" collation our text
 * columns use (see schema-types) also folds ASCII letters only. `E'\\'` is a backslash whatever
 * the server's standard_conforming_strings says.
 */
export function likeIgnoringCase(kind: StoreKind, column: Expression<string>, pattern: string): RawBuilder<SqlBool> {
  return kind === 'sqlite' ? sql<SqlBool>`${column} like ${pattern} escape '\\'` : sql<SqlBool>`${column} ilike ${pattern} escape E'\\\\'`;
}

/** The text of the index-th (from 0) bound parameter in hand-written SQL. */
export const parameterMark = (kind: StoreKind, index: number): string => (kind === 'sqlite' ? '?' : `$${index + 1}`);

/** How many bound parameters one statement may carry: SQLITE_MAX_VARIABLE_NUMBER since 3.32; the wire protocol's 16-bit count. */
export const maxBoundParameters = (kind: StoreKind): number => (kind === 'sqlite' ? 32_766 : 65_535);

/**
 * Serialises writers that must not interleave over some rows that may not exist yet (a first failed
 * sign-in for a name, the first administrator), for the rest of the current transaction. SQLite
 * needs nothing: every write transaction starts with BEGIN IMMEDIATE and holds the one write lock
 * to its end. PostgreSQL: a transaction-scoped advisory lock per key, taken in one sorted order so
 * two writers cannot deadlock over them. Outside a transaction it does nothing on either store.
 */
export async function lockKeysForTransaction(db: AnyDb, keys: readonly string[]): Promise<void> {
  if (!db.isTransaction || storeKindOf(db) === 'sqlite') return;
  for (const key of [...new Set(keys)].sort()) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
}

/**
 * Locks existing rows of `table` by id for the rest of the current transaction, so a check that reads
 * them and what hangs on them (a budget order and the POs drawing on it) cannot interleave with another
 * writer's. SQLite needs nothing: BEGIN IMMEDIATE already holds the one write lock (and SQLite has no
 * FOR UPDATE). PostgreSQL: SELECT ... FOR UPDATE in id order, so two writers cannot deadlock over them;
 * the statements after it, under READ COMMITTED, see what the writer before committed.
 */
export async function lockRowsForUpdate(db: AnyDb, table: string, ids: readonly number[]): Promise<void> {
  if (!db.isTransaction || storeKindOf(db) === 'sqlite' || ids.length === 0) return;
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(db);
}
