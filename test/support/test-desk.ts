import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractName, InputOf, OutputOf } from '../../src/shared/contracts';
import type { Result } from '../../src/shared/result';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { createDesk, type Desk } from '../../src/main/services/desk';

/** scrypt at 2^10: hundreds of sign-ins stay fast; the app itself always hashes at the recommended cost. */
export const TEST_PASSWORD_COST = 2 ** 10;

/** A desk on its own temporary SQLite file with the demo world, driven through the real dispatcher. */
export interface TestDesk {
  desk: Desk;
  file: string;
  call<K extends ContractName>(sessionKey: string, name: K, input: InputOf<K> | Record<string, unknown>): Promise<Result<OutputOf<K>>>;
  /** Signs in and returns the session key to use for later calls. */
  signIn(signInName: string, sessionKey?: string): Promise<string>;
  close(): Promise<void>;
}

export async function openTestDesk(): Promise<TestDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
  const file = join(dir, 'desk.sqlite');
  const desk = createDesk(await openStore(file, { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
  const call: TestDesk['call'] = (sessionKey, name, input) => dispatch(desk, sessionKey, name, input);
  return {
    desk,
    file,
    call,
    async signIn(signInName, sessionKey = `session-${signInName}`) {
      const result = await call(sessionKey, 'signIn', { signInName, password: 'demo' });
      if (!result.ok) throw new Error(`sign-in as ${signInName} failed: ${result.error.message}`);
      return sessionKey;
    },
    async close() {
      await desk.db.destroy();
      rmSync(dir, { recursive: true, force: true });
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
