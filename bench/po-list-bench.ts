/**
 * PO-list benchmark: one filtered, sorted page of the PO list (status filter + search, page 3 of
 * 50 rows, with its total) through the real service, `listPurchaseOrders`, on the database of about
 * a million PO lines that the line-save benchmark builds, beside the same two queries written by hand
 * in SQL through the same better-sqlite3 driver.
 *
 *   npm run bench                          full size (5,000 stored POs × 200 lines, on the header world)
 *   BENCH_SCALE=0.01 npm run bench         a quick, small world
 *   BENCH_PAGES=1000 npm run bench         measured pages per side (default 400)
 *   BENCH_WARMUP=50 npm run bench          warm-up pages per side (default 40)
 *
 * The two sides alternate in blocks of measured pages, so a change in machine load hits both alike.
 *
 * A measurement, not a test: the exit code is 0 whether the targets are met or not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { contracts, type ParsedInputOf, type PoListPage } from '../src/shared/contracts';
import { type Caller, createDesk } from '../src/main/services/desk';
import { listPurchaseOrders } from '../src/main/services/po-list-service';
import { migrateToLatest, openSqlite } from '../src/main/store/connect';
import { findOperatorById } from '../src/main/store/repositories/operator-repo';
import { DEFAULT_SEED, generateDataset, generateLineWorld, lineWorldSizesFromEnv, sizesFromEnv } from './generate-data';
import { nsToMs, type Summary, summarize, runBenchmark } from './stats';

type ListQuery = ParsedInputOf<'listPos'>;

const TARGET_RATIO = 1.3;
const TARGET_MS = 20;
const SESSION_KEY = 'bench-po-list';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The baseline: the same page, asked by hand
// ---------------------------------------------------------------------------------------------

/**
 * The count and the page as a person would write them for this one filter and sort (drafts whose
 * number or vendor code starts with the text, or whose vendor name holds it; by vendor code, then
 * id), with the page's ids found first and its names joined after, as the service's queries do.
 * Prepared once; each call only binds values.
 */
function handWrittenPage(sqlite: BetterSqlite3.Database) {
  const filter = `po.status = ?
      and (lower(po.number) like lower(?) escape '\\'
           or exists (select 1 from vendors sv where sv.id = po.vendor_id
                        and (lower(sv.code) like lower(?) escape '\\' or lower(sv.name) like lower(?) escape '\\')))`;
  const count = sqlite.prepare(`select count(*) from purchase_orders po where ${filter}`).pluck();
  const page = sqlite.prepare(
    `select po.id, po.number, v.code as vendorCode, v.name as vendorName, w.code as warehouseCode, cc.code as costCenterCode,
            po.status, po.total_minor as totalMinor, o.display_name as createdBy, po.updated_at as updatedAt
       from (select po.id, v.code as sortKey
               from purchase_orders po join vendors v on v.id = po.vendor_id
              where ${filter}
              order by v.code, po.id
              limit ? offset ?) page
       join purchase_orders po on po.id = page.id
       join vendors v on v.id = po.vendor_id
       join warehouses w on w.id = po.warehouse_id
       join operators o on o.id = po.created_by
       left join cost_centers cc on cc.id = po.cost_center_id
      order by page.sortKey, page.id`,
  );
  return (query: ListQuery): PoListPage => {
    const text = (query.search ?? '').replace(/[\\%_]/g, (char) => `\\${char}`);
    const values = [query.status, `${text}%`, `${text}%`, `%${text}%`];
    const total = Number(count.get(...values));
    const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
    const pageNumber = Math.min(query.page, lastPage);
    const rows = total === 0 ? [] : (page.all(...values, query.pageSize, (pageNumber - 1) * query.pageSize) as PoListPage['rows']);
    return { rows, total, page: pageNumber, pageSize: query.pageSize };
  };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

type Ask = () => Promise<PoListPage> | PoListPage;

/** Measured pages per side run in this many alternating blocks, so a change in machine load hits both sides alike. */
const BLOCKS = 10;
/** Unmeasured pages at the start of each block: each side has its own connection and page cache. */
const REWARM = 3;

async function timeSides(warmUp: number, measured: number, sides: readonly Ask[]): Promise<number[][]> {
  const run = async (ask: Ask, count: number, into?: number[]) => {
    for (let n = 0; n < count; n++) {
      const started = process.hrtime.bigint();
      await ask();
      into?.push(nsToMs(process.hrtime.bigint() - started));
    }
  };
  const samples = sides.map((): number[] => []);
  for (const ask of sides) await run(ask, warmUp);
  const blocks = Math.min(BLOCKS, measured);
  for (let block = 0; block < blocks; block++) {
    const count = Math.floor(measured / blocks) + (block < measured % blocks ? 1 : 0);
    for (const [index, ask] of sides.entries()) {
      await run(ask, REWARM);
      await run(ask, count, samples[index]);
    }
  }
  return samples;
}

const int = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main(): Promise<void> {
  const benchStarted = process.hrtime.bigint();
  const sizes = sizesFromEnv();
  const lineSizes = lineWorldSizesFromEnv(sizes);
  const pages = intFromEnv('BENCH_PAGES', 400);
  const warmUp = intFromEnv('BENCH_WARMUP', 40);

  const dir = mkdtempSync(join(tmpdir(), 'desk-list-bench-'));
  const file = join(dir, 'bench.sqlite');
  const db = openSqlite(file);
  // The baseline's own connection to the same file, opened as openSqlite opens the app's.
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(db);
    console.log('\nPO-list benchmark');
    console.log(
      `  node ${process.version}, SQLite ${rows[0]?.version ?? '?'}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ${process.platform}/${process.arch}`,
    );
    console.log(`  database: ${file} (WAL, removed afterwards)`);

    await migrateToLatest(db);
    const generationStarted = process.hrtime.bigint();
    const base = await generateDataset(db, sizes, DEFAULT_SEED);
    const world = generateLineWorld(sqlite, base, lineSizes, DEFAULT_SEED);
    const generationMs = nsToMs(process.hrtime.bigint() - generationStarted);
    const stored = world.rowCounts;
    console.log(
      `  generated in ${(generationMs / 1000).toFixed(2)} s (seed ${DEFAULT_SEED}${process.env.BENCH_SCALE ? `, BENCH_SCALE=${process.env.BENCH_SCALE}` : ''}): ` +
        `${int(stored.purchase_orders ?? 0)} POs, ${int(stored.po_lines ?? 0)} PO lines, ${int(sizes.vendors)} vendors, ${int(sizes.operators)} operators`,
    );

    // The caller, as the IPC layer builds it: a sign-in session in main's store, the operator read afresh.
    const desk = createDesk(db);
    const session = desk.sessions.start(SESSION_KEY, world.pick.operatorId);
    const operator = await findOperatorById(db, session.operatorId);
    if (!operator || !operator.active) throw new Error(`operator ${world.pick.operatorId} is not an active operator`);
    const caller: Caller = { sessionKey: SESSION_KEY, session, operator };

    // Parsed by the IPC contract up front, as the dispatcher would.
    const query = contracts.listPos.input.parse({ status: 'draft', search: 'harbour', sort: 'vendor', direction: 'asc', page: 3, pageSize: 50 });
    const askByHand = handWrittenPage(sqlite);
    const viaService = await listPurchaseOrders(desk, caller, query);
    const byHand = askByHand(query);
    if (JSON.stringify(viaService) !== JSON.stringify(byHand)) throw new Error('the hand-written baseline does not answer the page the service answers');
    if (viaService.rows.length === 0) throw new Error('the benchmark page is empty; the filter matches too little at this scale');
    console.log(
      `  page: status ${query.status}, search "${query.search}", sorted by ${query.sort} ${query.direction}, page ${viaService.page} of ` +
        `${Math.ceil(viaService.total / query.pageSize)} (${viaService.rows.length} rows, ${int(viaService.total)} matching POs); baseline rows checked identical\n`,
    );

    const [service, hand] = (await timeSides(warmUp, pages, [() => listPurchaseOrders(desk, caller, query), () => askByHand(query)])) as [
      number[],
      number[],
    ];

    const s: Summary = summarize(service);
    const h: Summary = summarize(hand);
    const medianRatio = s.p50 / h.p50;
    const p99Ratio = s.p99 / h.p99;
    const rowsOut: [string, string, string][] = [
      ['service: listPurchaseOrders (count + page)', ms(s.p50), ms(s.p99)],
      ['hand-written SQL, same two queries', ms(h.p50), ms(h.p99)],
      ['ratio service / hand-written', `${medianRatio.toFixed(2)}×`, `${p99Ratio.toFixed(2)}×`],
    ];
    const width = Math.max(...rowsOut.map(([label]) => label.length));
    console.log(`  ${int(warmUp)} warm-up pages per side, then ${int(pages)} measured pages per side in ${Math.min(BLOCKS, pages)} alternating blocks`);
    console.log(`  ${''.padEnd(width)}  ${'median'.padStart(9)}  ${'p99'.padStart(9)}`);
    for (const [label, median, p99] of rowsOut) console.log(`  ${label.padEnd(width)}  ${median.padStart(9)}  ${p99.padStart(9)}`);
    console.log(`  target: median ratio ≤ ${TARGET_RATIO}× — ${medianRatio <= TARGET_RATIO ? 'met' : 'NOT met'}`);
    console.log(`  target: a page in < ${TARGET_MS} ms (service p99 ${ms(s.p99)}) — ${s.p99 < TARGET_MS ? 'met' : 'NOT met'}`);
    console.log(`  whole benchmark: ${(nsToMs(process.hrtime.bigint() - benchStarted) / 1000).toFixed(1)} s\n`);
  } finally {
    sqlite.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBenchmark(main);
