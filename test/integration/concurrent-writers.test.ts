import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, it } from 'vitest';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { createDesk } from '../../src/main/services/desk';
import { line, TEST_PASSWORD_COST } from '../support/test-desk';

const SAVES_PER_PROCESS = 200;

/** Runs one saver process to its end and parses its report. */
function runSaver(file: string, signInName: string): Promise<{ numbers: string[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/concurrent-saver.ts'), file, String(SAVES_PER_PROCESS), signInName], {
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

it('two processes saving new POs at once on one SQLite file: every save succeeds with its own number', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-writers-'));
  const file = join(dir, 'shared.sqlite');
  try {
    // Created, migrated and seeded once, as the first desk to start would.
    await (await openStore(file, { passwordCost: TEST_PASSWORD_COST })).destroy();
    const [first, second] = await Promise.all([runSaver(file, 'alice'), runSaver(file, 'pat')]);
    expect(first.failures).toEqual([]);
    expect(second.failures).toEqual([]);
    const numbers = [...first.numbers, ...second.numbers];
    expect(numbers).toHaveLength(2 * SAVES_PER_PROCESS);
    expect(new Set(numbers).size).toBe(2 * SAVES_PER_PROCESS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('a save that still finds the database locked is told in words, audited, and stores nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-busy-'));
  const file = join(dir, 'busy.sqlite');
  const desk = createDesk(await openStore(file, { busyTimeoutMs: 50, passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
  const other = new BetterSqlite3(file);
  try {
    const session = 'busy-alice';
    expect(await dispatch(desk, session, 'signIn', { signInName: 'alice', password: 'demo' })).toMatchObject({ ok: true });
    const countPos = () => (other.prepare('select count(*) as n from purchase_orders').get() as { n: number }).n;
    const before = countPos();
    other.exec('begin immediate');
    const result = await dispatch(desk, session, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] });
    other.exec('rollback');
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Another desk is saving right now, so nothing of yours was saved. Try again in a moment.' },
    });
    expect(countPos()).toBe(before);
    // The audit row is written once the lock is free again.
    const audited = () => other.prepare("select detail from audit_log where action = 'store-busy'").all() as { detail: string }[];
    await expect.poll(audited, { timeout: 3_000 }).toEqual([{ detail: 'savePo: another desk held the database; nothing was saved.' }]);
  } finally {
    other.close();
    await desk.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
