import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { storeKindOf, withoutForeignKeyActions } from './dialect';
import { createPostgresDialect, type PostgresOptions, withPostgresSchemaLock } from './dialect/postgres';
import { createSqliteDialect, type SqliteOptions } from './dialect/sqlite';
import { staticMigrationProvider } from './migrations';
import type { Database } from './schema';

/** One database type for both stores: every repository and service takes this. */
export type Db = Kysely<Database>;

export type { PostgresOptions } from './dialect/postgres';
export type { SqliteOptions } from './dialect/sqlite';
export { isRetryableConflict, isStoreBusy, isStoreUnreachable, type StoreKind, storeKindOf } from './dialect';

/** Opens (creating if need be) a SQLite file the way the app needs it: WAL, foreign keys, a busy timeout. */
export function openSqlite(file: string, options: SqliteOptions = {}): Db {
  return new Kysely<Database>({ dialect: createSqliteDialect(file, options) });
}

/** Opens a pool on a PostgreSQL database (a `postgres://` URL); nothing connects until the first query. */
export function openPostgres(url: string, options: PostgresOptions = {}): Db {
  return new Kysely<Database>({ dialect: createPostgresDialect(url, options) });
}

/** A `postgres://` or `postgresql://` URL rather than a SQLite file path. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * Runs `work` while no other process changes the schema or first fills the database. PostgreSQL:
 * on one connection holding an advisory lock, so server instances starting together take turns.
 * SQLite: as it is; each migration's transaction takes the file's write lock by itself.
 */
export async function withSchemaLock<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return storeKindOf(db) === 'postgres' ? withPostgresSchemaLock(db, work) : work(db);
}

/** Applies pending migrations one at a time, each in its own transaction, under the schema lock. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return withSchemaLock(db, applyPendingMigrations);
}

/** The migrations without the schema lock; for a caller already holding it (see withSchemaLock). */
export async function applyPendingMigrations(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const applied: string[] = [];
  for (;;) {
    // Asked first, read-only: a start with nothing to migrate takes no write lock (SQLite's is the whole file's).
    if ((await migrator.getMigrations()).every((migration) => migration.executedAt !== undefined)) return applied;
    const { error, results } = await withoutForeignKeyActions(db, () => migrator.migrateUp());
    const failed = results?.find((result) => result.status === 'Error');
    if (error || failed) {
      throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
    }
    if (!results || results.length === 0) return applied;
    applied.push(...results.map((result) => result.migrationName));
  }
}
