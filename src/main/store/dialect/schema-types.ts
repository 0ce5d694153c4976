import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { storeKindOf } from './kind';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
/** What addColumn takes as a column's type (Kysely does not export the name). */
type DataTypeExpression = Parameters<CreateTableBuilder<string>['addColumn']>[1];

/** The column types migrations write, so one migration builds the same schema on both stores. */
export interface SchemaTypes {
  /**
   * A whole number of 64 bits: SQLite's INTEGER is one; PostgreSQL's `integer` is only 32, so it
   * gets `bigint` (money in minor units can pass 2^31). Flags are such integers holding 0 or 1 on
   * both stores, so every read compares them with 1 the same way.
   */
  integer: DataTypeExpression;
  /**
   * Text compared byte by byte, as SQLite's BINARY collation compares it: on PostgreSQL the "C"
   * collation, whatever locale the database was created with, so codes sort and `lower()` folds
   * (ASCII letters only) exactly as on SQLite.
   */
  text: DataTypeExpression;
  /** The primary key a row is given when it is inserted without one. */
  identity: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

const SQLITE: SchemaTypes = {
  integer: 'integer',
  text: 'text',
  identity: (column) => column.primaryKey().autoIncrement(),
};

const POSTGRES: SchemaTypes = {
  integer: 'bigint',
  text: sql`text collate "C"`,
  // "by default", not "always": bulk loaders (the benchmarks' data generator) insert their own ids.
  identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
};

export const schemaTypes = (db: AnyDb): SchemaTypes => (storeKindOf(db) === 'postgres' ? POSTGRES : SQLITE);

/**
 * Makes the database itself refuse every update and delete of a table's rows. SQLite: two
 * triggers that abort (their text is part of the released schema and must not change).
 * PostgreSQL: one PL/pgSQL function raising the same message, fired for updates, deletes and
 * truncation (which skips row triggers).
 */
export async function makeAppendOnly(db: AnyDb, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (storeKindOf(db) === 'sqlite') {
    for (const event of ['update', 'delete']) {
      await sql
        .raw(`create trigger ${table}_no_${event} before ${event} on ${table}\n            begin select raise(abort, '${message}'); end`)
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create function ${table}_refuse_change() returns trigger language plpgsql as $$
       begin raise exception '${message}'; end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger ${table}_no_update before update on ${table} for each row execute function ${table}_refuse_change()`).execute(db);
  await sql.raw(`create trigger ${table}_no_delete before delete on ${table} for each row execute function ${table}_refuse_change()`).execute(db);
  await sql.raw(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function ${table}_refuse_change()`).execute(db);
}
