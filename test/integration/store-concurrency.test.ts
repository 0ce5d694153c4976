import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PoDetail } from '../../src/shared/contracts';
import { dispatch } from '../../src/main/ipc/dispatch';
import { createDesk } from '../../src/main/services/desk';
import { isRetryableConflict, isStoreBusy, isStoreUnreachable, openPostgres } from '../../src/main/store/connect';
import { CommitOutcomeUnknown, inRetriedTransaction } from '../../src/main/store/transaction';
import { STORE_KINDS } from '../support/stores';
import { expectOk, line, openTestDesk, type TestDesk } from '../support/test-desk';

/**
 * Several desks on one PostgreSQL database at once, each with its own pool, as team servers have:
 * numbers stay unique, every line lands, and of two saves of the same PO exactly one wins.
 * PostgreSQL only, because on SQLite desks sharing a file are separate processes: better-sqlite3
 * waits for the write lock by blocking its thread, so two desks in one process would only wait for
 * each other. SQLite's races run as processes in concurrent-writers.test.ts and hardening-probe.test.ts.
 */
describe.runIf(STORE_KINDS.includes('postgres'))('desks on separate pools, on postgres', () => {
  let t: TestDesk;
  let others: TestDesk[];
  beforeEach(async () => {
    t = await openTestDesk('postgres');
    others = [];
  });
  afterEach(async () => {
    for (const other of others) await other.close();
    await t.close();
  });

  /** Desks on the same database as `t`, each signed in as one of `signInNames`. */
  async function desksSignedIn(signInNames: string[]): Promise<{ desk: TestDesk; session: string }[]> {
    return Promise.all(
      signInNames.map(async (signInName, index) => {
        const desk = index === 0 ? t : await t.openAnother();
        if (desk !== t) others.push(desk);
        return { desk, session: await desk.signIn(signInName, `${signInName}-${index}`) };
      }),
    );
  }

  it('5 desks creating 50 POs at once: 50 distinct numbers, no gaps, every line and distribution stored', { timeout: 60_000 }, async () => {
    const desks = await desksSignedIn(['alice', 'pat', 'bob', 'alice', 'pat']);
    const saves = Array.from({ length: 50 }, (_, n) => {
      const { desk, session } = desks[n % desks.length] as (typeof desks)[number];
      const lines = [line(`Race ${n} a`, 1000, 100 + n), line(`Race ${n} b`, 2000, 100 + n), line(`Race ${n} c`, 3000, 100 + n)];
      return desk.call(session, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines });
    });
    const saved = (await Promise.all(saves)).map((result) => expectOk(result) as PoDetail);
    const numbers = saved.map((po) => po.number);
    expect(new Set(numbers).size).toBe(50);
    // The demo has PO-000001 and PO-000002; the 50 take the next fifty, whichever order they committed in.
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, n) => `PO-${String(n + 3).padStart(6, '0')}`));

    const db = t.desk.db;
    const stored = await db
      .selectFrom('po_lines as l')
      .innerJoin('po_line_distributions as d', 'd.line_id', 'l.id')
      .innerJoin('purchase_orders as po', 'po.id', 'l.po_id')
      .select(['po.number', 'l.description', 'l.total_minor as lineTotal', 'd.amount_minor as distributed'])
      .where('po.number', 'in', numbers)
      .execute();
    expect(stored).toHaveLength(150);
    for (const po of saved) {
      const lines = stored.filter((row) => row.number === po.number);
      expect(lines.map((row) => row.description).sort(), po.number).toEqual(po.lines.map((l) => l.description).sort());
      for (const row of lines) expect(row.distributed).toBe(row.lineTotal);
    }
    expect(await db.selectFrom('settings').select('value').where('key', '=', 'next_po_number').executeTakeFirstOrThrow()).toEqual({ value: '53' });
  });

  it('the same PO saved through two desks at once: exactly one wins, the other is refused as stale and changes nothing', { timeout: 60_000 }, async () => {
    const [first, second] = await desksSignedIn(['pat', 'pat']);
    if (!first || !second) throw new Error('two desks expected');
    for (let round = 0; round < 5; round++) {
      const open = expectOk(await first.desk.call(first.session, 'openPo', { id: 1, mode: 'change' })) as PoDetail;
      const edit = (description: string) => ({
        id: open.id,
        version: open.version,
        vendorCode: open.vendorCode,
        warehouseCode: open.warehouseCode,
        costCenterCode: open.costCenterCode,
        lines: open.lines.map((stored, index) => ({
          id: stored.id,
          itemCode: stored.itemCode,
          description: index === 0 ? description : stored.description,
          quantityMilli: stored.quantityMilli,
          unitCostMinor: stored.unitCostMinor,
          distributionType: stored.distributionType,
          glAccountCode: stored.glAccountCode,
          jobCode: stored.jobCode,
          workOrderCode: stored.workOrderCode,
          costTypeCode: stored.costTypeCode,
          costCenterCode: stored.costCenterCode,
        })),
      });
      const results = await Promise.all([
        first.desk.call(first.session, 'savePo', edit(`First desk, round ${round}`)),
        second.desk.call(second.session, 'savePo', edit(`Second desk, round ${round}`)),
      ]);
      const winners = results.filter((result) => result.ok);
      const losers = results.filter((result) => !result.ok);
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(losers, `round ${round}`).toMatchObject([{ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Someone saved PO-000001 .*nothing of yours was saved\.$/) } }]);
      const won = (winners[0] as { value: PoDetail }).value;
      expect(won.version).toBe(open.version + 1);
      const now = expectOk(await t.call(first.session, 'openPo', { id: 1, mode: 'view' })) as PoDetail;
      expect(now.version).toBe(open.version + 1);
      expect(now.lines[0]?.description).toBe(won.lines[0]?.description);
    }
  });
});

describe.runIf(STORE_KINDS.includes('postgres'))('PostgreSQL failures, classified and answered', () => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk('postgres');
  });
  afterEach(async () => {
    await t.close();
  });

  it('a deadlock between two transactions is run again, and both commit', async () => {
    const other = await t.openAnother();
    try {
      // Each takes one of two rows, waits for the other to take the other, then asks for it: a deadlock.
      let taken = 0;
      const bothTaken = async () => {
        taken++;
        while (taken < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      let runs = 0;
      const writer = (db: typeof t.desk.db, first: string, second: string) =>
        inRetriedTransaction(db, async (trx) => {
          runs++;
          await trx.updateTable('warehouses').set({ name: `${first} first` }).where('code', '=', first).execute();
          if (runs <= 2) await bothTaken();
          await trx.updateTable('warehouses').set({ name: `${second} second` }).where('code', '=', second).execute();
        });
      await Promise.all([writer(t.desk.db, 'MAIN', 'NORTH'), writer(other.desk.db, 'NORTH', 'MAIN')]);
      expect(runs).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('tells a lock wait past the busy timeout and a deadlock apart from a refusal', async () => {
    const holder = new pg.Client({ connectionString: t.location });
    await holder.connect();
    const impatient = openPostgres(t.location, { busyTimeoutMs: 50 });
    try {
      await holder.query("begin; select * from warehouses where code = 'MAIN' for update");
      const waited = await impatient.updateTable('warehouses').set({ name: 'x' }).where('code', '=', 'MAIN').execute().catch((error: unknown) => error);
      expect(waited).toMatchObject({ code: '55P03' });
      expect(isStoreBusy(waited)).toBe(true);
      expect(isRetryableConflict(waited)).toBe(false);
      expect(isStoreUnreachable(waited)).toBe(false);
      await holder.query('rollback');
      const refused = await sql`select 1 / 0`.execute(impatient).catch((error: unknown) => error);
      expect([isStoreBusy(refused), isRetryableConflict(refused), isStoreUnreachable(refused)]).toEqual([false, false, false]);
    } finally {
      await holder.end();
      await impatient.destroy();
    }
  });

  it('a server nobody answers on: the call is told in words that the database cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = new pg.Client({ host: '127.0.0.1', port: 1 });
      void probe.connect().catch(() => resolve(1));
    });
    const desk = createDesk(openPostgres(`postgres://desk@127.0.0.1:${closed}/nowhere`, { connectTimeoutMs: 1_000 }));
    const logged: string[] = [];
    try {
      const result = await dispatch(desk, 's', 'signIn', { signInName: 'alice', password: 'demo' }, { log: (message) => void logged.push(message) });
      expect(result).toEqual({
        ok: false,
        error: { code: 'internal', message: 'The desk’s database cannot be reached right now, so nothing of yours was saved. Try again in a moment.' },
      });
      expect(logged[0]).toBe('IPC signIn: the database could not be reached; nothing was saved.');
    } finally {
      await desk.db.destroy();
    }
  });

  it('a connection killed inside a save: nothing is stored, and the call says the database could not be reached', async () => {
    const alice = await t.signIn('alice');
    const killer = new pg.Client({ connectionString: t.location });
    await killer.connect();
    try {
      // The save's first line insert finds its backend terminated, as a server restart would.
      await killer.query(`create function kill_saver() returns trigger language plpgsql as $$
                          begin perform pg_terminate_backend(pg_backend_pid()); return new; end $$`);
      await killer.query('create trigger kill_saver before insert on po_lines for each row execute function kill_saver()');
      const before = (await killer.query('select count(*)::int as n from purchase_orders')).rows;
      const result = await dispatch(t.desk, alice, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] }, { log: () => undefined });
      expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^The desk’s database cannot be reached right now/) } });
      expect((await killer.query('select count(*)::int as n from purchase_orders')).rows).toEqual(before);
      await killer.query('drop trigger kill_saver on po_lines');
      // The pool replaced the broken connection: the next save goes through.
      expectOk(await t.call(alice, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] }));
    } finally {
      await killer.end();
    }
  });

  it('a connection lost while the save commits: the call says the desk cannot tell whether it was saved', async () => {
    const alice = await t.signIn('alice');
    const admin = new pg.Client({ connectionString: t.location });
    await admin.connect();
    try {
      // A deferred constraint trigger runs at COMMIT: the backend ends itself there.
      await admin.query(`create function kill_at_commit() returns trigger language plpgsql as $$
                         begin perform pg_terminate_backend(pg_backend_pid()); return null; end $$`);
      await admin.query('create constraint trigger kill_at_commit after insert on purchase_orders deferrable initially deferred for each row execute function kill_at_commit()');
      const result = await dispatch(t.desk, alice, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] }, { log: () => undefined });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message: 'The connection to the desk’s database broke just as your change was being saved, so the desk cannot tell whether it was. Reopen it to see what is stored.',
        },
      });
      await admin.query('drop trigger kill_at_commit on purchase_orders');
      const direct = await inRetriedTransaction(t.desk.db, async () => 'fine');
      expect(direct).toBe('fine');
      expect(CommitOutcomeUnknown.name).toBe('CommitOutcomeUnknown');
    } finally {
      await admin.end();
    }
  });
});
