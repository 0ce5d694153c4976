import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hashPassword } from './services/passwords';
import { migrateToLatest, openSqlite, type Db } from './store/connect';
import { DEMO_PASSWORD, isEmptyDatabase, seedDemoData } from './store/demo-data';
import { DEMO_DATABASE, readSetting, writeSetting } from './store/repositories/settings-repo';

/** Opens the app's database file, brings its schema up to date and, on first run, fills in the demo world. */
export interface StoreOptions {
  demoData?: boolean;
  busyTimeoutMs?: number;
  /** scrypt cost of the demo operators' password hash; tests pass a cheap one. */
  passwordCost?: number;
}

export async function openStore(file: string, options: StoreOptions = {}): Promise<Db> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = openSqlite(file, { busyTimeoutMs: options.busyTimeoutMs });
  await migrateToLatest(db);
  if (await isEmptyDatabase(db)) {
    // A database first opened without demo data stays without it: it must never get the shared demo password.
    const mark = await readSetting(db, DEMO_DATABASE);
    if ((options.demoData ?? true) && mark !== 'false') {
      await seedDemoData(db, await hashPassword(DEMO_PASSWORD, options.passwordCost));
      await writeSetting(db, DEMO_DATABASE, 'true');
    } else if (mark === undefined) {
      await writeSetting(db, DEMO_DATABASE, 'false');
    }
  }
  return db;
}
