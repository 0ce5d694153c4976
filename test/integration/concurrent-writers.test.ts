import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { createDesk } from '../../src/main/services/desk';
import { forEachStore, freshStoreLocation, type StoreKind } from '../support/stores';
import { line, TEST_PASSWORD_COST } from '../support/test-desk';

const SAVES_PER_PROCESS = 200;

/** Runs one saver process to its end and parses its report. */
function runSaver(location: string, signInName: string): Promise<{ numbers: string[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/concurrent-saver.ts'), location, String(SAVES_PER_PROCESS), signInName], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`saver for ${signInName} exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop() as string));
    });
  });
}

/**
 * Another desk holding the lock a new-PO save needs, from outside the app. SQLite: a second
 * connection holding the file's write lock. PostgreSQL: a transaction holding the PO-number row.
 */
interface LockHolder {
  take(): Promise<void>;
  release(): Promise<void>;
  count(sql: string): Promise<number>;
  storeBusyDetails(): Promise<{ detail: string }[]>;
  close(): Promise<void>;
}

const STORE_BUSY_DETAILS = "select detail from audit_log where action = 'store-busy'";

async function lockHolder(store: StoreKind, location: string): Promise<LockHolder> {
  if (store === 'sqlite') {
    const other = new BetterSqlite3(location);
    return {
      take: async () => void other.exec('begin immediate'),
      release: async () => void other.exec('rollback'),
      count: async (sql) => (other.prepare(sql).get() as { n: number }).n,
      storeBusyDetails: async () => other.prepare(STORE_BUSY_DETAILS).all() as { detail: string }[],
      close: async () => void other.close(),
    };
  }
  const other = new pg.Client({ connectionString: location });
  await other.connect();
  return {
    take: async () => void (await other.query("begin; select value from settings where key = 'next_po_number' for update")),
    release: async () => void (await other.query('rollback')),
    count: async (sql) => Number((await other.query<{ n: string }>(sql)).rows[0]?.n),
    storeBusyDetails: async () => (await other.query<{ detail: string }>(STORE_BUSY_DETAILS)).rows,
    close: () => other.end(),
  };
}

forEachStore((store) => {
  it('two processes saving new POs at once on one database: every save succeeds with its own number', { timeout: 120_000 }, async () => {
    const shared = await freshStoreLocation(store);
    try {
      // Created, migrated and seeded once, as the first desk to start would.
      await (await openStore(shared.location, { passwordCost: TEST_PASSWORD_COST })).destroy();
      const [first, second] = await Promise.all([runSaver(shared.location, 'alice'), runSaver(shared.location, 'pat')]);
      expect(first.failures).toEqual([]);
      expect(second.failures).toEqual([]);
      const numbers = [...first.numbers, ...second.numbers];
      expect(numbers).toHaveLength(2 * SAVES_PER_PROCESS);
      expect(new Set(numbers).size).toBe(2 * SAVES_PER_PROCESS);
    } finally {
      await shared.dispose();
    }
  });

  it('a save that still finds the database locked is told in words, audited, and stores nothing', async () => {
    const busy = await freshStoreLocation(store);
    const desk = createDesk(await openStore(busy.location, { busyTimeoutMs: 50, passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
    const other = await lockHolder(store, busy.location);
    try {
      const session = 'busy-alice';
      expect(await dispatch(desk, session, 'signIn', { signInName: 'alice', password: 'demo' })).toMatchObject({ ok: true });
      const countPos = () => other.count('select count(*) as n from purchase_orders');
      const before = await countPos();
      await other.take();
      const result = await dispatch(desk, session, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] });
      await other.release();
      expect(result).toEqual({
        ok: false,
        error: { code: 'conflict', message: 'Another desk is saving right now, so nothing of yours was saved. Try again in a moment.' },
      });
      expect(await countPos()).toBe(before);
      // The audit row is written once the lock is free again.
      await expect.poll(() => other.storeBusyDetails(), { timeout: 3_000 }).toEqual([{ detail: 'savePo: another desk held the database; nothing was saved.' }]);
    } finally {
      await other.close();
      await desk.db.destroy();
      await busy.dispose();
    }
  });
});
