import type { ContractName, InputOf, OutputOf } from '../../src/shared/contracts';
import type { Result } from '../../src/shared/result';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore, type StoreOptions } from '../../src/main/open-store';
import { createDesk, type Desk } from '../../src/main/services/desk';
import type { StoreKind } from '../../src/main/store/connect';

/** scrypt at 2^10: hundreds of sign-ins stay fast; the app itself always hashes at the recommended cost. */
export const TEST_PASSWORD_COST = 2 ** 10;

/** A desk on its own new database with the demo world, driven through the real dispatcher. */
export interface TestDesk {
  desk: Desk;
  store: StoreKind;
  /** The SQLite file or the postgres:// URL the desk opened. */
  location: string;
  /** The SQLite file; only for tests that look into the file itself. */
  file: string;
  call<K extends ContractName>(sessionKey: string, name: K, input: InputOf<K> | Record<string, unknown>): Promise<Result<OutputOf<K>>>;
  /** Signs in and returns the session key to use for later calls. */
  signIn(signInName: string, sessionKey?: string): Promise<string>;
  /**
   * Another desk on the same database with a pool of its own, as a second team server has. On SQLite
   * it is a second connection in this process: it may read, but two such desks writing at once only
   * wait for each other (better-sqlite3 blocks the thread while it waits for the write lock), so
   * SQLite's races run in separate processes (see concurrent-saver.ts).
   */
  openAnother(options?: StoreOptions): Promise<TestDesk>;
  close(): Promise<void>;
}

export async function openTestDesk(store: StoreKind = 'sqlite', options: StoreOptions = {}): Promise<TestDesk> {
  // Loaded here, not at the top: Playwright's fixture and the benchmarks import this file, and stores.ts needs vitest.
  const { freshStoreLocation } = await import('./stores');
  const where = await freshStoreLocation(store, 'demo');
  return deskOn(store, where.location, options, where.dispose);
}

async function deskOn(store: StoreKind, location: string, options: StoreOptions, dispose: () => Promise<void>): Promise<TestDesk> {
  const desk = createDesk(await openStore(location, { passwordCost: TEST_PASSWORD_COST, ...options }), { passwordCost: TEST_PASSWORD_COST });
  const call: TestDesk['call'] = (sessionKey, name, input) => dispatch(desk, sessionKey, name, input);
  return {
    desk,
    store,
    location,
    get file() {
      if (store !== 'sqlite') throw new Error('This test desk is on PostgreSQL; it has no SQLite file.');
      return location;
    },
    call,
    async signIn(signInName, sessionKey = `session-${signInName}`) {
      const result = await call(sessionKey, 'signIn', { signInName, password: 'demo' });
      if (!result.ok) throw new Error(`sign-in as ${signInName} failed: ${result.error.message}`);
      return sessionKey;
    },
    openAnother: (anotherOptions = {}) => deskOn(store, location, anotherOptions, async () => undefined),
    async close() {
      await desk.db.destroy();
      await dispose();
    },
  };
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const line = (description = 'Hex bolts', quantityMilli = 2000, unitCostMinor = 1250) => ({
  itemCode: null,
  description,
  quantityMilli,
  unitCostMinor,
  glAccountCode: '5000',
});

/** Every row a save could touch, so a refusal can be shown to have written nothing. */
export async function snapshotPoTables(desk: Desk) {
  const db = desk.db;
  return {
    orders: await db.selectFrom('purchase_orders').selectAll().orderBy('id').execute(),
    lines: await db.selectFrom('po_lines').selectAll().orderBy('id').execute(),
    distributions: await db.selectFrom('po_line_distributions').selectAll().orderBy('id').execute(),
    settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
  };
}
