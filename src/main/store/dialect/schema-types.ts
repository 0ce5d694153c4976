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
  /** Raw bytes (a PDF): SQLite's BLOB, PostgreSQL's bytea; both drivers read them as a Buffer. */
  bytes: DataTypeExpression;
}

const SQLITE: SchemaTypes = {
  integer: 'integer',
  text: 'text',
  identity: (column) => column.primaryKey().autoIncrement(),
  bytes: 'blob',
};

const POSTGRES: SchemaTypes = {
  integer: 'bigint',
  text: sql`text collate "C"`,
  // "by default", not "always": bulk loaders (the benchmarks' data generator) insert their own ids.
  identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
  bytes: 'bytea',
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

export interface CheckReplacement {
  table: string;
  /** The check as the released migration wrote it, e.g. `status in ('draft', 'open', 'closed')`. */
  from: string;
  to: string;
  /** Stored values the old check allowed and the new one does not, and what they become. */
  renamedValues: { column: string; from: string; to: string }[];
}

/**
 * Widens or narrows a column's CHECK and renames the values it no longer allows, keeping every
 * row, id and reference. PostgreSQL alters the constraint in place. SQLite cannot alter a
 * constraint, so the table is rebuilt as SQLite's documentation prescribes: created anew from its
 * own stored definition with the new check, refilled, the old one dropped and the new one renamed
 * into its place, its indexes and id sequence restored. That needs foreign keys off (dropping the
 * old table would otherwise cascade to its lines), which only a connection outside a transaction
 * can set: see withoutForeignKeyActions, around every migration. Foreign keys are checked before
 * the migration's transaction commits.
 */
export async function replaceCheck(db: AnyDb, change: CheckReplacement): Promise<void> {
  const { table } = change;
  if (storeKindOf(db) === 'postgres') {
    const constraint = await sql<{ conname: string }>`
      select conname from pg_constraint
      where conrelid = ${table}::regclass and contype = 'c' and pg_get_constraintdef(oid) like ${`%${change.renamedValues[0]?.from ?? ''}%`}`.execute(db);
    for (const row of constraint.rows) await sql.raw(`alter table ${table} drop constraint "${row.conname}"`).execute(db);
    for (const value of change.renamedValues) await sql.raw(`update ${table} set ${value.column} = '${value.to}' where ${value.column} = '${value.from}'`).execute(db);
    await sql.raw(`alter table ${table} add constraint ${table}_${change.renamedValues[0]?.column ?? 'value'}_check check (${change.to})`).execute(db);
    return;
  }
  const enforced = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  if (enforced.rows[0]?.foreign_keys !== 0) throw new Error(`Rebuilding ${table} needs foreign keys off; run the migration through withoutForeignKeyActions.`);
  const stored = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const definition = stored.rows[0]?.sql;
  if (!definition?.includes(change.from)) throw new Error(`The table ${table} has no check "${change.from}" to replace.`);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type in ('index', 'trigger') and tbl_name = ${table} and sql is not null`.execute(db);
  const columns = await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db);
  const sequence = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(db);
  const rebuilt = `${table}_rebuilt`;
  const select = columns.rows
    .map(({ name }) => {
      const renames = change.renamedValues.filter((value) => value.column === name);
      if (renames.length === 0) return `"${name}"`;
      return `case ${renames.map((value) => `when "${name}" = '${value.from}' then '${value.to}'`).join(' ')} else "${name}" end`;
    })
    .join(', ');
  await sql.raw(definition.replace(`"${table}"`, `"${rebuilt}"`).replace(change.from, change.to)).execute(db);
  await sql.raw(`insert into "${rebuilt}" (${columns.rows.map(({ name }) => `"${name}"`).join(', ')}) select ${select} from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${rebuilt}" rename to "${table}"`).execute(db);
  for (const { sql: statement } of indexes.rows) await sql.raw(statement).execute(db);
  const seq = sequence.rows[0]?.seq;
  if (seq !== undefined) await sql`update sqlite_sequence set seq = max(seq, ${seq}) where name = ${table}`.execute(db);
  const broken = await sql`select * from pragma_foreign_key_check`.execute(db);
  if (broken.rows.length > 0) throw new Error(`Rebuilding ${table} left ${broken.rows.length} broken references; nothing was changed.`);
}

/**
 * Runs a migration step with SQLite's foreign-key actions off, as a table rebuild needs (see
 * replaceCheck); the setting only takes outside a transaction, so it is made here, around the
 * migrator's own transaction, and restored whatever happens. PostgreSQL alters tables in place and
 * needs nothing.
 */
export async function withoutForeignKeyActions<T>(db: AnyDb, work: () => Promise<T>): Promise<T> {
  if (storeKindOf(db) !== 'sqlite') return work();
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    return await work();
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
