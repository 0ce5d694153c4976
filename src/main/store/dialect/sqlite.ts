import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';

export interface SqliteOptions {
  busyTimeoutMs?: number;
}

/** A SQLite file opened the way the app needs it: WAL, foreign keys, a busy timeout, cached statements. */
export function createSqliteDialect(file: string, options: SqliteOptions = {}): SqliteDialect {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.pragma('synchronous = NORMAL');
  return new WriteFirstSqliteDialect({ database: withStatementCache(sqlite) });
}

/**
 * Every transaction takes SQLite's write lock when it begins (`BEGIN IMMEDIATE`). A deferred
 * transaction that reads first and writes later cannot wait for another process's writer: SQLite
 * answers SQLITE_BUSY at once instead of honouring busy_timeout. Taken up front, the lock is waited for.
 * PostgreSQL has row locks and needs nothing of the kind.
 */
class WriteFirstSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite runs DDL inside transactions; Kysely's adapter says it does not only to stay cautious, and
 * its Migrator then runs each migration without one. Saying so lets every migration commit whole or
 * not at all, on SQLite as on PostgreSQL.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class WriteFirstSqliteDialect extends SqliteDialect {
  constructor(private readonly dialectConfig: SqliteDialectConfig) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new WriteFirstSqliteDriver(this.dialectConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

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
