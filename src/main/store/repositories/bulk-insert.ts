import { CompiledQuery, type Selectable } from 'kysely';
import type { Db } from '../connect';
import { maxBoundParameters, parameterMark, prepareOnEveryConnection, type StoreKind, storeKindOf } from '../dialect';
import type { Database } from '../schema';

type Table = keyof Database & string;
type Column<T extends Table> = keyof Database[T] & string;

/** Recent statement texts by store kind, table, columns, row count and returning list: they depend on nothing else. */
const statementTexts = new Map<string, string>();
const STATEMENT_TEXTS_KEPT = 64;

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function statementText(kind: StoreKind, table: string, columns: readonly string[], rowCount: number, returning: readonly string[]): string {
  const key = `${kind}|${table}|${columns.join(',')}|${rowCount}|${returning.join(',')}`;
  let text = statementTexts.get(key);
  if (text === undefined) {
    const rows = Array.from({ length: rowCount }, (_, row) => `(${columns.map((_, column) => parameterMark(kind, row * columns.length + column)).join(', ')})`);
    text =
      `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${rows.join(', ')}` +
      (returning.length > 0 ? ` returning ${returning.map(quoted).join(', ')}` : '');
    statementTexts.set(key, text);
    if (kind === 'postgres') prepareOnEveryConnection(text);
    if (statementTexts.size > STATEMENT_TEXTS_KEPT) statementTexts.delete(statementTexts.keys().next().value as string);
  }
  return text;
}

/**
 * A multi-row INSERT of many rows, each given as its values in `columns` order. Kysely's builder
 * makes and compiles a node per value on every call, which for a few hundred rows costs more than
 * the database's own work; here the text depends only on the shape (table, columns, row count), is kept
 * for recent shapes, and the connection's statement cache reuses its prepared statement. Rows go in chunks that keep each
 * statement within `maxRows` and the store's bound-parameter limit. Answers the `returning` columns of
 * every inserted row, in insertion order.
 */
export async function insertRows<T extends Table, R extends keyof Selectable<Database[T]> & string = never>(
  db: Db,
  table: T,
  columns: readonly Column<T>[],
  rows: readonly (readonly unknown[])[],
  options: { returning?: readonly R[]; maxRows?: number } = {},
): Promise<Pick<Selectable<Database[T]>, R>[]> {
  const returning = options.returning ?? [];
  const kind = storeKindOf(db);
  const perStatement = Math.max(1, Math.min(options.maxRows ?? Number.POSITIVE_INFINITY, Math.floor(maxBoundParameters(kind) / columns.length)));
  const answered: Pick<Selectable<Database[T]>, R>[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
      for (const value of row) parameters.push(value);
    }
    const result = await db.executeQuery<Pick<Selectable<Database[T]>, R>>(
      CompiledQuery.raw(statementText(kind, table, columns, chunk.length, returning), parameters),
    );
    if (returning.length > 0) answered.push(...result.rows);
  }
  return answered;
}
