import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { staticMigrationProvider } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/** Opens (creating if need be) a SQLite file the way the app needs it: WAL, foreign keys, a busy timeout. */
export function openSqlite(file: string): Db {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
