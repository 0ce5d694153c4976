import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import { Migrator } from 'kysely/migration';
import { staticMigrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Opens (creating if need be) a SQLite file the way the app needs it: WAL, foreign keys, a busy timeout. */
export function openSqlite(file: string, options: { busyTimeoutMs?: number } = {}): Db {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new WriteFirstSqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * Every transaction takes SQLite's write lock when it begins (`BEGIN IMMEDIATE`). A deferred
 * transaction that reads first and writes later cannot wait for another process's writer: SQLite
 * answers SQLITE_BUSY at once instead of honouring busy_timeout. Taken up front, the lock is waited for.
 */
class WriteFirstSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class WriteFirstSqliteDialect extends SqliteDialect {
  constructor(private readonly dialectConfig: SqliteDialectConfig) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new WriteFirstSqliteDriver(this.dialectConfig);
  }
}

/** SQLite gave up waiting for another process's write lock (after busy_timeout). */
export const isStoreBusy = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');

/** Prepared statements kept, newest last; enough for every query shape the app issues. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every statement afresh; for a 100-row INSERT that costs more than running it.
 * better-sqlite3 runs a statement to completion before the next call, so reusing one is safe.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

/** Applies pending migrations one at a time, each in its own transaction. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: staticMigrationProvider });
  const applied: string[] = [];
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    const failed = results?.find((result) => result.status === 'Error');
    if (error || failed) {
      throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
    }
    if (!results || results.length === 0) return applied;
    applied.push(...results.map((result) => result.migrationName));
  }
}
