/**
 * PO header benchmark: how long one header resolution (vendor validation, default cost center,
 * warehouse check) takes against a large generated SQLite database, read exactly as the app reads it;
 * then the same world and calls on PostgreSQL, beside the same reads hand-written through pg
 * (bench/header-bench-postgres.ts; PURCHASING_DESK_BENCH_DATABASE_URL or a throwaway server, BENCH_POSTGRES=0 skips it).
 *
 *   npm run bench                        full size (10,000 cost centers, 2,000 operators, 500 schemes, 20,000 vendors)
 *   BENCH_SCALE=0.1 npm run bench        a quick, smaller world
 *   BENCH_CALLS=20000 npm run bench      more measured calls (default 10,000, after 500 warm-up calls)
 *   BENCH_PARTS=0 npm run bench          skip the per-query breakdown
 *
 * It is a measurement, not a test: the exit code is 0 whether the target is met or not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { type HeaderVerdict, resolveHeader } from '../src/main/domain/cost-center-rules';
import type { Caller } from '../src/main/services/desk';
import { type HeaderDraftValues, loadHeader } from '../src/main/services/header-service';
import { SessionStore } from '../src/main/services/sessions';
import { type Db, migrateToLatest, openSqlite } from '../src/main/store/connect';
import { findCostCenterByCode, overrideCostCenters, schemeCostCenters } from '../src/main/store/repositories/cost-center-repo';
import { findOperatorById } from '../src/main/store/repositories/operator-repo';
import { readCostCentersEnabled } from '../src/main/store/repositories/settings-repo';
import { findVendorByCode } from '../src/main/store/repositories/vendor-repo';
import { findWarehouseByCode } from '../src/main/store/repositories/warehouse-repo';
import {
  DEFAULT_SEED,
  type GeneratedDataset,
  type GeneratedScheme,
  generateDataset,
  INSERT_CHUNK,
  Random,
  sizesFromEnv,
} from './generate-data';
import { runHeaderBenchOnPostgres } from './header-bench-postgres';
import { nsToMs, type Summary, summarize, runBenchmark } from './stats';

const TARGET_P99_MS = 1;
const WARM_UP_CALLS = 500;
const CALL_SEED = 7_919;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The call mix
// ---------------------------------------------------------------------------------------------

type VendorPick = 'shares' | 'random' | 'unknown';
type WarehousePick = 'override' | 'plain' | 'unknown';
type EnteredPick = 'none' | 'shared' | 'scheme' | 'catalogue' | 'unknown';

interface PlannedCall {
  sessionKey: string;
  draft: HeaderDraftValues;
  picks: { vendor: VendorPick; warehouse: WarehousePick; entered: EnteredPick };
}

/**
 * A deterministic mix of header drafts: a random active operator; a random warehouse, often one the
 * operator's scheme overrides; a vendor that mostly shares a cost center with the list that applies
 * (some random ones, some unknown codes); and half the time an entered cost center.
 */
function planCalls(data: GeneratedDataset, sessions: SessionStore, count: number): PlannedCall[] {
  const random = new Random(CALL_SEED);
  const code = (costCenterId: number) => data.costCenters[costCenterId - 1]?.code ?? 'CC-MISSING';
  const schemeOf = (schemeId: number | null): GeneratedScheme | undefined => (schemeId === null ? undefined : data.schemes[schemeId - 1]);
  const activeOperators = data.operators.filter((operator) => operator.active);

  // One sign-in session per operator; about a third already have a sticky cost center (rule 4a).
  const sessionKeys = new Map<number, string>();
  const sessionKeyFor = (operatorId: number, scheme: GeneratedScheme | undefined): string => {
    let key = sessionKeys.get(operatorId);
    if (key === undefined) {
      key = `bench-session-${operatorId}`;
      const session = sessions.start(key, operatorId);
      if (scheme && random.chance(1 / 3)) session.stickyCostCenterCode = code(random.pick(scheme.costCenterIds));
      sessionKeys.set(operatorId, key);
    }
    return key;
  };

  const calls: PlannedCall[] = [];
  for (let i = 0; i < count; i++) {
    const operator = random.pick(activeOperators);
    const scheme = schemeOf(operator.schemeId);
    const sessionKey = sessionKeyFor(operator.id, scheme);

    // Warehouse: 35% one the scheme overrides (when it has any), 1% an unknown code, else any.
    let warehousePick: WarehousePick;
    let warehouseCode: string;
    let effective: readonly number[] = scheme?.costCenterIds ?? [];
    if (scheme && scheme.warehouseOverrides.length > 0 && random.chance(0.35)) {
      const override = random.pick(scheme.warehouseOverrides);
      warehousePick = 'override';
      warehouseCode = override.warehouseCode;
      if (override.costCenterIds.length > 0) effective = override.costCenterIds;
    } else if (random.chance(0.01)) {
      warehousePick = 'unknown';
      warehouseCode = 'WH-NONE';
    } else {
      const warehouse = random.pick(data.warehouses);
      warehousePick = 'plain';
      warehouseCode = warehouse.code;
      const override = scheme?.warehouseOverrides.find((candidate) => candidate.warehouseCode === warehouse.code);
      if (override) {
        warehousePick = 'override';
        if (override.costCenterIds.length > 0) effective = override.costCenterIds;
      }
    }

    // Vendor: 78% one sharing a cost center with the list that applies (override or scheme),
    // 17% any vendor, 5% an unknown code.
    let vendorPick: VendorPick;
    let vendorCostCenters: readonly number[] = [];
    let vendorCode: string;
    const roll = random.next();
    const sharing = effective.length > 0 && roll < 0.78 ? data.vendorIdsByCostCenter.get(random.pick(effective)) : undefined;
    if (sharing && sharing.length > 0) {
      const vendor = data.vendors[random.pick(sharing) - 1]!;
      vendorPick = 'shares';
      vendorCode = vendor.code;
      vendorCostCenters = vendor.costCenterIds;
    } else if (roll < 0.95) {
      const vendor = random.pick(data.vendors);
      vendorPick = 'random';
      vendorCode = vendor.code;
      vendorCostCenters = vendor.costCenterIds;
    } else {
      vendorPick = 'unknown';
      vendorCode = `VX${random.int(100_000, 999_999)}`;
    }

    // Entered cost center, half the time: mostly one the vendor shares, sometimes off-list or unknown.
    let enteredPick: EnteredPick = 'none';
    let costCenterCode: string | null = null;
    if (random.chance(0.5)) {
      const enteredRoll = random.next();
      const shared = effective.filter((id) => vendorCostCenters.includes(id));
      if (enteredRoll < 0.6 && (shared.length > 0 || effective.length > 0)) {
        enteredPick = 'shared';
        costCenterCode = code(random.pick(shared.length > 0 ? shared : effective));
      } else if (enteredRoll < 0.85 && scheme) {
        enteredPick = 'scheme';
        costCenterCode = code(random.pick(scheme.costCenterIds));
      } else if (enteredRoll < 0.95) {
        enteredPick = 'catalogue';
        costCenterCode = code(random.int(1, data.costCenters.length));
      } else {
        enteredPick = 'unknown';
        costCenterCode = 'CC-NOPE';
      }
    }

    calls.push({
      sessionKey,
      draft: { vendorCode, warehouseCode, costCenterCode },
      picks: { vendor: vendorPick, warehouse: warehousePick, entered: enteredPick },
    });
  }
  return calls;
}

// ---------------------------------------------------------------------------------------------
// One call, as the app makes it
// ---------------------------------------------------------------------------------------------

/** What a resolveHeader IPC call does: find the caller afresh, load the header's facts, apply the rules. */
async function resolveOnce(db: Db, sessions: SessionStore, call: PlannedCall): Promise<HeaderVerdict> {
  const session = sessions.get(call.sessionKey);
  if (!session) throw new Error(`no session ${call.sessionKey}`);
  const operator = await findOperatorById(db, session.operatorId);
  if (!operator || !operator.active) throw new Error(`operator ${session.operatorId} is not an active operator`);
  const caller: Caller = { sessionKey: call.sessionKey, session, operator };
  const loaded = await loadHeader(db, caller, call.draft);
  return resolveHeader(loaded.facts);
}

interface VerdictMix {
  vendorOk: number;
  vendorRefused: number;
  warehouseOk: number;
  warehouseRefused: number;
  overrideApplied: number;
  defaulted: number;
  defaultedBySource: Record<string, number>;
  missing: number;
  enteredOk: number;
  enteredRefused: number;
}

function emptyMix(): VerdictMix {
  return {
    vendorOk: 0,
    vendorRefused: 0,
    warehouseOk: 0,
    warehouseRefused: 0,
    overrideApplied: 0,
    defaulted: 0,
    defaultedBySource: {},
    missing: 0,
    enteredOk: 0,
    enteredRefused: 0,
  };
}

function tally(mix: VerdictMix, verdict: HeaderVerdict): void {
  if (verdict.vendor.status === 'ok') mix.vendorOk++;
  else mix.vendorRefused++;
  if (verdict.warehouse.status === 'ok') mix.warehouseOk++;
  else mix.warehouseRefused++;
  if (verdict.warehouse.overrideApplied) mix.overrideApplied++;
  const costCenter = verdict.costCenter;
  if (costCenter.source === 'entered') {
    if (costCenter.status === 'ok') mix.enteredOk++;
    else mix.enteredRefused++;
  } else if (costCenter.status === 'ok') {
    mix.defaulted++;
    mix.defaultedBySource[costCenter.source] = (mix.defaultedBySource[costCenter.source] ?? 0) + 1;
  } else {
    mix.missing++;
  }
}

// ---------------------------------------------------------------------------------------------
// Per-query breakdown: the same calls, each read made on its own and timed
// ---------------------------------------------------------------------------------------------

const PARTS = [
  'findOperatorById',
  'readCostCentersEnabled',
  'schemeCostCenters',
  'findVendorByCode',
  'findWarehouseByCode',
  'findCostCenterByCode',
  'overrideCostCenters',
  'resolveHeader (pure)',
] as const;
type Part = (typeof PARTS)[number];

async function timeParts(db: Db, sessions: SessionStore, calls: readonly PlannedCall[]): Promise<Map<Part, number[]>> {
  const samples = new Map<Part, number[]>(PARTS.map((part) => [part, []]));
  const timed = async <T>(part: Part, run: () => Promise<T> | T): Promise<T> => {
    const start = process.hrtime.bigint();
    const result = await run();
    samples.get(part)!.push(nsToMs(process.hrtime.bigint() - start));
    return result;
  };
  for (const call of calls) {
    const session = sessions.get(call.sessionKey)!;
    const operator = (await timed('findOperatorById', () => findOperatorById(db, session.operatorId)))!;
    await timed('readCostCentersEnabled', () => readCostCentersEnabled(db));
    await timed('schemeCostCenters', () => schemeCostCenters(db, operator.schemeId));
    await timed('findVendorByCode', () => findVendorByCode(db, call.draft.vendorCode));
    const warehouse = await timed('findWarehouseByCode', () => findWarehouseByCode(db, call.draft.warehouseCode));
    const entered = call.draft.costCenterCode;
    if (entered !== null) await timed('findCostCenterByCode', () => findCostCenterByCode(db, entered));
    if (warehouse) await timed('overrideCostCenters', () => overrideCostCenters(db, operator.schemeId, 'warehouse', warehouse.code));
    const loaded = await loadHeader(db, { sessionKey: call.sessionKey, session, operator }, call.draft);
    await timed('resolveHeader (pure)', () => resolveHeader(loaded.facts));
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------

const ms = (value: number) => value.toFixed(3);
const int = (value: number) => value.toLocaleString('en-US');
const pct = (part: number, whole: number) => (whole === 0 ? '0.0%' : `${((100 * part) / whole).toFixed(1)}%`);

function table(headers: string[], rows: (string | number)[][], align: ('l' | 'r')[] = []): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (align[column] === 'l' ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].map((row) => `  ${row}`).join('\n');
}

function countBy<T extends string>(values: T[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const describeCounts = (counts: Record<string, number>, total: number) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([key, count]) => `${key} ${int(count)} (${pct(count, total)})`)
    .join(', ');

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const benchStart = process.hrtime.bigint();
  const sizes = sizesFromEnv();
  const measuredCalls = intFromEnv('BENCH_CALLS', 10_000);
  const withParts = process.env.BENCH_PARTS !== '0';

  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const file = join(dir, 'bench.sqlite');
  const db = openSqlite(file);
  try {
    const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(db);
    console.log('PO header benchmark');
    console.log(
      `  node ${process.version}, SQLite ${rows[0]?.version ?? '?'}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ${process.platform}/${process.arch}`,
    );
    console.log(`  database: ${file} (WAL, removed afterwards)\n`);

    await migrateToLatest(db);
    const generationStart = process.hrtime.bigint();
    const data = await generateDataset(db, sizes, DEFAULT_SEED);
    const generationMs = nsToMs(process.hrtime.bigint() - generationStart);

    const countsTable: (string | number)[][] = [
      ['cost centers', int(sizes.costCenters), `${int(data.costCenters.filter((costCenter) => !costCenter.active).length)} inactive`],
      [
        'schemes',
        int(sizes.schemes),
        `${int(data.rowCounts.scheme_cost_centers ?? 0)} list entries; ` +
          `${int(data.schemes.filter((scheme) => scheme.warehouseOverrides.length > 0).length)} with warehouse overrides ` +
          `(${int(data.schemes.reduce((sum, scheme) => sum + scheme.warehouseOverrides.filter((o) => o.costCenterIds.length === 0).length, 0))} empty)`,
      ],
      [
        'operators',
        int(sizes.operators),
        `${int(data.operators.filter((operator) => operator.schemeId === null).length)} without scheme, ` +
          `${int(data.operators.filter((operator) => !operator.active).length)} inactive`,
      ],
      ['vendors', int(sizes.vendors), `${int(data.rowCounts.vendor_cost_centers ?? 0)} vendor cost-center links`],
      ['warehouses', int(sizes.warehouses), ''],
      ['scheme overrides', int(data.rowCounts.scheme_overrides ?? 0), `${int(data.rowCounts.scheme_override_cost_centers ?? 0)} listed cost centers`],
    ];
    const totalRows = Object.values(data.rowCounts).reduce((sum, count) => sum + count, 0);
    console.log(`Dataset (seed ${data.seed}${process.env.BENCH_SCALE ? `, BENCH_SCALE=${process.env.BENCH_SCALE}` : ''})`);
    console.log(table(['table', 'rows', 'notes'], countsTable, ['l', 'r', 'l']));
    console.log(`  generated ${int(totalRows)} rows in ${ms(generationMs)} ms (one transaction, ${INSERT_CHUNK}-row inserts)\n`);

    const sessions = new SessionStore();
    const plan = planCalls(data, sessions, WARM_UP_CALLS + measuredCalls);
    const warmUp = plan.slice(0, WARM_UP_CALLS);
    const measured = plan.slice(WARM_UP_CALLS);

    for (const call of warmUp) await resolveOnce(db, sessions, call);

    const durations = new Float64Array(measured.length);
    const mix = emptyMix();
    const runStart = process.hrtime.bigint();
    for (let i = 0; i < measured.length; i++) {
      const call = measured[i]!;
      const start = process.hrtime.bigint();
      const verdict = await resolveOnce(db, sessions, call);
      durations[i] = nsToMs(process.hrtime.bigint() - start);
      tally(mix, verdict);
    }
    const runMs = nsToMs(process.hrtime.bigint() - runStart);
    const summary: Summary = summarize(durations);

    const n = measured.length;
    console.log(`Input mix over ${int(n)} measured calls (after ${int(WARM_UP_CALLS)} warm-up calls)`);
    console.log(`  vendor:       ${describeCounts(countBy(measured.map((call) => call.picks.vendor)), n)}`);
    console.log(`  warehouse:    ${describeCounts(countBy(measured.map((call) => call.picks.warehouse)), n)}`);
    console.log(`  cost center:  ${describeCounts(countBy(measured.map((call) => call.picks.entered)), n)}`);
    const distinctOperators = new Set(measured.map((call) => call.sessionKey)).size;
    console.log(`  ${int(distinctOperators)} distinct operators/sessions\n`);

    console.log('Verdict mix');
    console.log(
      table(
        ['verdict', 'calls', 'share'],
        [
          ['vendor ok', int(mix.vendorOk), pct(mix.vendorOk, n)],
          ['vendor refused', int(mix.vendorRefused), pct(mix.vendorRefused, n)],
          ['warehouse ok', int(mix.warehouseOk), pct(mix.warehouseOk, n)],
          ['warehouse refused', int(mix.warehouseRefused), pct(mix.warehouseRefused, n)],
          ['  of which override applied (ok)', int(mix.overrideApplied), pct(mix.overrideApplied, n)],
          ['cost center defaulted', int(mix.defaulted), pct(mix.defaulted, n)],
          ...Object.entries(mix.defaultedBySource).map(([source, count]) => [`  by ${source}`, int(count), pct(count, n)]),
          ['cost center left to pick (missing)', int(mix.missing), pct(mix.missing, n)],
          ['entered cost center ok', int(mix.enteredOk), pct(mix.enteredOk, n)],
          ['entered cost center refused', int(mix.enteredRefused), pct(mix.enteredRefused, n)],
        ],
        ['l', 'r', 'r'],
      ),
    );
    console.log('');

    console.log('Header resolution per call (findOperatorById + loadHeader + resolveHeader), ms');
    console.log(
      table(
        ['calls', 'p50', 'p90', 'p99', 'max', 'mean', 'calls/s'],
        [[int(summary.count), ms(summary.p50), ms(summary.p90), ms(summary.p99), ms(summary.max), ms(summary.mean), int(Math.round((n / runMs) * 1000))]],
      ),
    );
    console.log('');

    if (withParts) {
      const parts = await timeParts(db, sessions, measured);
      const partSummaries = PARTS.map((part) => [part, parts.get(part)!] as const)
        .filter(([, samples]) => samples.length > 0)
        .map(([part, samples]) => ({ part, summary: summarize(samples), total: samples.reduce((sum, value) => sum + value, 0) }));
      const grandTotal = partSummaries.reduce((sum, entry) => sum + entry.total, 0);
      console.log('Breakdown: each read timed on its own, same calls, ms');
      console.log(
        table(
          ['part', 'calls', 'p50', 'p99', 'max', 'mean', 'share of time'],
          partSummaries.map(({ part, summary: s, total }) => [part, int(s.count), ms(s.p50), ms(s.p99), ms(s.max), ms(s.mean), pct(total, grandTotal)]),
          ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        ),
      );
      console.log('');
    }

    const pass = summary.p99 < TARGET_P99_MS;
    const banner = pass
      ? `PASS  p99 ${ms(summary.p99)} ms < ${TARGET_P99_MS} ms target`
      : `FAIL  p99 ${ms(summary.p99)} ms >= ${TARGET_P99_MS} ms target`;
    console.log('='.repeat(banner.length + 4));
    console.log(`  ${banner}`);
    console.log('='.repeat(banner.length + 4));
    console.log('');

    // The same world and the same calls on PostgreSQL, beside hand-written SQL through pg.
    const world = new BetterSqlite3(file, { readonly: true });
    try {
      await runHeaderBenchOnPostgres(world, sessions, warmUp, measured);
    } finally {
      world.close();
    }
    console.log(`Whole benchmark: ${ms(nsToMs(process.hrtime.bigint() - benchStart) / 1000)} s`);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBenchmark(main);
