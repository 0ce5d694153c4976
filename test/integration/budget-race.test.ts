import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Db } from '../../src/main/store/connect';
import { type BudgetAttempt, saveAndSubmitOnBudget } from '../support/budget-race';
import { forEachStore } from '../support/stores';
import { expectOk, openTestDesk, type TestDesk } from '../support/test-desk';

const DESKS = 4;
const ATTEMPTS_PER_DESK = 6;
/** 10,000.00 on the budget order, 1,000.00 per PO: ten fit, the other fourteen must be refused. */
const BUDGET_MINOR = 1_000_000;
const PO_MINOR = 100_000;

/** One saver process on the shared SQLite file, run to its end. */
function runSaverProcess(location: string, signInName: string, budgetOrderId: number): Promise<BudgetAttempt[]> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', join(__dirname, '../support/budget-saver.ts'), location, String(ATTEMPTS_PER_DESK), signInName, String(budgetOrderId), String(PO_MINOR)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`budget saver for ${signInName} exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop() as string) as BudgetAttempt[]);
    });
  });
}

/**
 * On PostgreSQL: desks with pools of their own, as separate servers have, all saving and submitting
 * at once. On SQLite a second desk in this process would only wait for the first (better-sqlite3
 * blocks the thread), so the desks are separate processes on one file, as on separate computers.
 */
async function race(t: TestDesk, budgetOrderId: number): Promise<BudgetAttempt[]> {
  const operators = ['alice', 'pat', 'alice', 'pat'];
  if (t.store === 'sqlite') {
    const results = await Promise.all(operators.slice(0, DESKS).map((who) => runSaverProcess(t.location, who, budgetOrderId)));
    return results.flat();
  }
  const desks = await Promise.all(Array.from({ length: DESKS }, () => t.openAnother({ postgres: { poolSize: ATTEMPTS_PER_DESK } })));
  try {
    const sessions = await Promise.all(desks.map((desk, index) => desk.signIn(operators[index] as string, `race-${index}`)));
    return await Promise.all(
      desks.flatMap((desk, index) =>
        Array.from({ length: ATTEMPTS_PER_DESK }, () => saveAndSubmitOnBudget((name, input) => desk.call(sessions[index] as string, name, input as Record<string, unknown>), budgetOrderId, PO_MINOR)),
      ),
    );
  } finally {
    await Promise.all(desks.map((desk) => desk.close()));
  }
}

async function allocatedOn(db: Db, budgetOrderId: number): Promise<number> {
  const row = await db
    .selectFrom('purchase_orders as po')
    .innerJoin('po_purchasing_controls as c', 'c.po_id', 'po.id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('po.total_minor'), eb.lit(0)).as('sum'))
    .where('c.budget_order_id', '=', budgetOrderId)
    .where('po.status', 'in', ['submitted', 'approved', 'released', 'closed'])
    .executeTakeFirstOrThrow();
  return Number(row.sum);
}

forEachStore((store) => {
  it(`races ${DESKS * ATTEMPTS_PER_DESK} saves and submits on one budget order from ${DESKS} desks: the sum allocated never exceeds the total, and the refused ones say why`, { timeout: 120_000 }, async () => {
    const t = await openTestDesk(store);
    try {
      const admin = await t.signIn('admin');
      const created = expectOk(await t.call(admin, 'saveBudgetOrder', { number: 'BO-RACE', customerPoNumber: null, totalMinor: BUDGET_MINOR, validFrom: '2025-01-01', validTo: '2030-12-31', status: 'open' }));
      const budgetOrderId = created.budgets.find((budget) => budget.number === 'BO-RACE')?.id as number;

      const attempts = await race(t, budgetOrderId);
      expect(attempts).toHaveLength(DESKS * ATTEMPTS_PER_DESK);
      expect(attempts.filter((attempt) => attempt.outcome === 'failed')).toEqual([]);
      const allocated = attempts.filter((attempt) => attempt.outcome === 'allocated');
      const refused = attempts.filter((attempt) => attempt.outcome === 'refused-at-save' || attempt.outcome === 'refused-at-submit');
      // Any refusal means the budget order was full: exactly ten got it, and none beyond.
      expect(allocated).toHaveLength(BUDGET_MINOR / PO_MINOR);
      expect(refused).toHaveLength(DESKS * ATTEMPTS_PER_DESK - BUDGET_MINOR / PO_MINOR);
      for (const attempt of refused) {
        expect(attempt).toMatchObject({ message: expect.stringMatching(/total, 1,000\.00, is more than budget order BO-RACE has unallocated for it, 0\.00 \(total 10,000\.00, of which 10,000\.00 is allocated to other POs\): 1,000\.00 over\.$/) });
      }
      expect(await allocatedOn(t.desk.db, budgetOrderId)).toBe(BUDGET_MINOR);

      const view = expectOk(await t.call(admin, 'budgetView', {})).budgets.find((budget) => budget.number === 'BO-RACE');
      expect(view).toMatchObject({ totalMinor: BUDGET_MINOR, allocatedMinor: BUDGET_MINOR, unallocatedMinor: 0 });
      // The share ledger ends where the POs are: its last point is the allocated sum.
      expect(view?.usage.at(-1)).toMatchObject({ allocatedMinor: BUDGET_MINOR });
    } finally {
      await t.close();
    }
  });
});
