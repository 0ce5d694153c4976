import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hashPassword } from './services/passwords';
import { applyPendingMigrations, type Db, isPostgresUrl, openPostgres, openSqlite, type PostgresOptions, withSchemaLock } from './store/connect';
import { DEMO_PASSWORD, isEmptyDatabase, seedDemoData } from './store/demo-data';
import { DEMO_DATABASE, readSetting, writeSetting } from './store/repositories/settings-repo';

/** How to open the store and whether a new one gets the demo world. */
export interface StoreOptions {
  demoData?: boolean;
  /** How long a write waits for another desk's lock before it is told the store is busy. */
  busyTimeoutMs?: number;
  /** scrypt cost of the demo operators' password hash; tests pass a cheap one. */
  passwordCost?: number;
  /** PostgreSQL only: the pool's size and connect timeout. */
  postgres?: Omit<PostgresOptions, 'busyTimeoutMs'>;
}

/**
 * Opens the app's database — a SQLite file path, or a `postgres://` URL for a team's server —
 * brings its schema up to date and, on first run, fills in the demo world. On PostgreSQL the
 * migrations and the first filling happen under one advisory lock, so servers starting together
 * migrate once and fill once.
 */
export async function openStore(location: string, options: StoreOptions = {}): Promise<Db> {
  const db = isPostgresUrl(location) ? openPostgres(location, { ...options.postgres, busyTimeoutMs: options.busyTimeoutMs }) : openSqliteFile(location, options);
  try {
    await withSchemaLock(db, async (locked) => {
      await applyPendingMigrations(locked);
      await fillIfEmpty(locked, options);
    });
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

function openSqliteFile(file: string, options: StoreOptions): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return openSqlite(file, { busyTimeoutMs: options.busyTimeoutMs });
}

async function fillIfEmpty(db: Db, options: StoreOptions): Promise<void> {
  if (!(await isEmptyDatabase(db))) return;
  // A database first opened without demo data stays without it: it must never get the shared demo password.
  const mark = await readSetting(db, DEMO_DATABASE);
  if ((options.demoData ?? true) && mark !== 'false') {
    await seedDemoData(db, await hashPassword(DEMO_PASSWORD, options.passwordCost));
    await writeSetting(db, DEMO_DATABASE, 'true');
  } else if (mark === undefined) {
    await writeSetting(db, DEMO_DATABASE, 'false');
  }
}
