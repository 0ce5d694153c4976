import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoListPage, PoListSort, PoStatus, PoSummary } from '../../src/shared/contracts';
import { countPoList, findPoListPage, type PoListFilter } from '../../src/main/store/repositories/po-list-repo';
import { listPoSummaries } from '../../src/main/store/repositories/po-repo';
import type { Database } from '../../src/main/store/schema';
import { expectOk, line, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

forEachStore((store) => {
  /**
   * The PO list, paged, sorted and filtered in SQL, on one desk of 62 POs: the two demo POs and 60
   * saved through the real dispatcher by four operators, then given a mix of statuses, shared
   * update times, a few without a cost center and three entered by a second "Alice Moreau".
   */
  let t: TestDesk;
  let alice: string;
  let pat: string;
  let aliceId: number;
  let twinId: number;

  const SORTS: PoListSort[] = ['number', 'vendor', 'warehouse', 'costCenter', 'status', 'total', 'createdBy', 'updatedAt'];
  const STATUSES: PoStatus[] = ['draft', 'submitted', 'approved', 'released', 'closed', 'cancelled'];

  /** Who saves which kind of PO: each header passes every cost-center rule for its operator. */
  const SAVERS = [
    { signIn: 'alice', vendorCode: 'ACME', warehouseCode: 'MAIN', costCenterCode: '210' },
    { signIn: 'bob', vendorCode: 'BOLT', warehouseCode: 'NORTH', costCenterCode: '210' },
    { signIn: 'carol', vendorCode: 'FLEETCO', warehouseCode: 'MAIN', costCenterCode: '410' },
    { signIn: 'pat', vendorCode: 'GENERAL', warehouseCode: 'NORTH', costCenterCode: '310' },
    { signIn: 'pat', vendorCode: 'HARBOUR', warehouseCode: 'MAIN', costCenterCode: '320' },
  ] as const;

  beforeAll(async () => {
    t = await openTestDesk(store);
    const sessions = new Map<string, string>();
    for (const saver of SAVERS) if (!sessions.has(saver.signIn)) sessions.set(saver.signIn, await t.signIn(saver.signIn));
    for (let n = 0; n < 60; n++) {
      const { signIn, ...header } = SAVERS[n % SAVERS.length] as (typeof SAVERS)[number];
      // Totals repeat every seven POs, so the total sort has ties to break.
      const input = { ...header, costCenterEntered: true, lines: [line(`List test ${n + 1}`, 1000 * (1 + (n % 7)), 1999)] };
      expectOk(await t.call(sessions.get(signIn) as string, 'savePo', input));
    }
    alice = sessions.get('alice') as string;
    pat = sessions.get('pat') as string;

    const db = t.desk.db;
    const idOf = async (signInName: string) => (await db.selectFrom('operators').select('id').where('sign_in_name', '=', signInName).executeTakeFirstOrThrow()).id;
    aliceId = await idOf('alice');
    const ids = (await db.selectFrom('purchase_orders').select('id').orderBy('id').execute()).map((row) => row.id);
    for (const [index, id] of ids.entries()) {
      await db
        .updateTable('purchase_orders')
        .set({
          status: index % 5 === 1 ? 'released' : index % 9 === 4 ? 'closed' : index % 11 === 3 ? 'submitted' : index % 13 === 6 ? 'approved' : index % 17 === 8 ? 'cancelled' : 'draft',
          // Groups of four share an update time, so the date sort has ties to break too.
          updated_at: new Date(Date.UTC(2026, 10, 1) + Math.floor(((index * 37) % ids.length) / 4) * 3_600_000).toISOString(),
        })
        .where('id', '=', id)
        .execute();
    }
    await db.updateTable('purchase_orders').set({ cost_center_id: null }).where('id', 'in', [ids[5] as number, ids[17] as number, ids[40] as number]).execute();
    const twin = await db
      .insertInto('operators')
      .values({ sign_in_name: 'alice2', display_name: 'Alice Moreau', role: 'operator', password_hash: 'not-a-hash', scheme_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    twinId = twin.id;
    const alicesPos = await db.selectFrom('purchase_orders').select('id').where('created_by', '=', aliceId).orderBy('id').limit(3).execute();
    await db.updateTable('purchase_orders').set({ created_by: twinId }).where('id', 'in', alicesPos.map((row) => row.id)).execute();
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (session: string, query: Record<string, unknown>): Promise<PoListPage> => expectOk(await t.call(session, 'listPos', query));

  /** Every page of a query, asked one after another, joined up. */
  async function everyPage(session: string, query: Record<string, unknown>, pageSize = 10): Promise<{ rows: PoSummary[]; totals: number[] }> {
    const rows: PoSummary[] = [];
    const totals: number[] = [];
    for (let page = 1; ; page++) {
      const answer = await list(session, { ...query, page, pageSize });
      expect(answer.page).toBe(page);
      expect(answer.rows.length).toBeLessThanOrEqual(pageSize);
      rows.push(...answer.rows);
      totals.push(answer.total);
      if (page * pageSize >= answer.total) return { rows, totals };
    }
  }

  const all = () => listPoSummaries(t.desk.db);

  // ---------------------------------------------------------------------------------------------
  // The reference: the list as main computed it before, in memory
  // ---------------------------------------------------------------------------------------------

  /** The filter main applied in memory before the list moved into SQL (its "mine" compared display names). */
  function filteredBefore(rows: PoSummary[], query: { status?: PoStatus; search?: string }): PoSummary[] {
    const search = query.search?.trim().toUpperCase();
    return rows.filter(
      (po) =>
        (!query.status || po.status === query.status) &&
        (!search || po.number.startsWith(search) || po.vendorCode.startsWith(search) || po.vendorName.toUpperCase().includes(search)),
    );
  }

  const STATUS_RANK: Record<PoStatus, number> = { draft: 1, submitted: 2, approved: 3, released: 4, closed: 5, cancelled: 6 };
  /** What each sort orders by; statuses in the order a PO lives through. */
  const SORT_VALUE: Record<PoListSort, (po: PoSummary) => string | number | null> = {
    number: (po) => po.number,
    vendor: (po) => po.vendorCode,
    warehouse: (po) => po.warehouseCode,
    costCenter: (po) => po.costCenterCode,
    status: (po) => STATUS_RANK[po.status],
    total: (po) => po.totalMinor,
    createdBy: (po) => po.createdBy,
    updatedAt: (po) => po.updatedAt,
  };
  /** Ascending, with no value after every value (as the list puts POs without a cost center). */
  function compareValues(a: string | number | null, b: string | number | null): number {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -1 : 1;
  }
  const sortedBy = (rows: PoSummary[], sort: PoListSort, direction: 'asc' | 'desc') => {
    const sign = direction === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => sign * (compareValues(SORT_VALUE[sort](a), SORT_VALUE[sort](b)) || a.id - b.id));
  };

  // ---------------------------------------------------------------------------------------------

  describe('paging', () => {
    it('answers pages of the asked size with the total over all pages, the last one short', async () => {
      const first = await list(alice, {});
      expect(first).toMatchObject({ page: 1, pageSize: 50, total: 62 });
      expect(first.rows).toHaveLength(50);
      const second = await list(alice, { page: 2 });
      expect(second).toMatchObject({ page: 2, pageSize: 50, total: 62 });
      expect(second.rows).toHaveLength(12);
      expect(new Set([...first.rows, ...second.rows].map((po) => po.id)).size).toBe(62);
    });

    it('answers the last page for a page past the end, and page 1 of nothing for no match', async () => {
      const past = await list(alice, { page: 9, pageSize: 25 });
      expect(past).toMatchObject({ page: 3, total: 62 });
      expect(past.rows).toHaveLength(12);
      expect(await list(alice, { page: 4, search: 'no such vendor' })).toEqual({ rows: [], total: 0, page: 1, pageSize: 50 });
    });

    it('shows each PO with its vendor, warehouse, cost center, status, total and who entered it', async () => {
      const { rows } = await list(alice, { search: 'PO-000001', pageSize: 10 });
      expect(rows[0]).toEqual({
        id: 1,
        number: 'PO-000001',
        vendorCode: expect.any(String),
        vendorName: expect.any(String),
        warehouseCode: expect.any(String),
        costCenterCode: expect.any(String),
        status: expect.any(String),
        revision: 1,
        statusNote: null,
        totalMinor: expect.any(Number),
        createdBy: 'Pat Nguyen',
        updatedAt: expect.any(String),
      });
      expect(rows[0]).toEqual((await all()).find((po) => po.id === 1));
    });

    it('refuses a page size outside 10–200 and an over-long search, in words', async () => {
      const tooBig = await t.call(alice, 'listPos', { pageSize: 500 });
      expect(tooBig.ok).toBe(false);
      const tooLong = await t.call(alice, 'listPos', { search: 'x'.repeat(65) });
      expect(tooLong).toMatchObject({ ok: false, error: { message: expect.stringContaining('Search text is at most 64 characters') } });
    });
  });

  describe('sorting', () => {
    it.each(SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((direction) => [sort, direction] as const)))(
      'by %s %s: the pages join up to the whole list in that order, ties broken by id',
      async (sort, direction) => {
        const { rows, totals } = await everyPage(pat, { sort, direction }, 10);
        expect(new Set(totals)).toEqual(new Set([62]));
        expect(rows.map((po) => po.id)).toEqual(sortedBy(await all(), sort, direction).map((po) => po.id));
      },
    );

    it('the test data has ties for every sort but number, so the tie-breaker is exercised', async () => {
      const rows = await all();
      for (const sort of SORTS.filter((candidate) => candidate !== 'number')) {
        expect(new Set(rows.map(SORT_VALUE[sort])).size, sort).toBeLessThan(rows.length);
      }
    });

    it('puts POs without a cost center last going up and first coming down', async () => {
      const up = await everyPage(pat, { sort: 'costCenter', direction: 'asc' }, 50);
      expect(up.rows.slice(-3).map((po) => po.costCenterCode)).toEqual([null, null, null]);
      const down = await list(pat, { sort: 'costCenter', direction: 'desc' });
      expect(down.rows.slice(0, 3).map((po) => po.costCenterCode)).toEqual([null, null, null]);
    });

    it('sorts statuses in the order a PO lives through: draft, submitted, approved, released, closed, cancelled', async () => {
      const { rows } = await everyPage(pat, { sort: 'status', direction: 'asc' }, 50);
      const order = rows.map((po) => po.status).filter((status, index, statuses) => status !== statuses[index - 1]);
      expect(order).toEqual(['draft', 'submitted', 'approved', 'released', 'closed', 'cancelled']);
    });
  });

  describe('filters', () => {
    it.each(STATUSES)('status %s: only POs in that status, counted over all pages', async (status) => {
      const { rows, totals } = await everyPage(alice, { status }, 10);
      const expected = (await all()).filter((po) => po.status === status);
      expect(expected.length).toBeGreaterThan(0);
      expect(totals[0]).toBe(expected.length);
      expect(rows.map((po) => po.id)).toEqual(expected.map((po) => po.id));
    });

    it("mine: the POs the caller's operator entered, not those of another operator with the same name", async () => {
      const { rows, totals } = await everyPage(alice, { mine: true }, 10);
      const entered = await t.desk.db.selectFrom('purchase_orders').select('id').where('created_by', '=', aliceId).orderBy('id', 'desc').execute();
      const twins = await t.desk.db.selectFrom('purchase_orders').select('id').where('created_by', '=', twinId).execute();
      expect(entered.length).toBeGreaterThan(0);
      expect(twins).toHaveLength(3);
      expect(totals[0]).toBe(entered.length);
      expect(rows.map((po) => po.id)).toEqual(entered.map((po) => po.id));
      expect(rows.map((po) => po.id)).not.toEqual(expect.arrayContaining(twins.map((po) => po.id)));
      // Both operators show as Alice Moreau; only the id tells them apart.
      expect((await all()).filter((po) => po.createdBy === 'Alice Moreau').length).toBe(entered.length + 3);
    });

    it('mine combines with status and search', async () => {
      const { rows } = await everyPage(pat, { mine: true, status: 'released', search: 'harb' }, 10);
      const want = (await all()).filter((po) => po.createdBy === 'Pat Nguyen' && po.status === 'released' && po.vendorCode === 'HARBOUR');
      expect(want.length).toBeGreaterThan(0);
      expect(rows).toEqual(want);
    });

    it.each([
      ['PO number prefix', 'PO-00001', (po: PoSummary) => po.number.startsWith('PO-00001')],
      ['PO number prefix, any case', 'po-00002', (po: PoSummary) => po.number.startsWith('PO-00002')],
      ['vendor code prefix', 'gen', (po: PoSummary) => po.vendorCode === 'GENERAL'],
      ['vendor name part, any case', 'MARINE', (po: PoSummary) => po.vendorName === 'Harbour Marine'],
      ['vendor name part in the middle', 'parts', (po: PoSummary) => po.vendorName === 'Fleet Parts Co'],
    ])('search by %s (%s)', async (_label, search, expected) => {
      const { rows, totals } = await everyPage(alice, { search }, 10);
      const want = (await all()).filter(expected);
      expect(want.length).toBeGreaterThan(0);
      expect(totals[0]).toBe(want.length);
      expect(rows.map((po) => po.id)).toEqual(want.map((po) => po.id));
    });

    it('does not match a vendor code or PO number in the middle', async () => {
      // Inside FLEETCO's code, not in its name (Fleet Parts Co).
      expect((await list(alice, { search: 'ETCO' })).total).toBe(0);
      expect((await list(alice, { search: '000001' })).total).toBe(0);
    });

    it('takes %, _ and \\ in the search text literally', async () => {
      for (const search of ['%', '_', 'PO_0', 'PO-%1', '\\']) expect((await list(alice, { search })).total, search).toBe(0);
    });

    it('treats blank search text as no search', async () => {
      expect((await list(alice, { search: '   ' })).total).toBe(62);
      expect((await list(alice, { search: '' })).total).toBe(62);
    });
  });

  describe('the same rows as before', () => {
    const cases = [undefined, ...STATUSES].flatMap((status) => [undefined, 'PO-00003', 'acme', 'bolt', 'General', 'co', 'zzz'].map((search) => ({ status, search })));
    it.each(cases)('status $status, search $search: the rows the in-memory list gave, newest first', async (query) => {
      const before = filteredBefore(await all(), query);
      const { rows, totals } = await everyPage(pat, { ...query, sort: 'number', direction: 'desc' }, 10);
      expect(totals[0]).toBe(before.length);
      expect(rows).toEqual(before);
    });
  });

  // SQLite's own query plans, read from the file on a second connection; PostgreSQL's are below.
  describe.runIf(store === 'sqlite')('indexes (0007)', () => {
    /** The repository's queries, run on a second connection that records them, then explained. */
    async function plansOf(run: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
      const sqlite = new BetterSqlite3(t.file, { readonly: true });
      const queries: CompiledQuery[] = [];
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (event) => void queries.push(event.query) });
      try {
        await run(db);
        return queries.map((query) =>
          (sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]).map((row) => row.detail).join(' | '),
        );
      } finally {
        await db.destroy();
      }
    }

    const page = { limit: 50, offset: 50 };

    it.each([
      ['status', { status: 'released' } satisfies PoListFilter, '(purchase_orders_by_status|purchase_orders_waiting)'],
      ['mine', { createdBy: 1 } satisfies PoListFilter, 'purchase_orders_by_creator'],
    ])('the %s filter counts from its index', async (_label, filter, index) => {
      const [plan] = await plansOf((db) => countPoList(db, filter));
      // A count by status may read either index that leads with status: 0007's, or 0009's review queue.
      expect(plan).toMatch(new RegExp(`USING COVERING INDEX ${index}\\b`));
    });

    it.each([
      ['number', 'sqlite_autoindex_purchase_orders_1'],
      ['total', 'purchase_orders_by_total'],
      ['updatedAt', 'purchase_orders_by_updated'],
      ['vendor', 'purchase_orders_by_vendor'],
      ['warehouse', 'purchase_orders_by_warehouse'],
    ] as const)('an unfiltered page sorted by %s walks an index and sorts nothing', async (sort, index) => {
      for (const direction of ['asc', 'desc'] as const) {
        const [plan] = await plansOf((db) => findPoListPage(db, {}, { sort, direction }, page));
        expect(plan).toContain(index);
        expect(plan).not.toContain('TEMP B-TREE');
      }
    });

    it('a status-filtered page in number order needs no sort step either', async () => {
      const [plan] = await plansOf((db) => findPoListPage(db, { status: 'draft' }, { sort: 'number', direction: 'desc' }, page));
      expect(plan).toContain('purchase_orders_by_status (status=?)');
      expect(plan).not.toContain('TEMP B-TREE');
    });
  });

  /**
   * PostgreSQL's plans for the same queries. Over 62 rows a sequential scan and a sort cost next to
   * nothing, so the planner is asked to avoid sequential scans: what is checked is that an index
   * serves each filter, and that an index walks each page's whole order (key, then id) so the page
   * stops at its end; only the outer re-ordering of the page's own rows may sort.
   */
  describe.runIf(store === 'postgres')('indexes (0007) on PostgreSQL', () => {
    async function plansOf(run: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
      const queries: CompiledQuery[] = [];
      const pool = new pg.Pool({ connectionString: t.location, max: 1, options: '-c enable_seqscan=off' });
      // Its closing connection may still be there when the test's database is dropped.
      pool.on('error', () => undefined);
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (event) => void queries.push(event.query) });
      try {
        await run(db);
        const plans: string[] = [];
        // Taken out first: the EXPLAINs below are logged too.
        for (const query of queries.splice(0)) {
          const explained = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
          plans.push(explained.rows.map((row) => row['QUERY PLAN']).join(' | '));
        }
        return plans;
      } finally {
        await db.destroy();
      }
    }

    const page = { limit: 50, offset: 50 };

    it.each([
      ['status', { status: 'released' } satisfies PoListFilter, '(purchase_orders_by_status|purchase_orders_waiting)'],
      ['mine', { createdBy: 1 } satisfies PoListFilter, 'purchase_orders_by_creator'],
    ])('the %s filter counts from its index', async (_label, filter, index) => {
      const [plan] = await plansOf((db) => countPoList(db, filter));
      expect(plan).toMatch(new RegExp(`Index (Only )?Scan (using|on) ${index}\\b`));
    });

    it.each([
      ['number', 'purchase_orders_number_key'],
      ['total', 'purchase_orders_by_total'],
      ['updatedAt', 'purchase_orders_by_updated'],
      ['vendor', 'purchase_orders_by_vendor'],
      ['warehouse', 'purchase_orders_by_warehouse'],
    ] as const)('an unfiltered page sorted by %s walks an index and sorts nothing', async (sort, index) => {
      for (const direction of ['asc', 'desc'] as const) {
        const [plan] = await plansOf((db) => findPoListPage(db, {}, { sort, direction }, page));
        expect(plan).toMatch(new RegExp(`Index (Only )?Scan (Backward )?using ${index}\\b`));
      }
    });
  });
});
