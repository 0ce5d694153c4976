/**
 * The header benchmark's PostgreSQL side: the same planned calls, resolved through the app's
 * repositories on a pg pool (as the desk server resolves them), beside the same reads written by
 * hand through the same pg driver, in alternating blocks.
 */
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { type CostCenter, type HeaderFacts, type HeaderVerdict, resolveHeader } from '../src/main/domain/cost-center-rules';
import type { Caller } from '../src/main/services/desk';
import { loadHeader } from '../src/main/services/header-service';
import type { SessionStore } from '../src/main/services/sessions';
import type { Db } from '../src/main/store/connect';
import { findOperatorById } from '../src/main/store/repositories/operator-repo';
import type { HeaderDraftValues } from '../src/main/services/header-service';
import { benchPostgres, copySqliteWorld, openBenchStore } from './postgres-bench';
import { nsToMs, type Summary, summarize } from './stats';

export const HEADER_TARGET_RATIO = 1.5;

export interface HeaderCall {
  sessionKey: string;
  draft: HeaderDraftValues;
}

/** What a resolveHeader IPC call does: find the caller afresh, load the header's facts, apply the rules. */
async function resolveThroughApp(db: Db, sessions: SessionStore, call: HeaderCall): Promise<HeaderVerdict> {
  const session = sessions.get(call.sessionKey);
  if (!session) throw new Error(`no session ${call.sessionKey}`);
  const operator = await findOperatorById(db, session.operatorId);
  if (!operator || !operator.active) throw new Error(`operator ${session.operatorId} is not an active operator`);
  const caller: Caller = { sessionKey: call.sessionKey, session, operator };
  return resolveHeader((await loadHeader(db, caller, call.draft)).facts);
}

type CostCenterRow = { code: string; description: string; active: string | number };
const toCostCenter = (row: CostCenterRow): CostCenter => ({ code: row.code, description: row.description, active: Number(row.active) === 1 });

/**
 * The same reads by hand: the operator, then (at once, as loadHeader does) the setting, the
 * scheme's list, the vendor with its cost centers, the warehouse and the entered cost center, then
 * the warehouse override; each a named statement on the pool, prepared once per connection.
 */
function resolveByHand(pool: pg.Pool, sessions: SessionStore) {
  // Each text prepared once per connection, as the app's precompiled queries are (see prepared-statements.ts).
  const names = new Map<string, string>();
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    let name = names.get(text);
    if (name === undefined) names.set(text, (name = `hand_${names.size + 1}`));
    return pool.query<R>({ name, text, values });
  };
  return async (call: HeaderCall): Promise<HeaderVerdict> => {
    const session = sessions.get(call.sessionKey);
    if (!session) throw new Error(`no session ${call.sessionKey}`);
    const { rows: operators } = await query<{ display_name: string; scheme_id: string | null; scheme_name: string | null; active: string }>(
      'select o.display_name, o.scheme_id, s.name as scheme_name, o.active from operators o left join schemes s on s.id = o.scheme_id where o.id = $1',
      [session.operatorId],
    );
    const operator = operators[0];
    if (!operator || Number(operator.active) !== 1) throw new Error(`operator ${session.operatorId} is not an active operator`);
    const schemeId = operator.scheme_id;
    const { vendorCode, warehouseCode, costCenterCode } = call.draft;
    const [enabled, schemeList, vendor, warehouse, entered] = await Promise.all([
      query<{ value: string }>("select value from settings where key = 'cost_centers_enabled'"),
      schemeId === null
        ? { rows: [] as CostCenterRow[] }
        : query<CostCenterRow>(
            'select cc.code, cc.description, cc.active from scheme_cost_centers sc join cost_centers cc on cc.id = sc.cost_center_id where sc.scheme_id = $1 order by sc.position',
            [schemeId],
          ),
      vendorCode === ''
        ? undefined
        : query<{ id: string; code: string; name: string }>('select id, code, name from vendors where code = $1', [vendorCode]).then(async ({ rows: [row] }) => {
            if (!row) return undefined;
            const { rows } = await query<{ code: string }>(
              'select cc.code from vendor_cost_centers vc join cost_centers cc on cc.id = vc.cost_center_id where vc.vendor_id = $1 order by cc.code',
              [row.id],
            );
            return { code: row.code, name: row.name, costCenterCodes: rows.map((link) => link.code) };
          }),
      warehouseCode === '' ? undefined : query<{ code: string; name: string }>('select code, name from warehouses where code = $1', [warehouseCode]).then(({ rows: [row] }) => row),
      costCenterCode === null
        ? undefined
        : query<CostCenterRow>('select code, description, active from cost_centers where code = $1', [costCenterCode]).then(({ rows: [row] }) => row && toCostCenter(row)),
    ]);
    let overrideList: CostCenter[] | null = null;
    if (warehouse && schemeId !== null) {
      const { rows } = await query<{ code: string | null; description: string | null; active: string | null }>(
        `select cc.code, cc.description, cc.active from scheme_overrides o
           left join scheme_override_cost_centers oc on oc.override_id = o.id left join cost_centers cc on cc.id = oc.cost_center_id
          where o.scheme_id = $1 and o.kind = 'warehouse' and o.override_key = $2 order by oc.position`,
        [schemeId, warehouse.code],
      );
      if (rows.length > 0) overrideList = rows.flatMap((row) => (row.code === null ? [] : [toCostCenter(row as CostCenterRow)]));
    }
    const facts: HeaderFacts = {
      costCentersEnabled: enabled.rows[0]?.value !== 'false',
      operator: {
        displayName: operator.display_name,
        schemeName: operator.scheme_name,
        schemeCostCenters: schemeList.rows.map(toCostCenter),
        stickyCostCenterCode: session.stickyCostCenterCode,
      },
      vendorCode,
      vendor,
      warehouseCode,
      warehouse: warehouse && { code: warehouse.code, name: warehouse.name, overrideCostCenters: overrideList },
      enteredCostCenterCode: costCenterCode,
      enteredCostCenter: entered,
    };
    return resolveHeader(facts);
  };
}

const BLOCKS = 10;

/** Warm-up on both sides, then the measured calls in alternating blocks: a change in machine load hits both alike. */
async function timeBoth(warmUp: readonly HeaderCall[], measured: readonly HeaderCall[], sides: ((call: HeaderCall) => Promise<HeaderVerdict>)[]): Promise<number[][]> {
  for (const side of sides) for (const call of warmUp) await side(call);
  const samples = sides.map(() => [] as number[]);
  const perBlock = Math.ceil(measured.length / BLOCKS);
  for (let start = 0; start < measured.length; start += perBlock) {
    for (const [index, side] of sides.entries()) {
      for (const call of measured.slice(start, start + perBlock)) {
        const started = process.hrtime.bigint();
        await side(call);
        (samples[index] as number[]).push(nsToMs(process.hrtime.bigint() - started));
      }
    }
  }
  return samples;
}

const ms = (value: number) => value.toFixed(3);

/** Runs the PostgreSQL side on the world in `sqlite` and prints it; says so and returns when there is no server. */
export async function runHeaderBenchOnPostgres(sqlite: BetterSqlite3.Database, sessions: SessionStore, warmUp: readonly HeaderCall[], measured: readonly HeaderCall[]): Promise<void> {
  console.log('PostgreSQL');
  const server = await benchPostgres();
  if ('skipped' in server) {
    console.log(`  skipped: ${server.skipped}\n`);
    return;
  }
  const db = openBenchStore(server.url);
  const pool = new pg.Pool({ connectionString: server.url, max: 10 });
  // pool.end() lets go of its clients before their sockets close; the database dropped after it ends them.
  pool.on('error', () => undefined);
  try {
    const copyStarted = process.hrtime.bigint();
    const copied = await copySqliteWorld(sqlite, db);
    console.log(`  ${server.describe}; the same ${copied.toLocaleString('en-US')} rows copied in ${(nsToMs(process.hrtime.bigint() - copyStarted) / 1000).toFixed(1)} s`);
    console.log('  app: pg pool of 10 through Kysely; hand-written: pg pool of 10, prepared statements, the same reads at once');

    const app = (call: HeaderCall) => resolveThroughApp(db, sessions, call);
    const hand = resolveByHand(pool, sessions);
    for (const call of warmUp) {
      const [viaApp, viaHand] = [await app(call), await hand(call)];
      if (JSON.stringify(viaApp) !== JSON.stringify(viaHand)) throw new Error(`the hand-written reads judge ${JSON.stringify(call.draft)} differently`);
    }
    console.log(`  ${warmUp.length.toLocaleString('en-US')} warm-up calls judged identically by both sides`);

    const [appSamples, handSamples] = (await timeBoth(warmUp, measured, [app, hand])) as [number[], number[]];
    const a: Summary = summarize(appSamples);
    const h: Summary = summarize(handSamples);
    const ratio = a.p50 / h.p50;
    const rows: [string, string, string, string][] = [
      ['app: findOperatorById + loadHeader + resolveHeader', ms(a.p50), ms(a.p90), ms(a.p99)],
      ['hand-written SQL, same reads + resolveHeader', ms(h.p50), ms(h.p90), ms(h.p99)],
      ['ratio app / hand-written', `${ratio.toFixed(2)}×`, `${(a.p90 / h.p90).toFixed(2)}×`, `${(a.p99 / h.p99).toFixed(2)}×`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`  ${measured.length.toLocaleString('en-US')} measured calls per side in ${BLOCKS} alternating blocks, ms`);
    console.log(`  ${''.padEnd(width)}  ${'p50'.padStart(7)}  ${'p90'.padStart(7)}  ${'p99'.padStart(7)}`);
    for (const [label, ...cells] of rows) console.log(`  ${label.padEnd(width)}  ${cells.map((cell) => cell.padStart(7)).join('  ')}`);
    console.log(`  target: median ratio ≤ ${HEADER_TARGET_RATIO}× — ${ratio <= HEADER_TARGET_RATIO ? 'met' : 'NOT met'}\n`);
  } finally {
    await pool.end();
    await db.destroy();
    await server.close();
  }
}
