/**
 * The line-save benchmark's PostgreSQL side: the same new 200-line POs saved through the real
 * service on a pg pool (as the desk server saves them), beside the same rows written with
 * hand-written SQL through the same pg driver, in alternating blocks.
 */
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { ParsedInputOf } from '../src/shared/contracts';
import { lineTotalMinor } from '../src/shared/money';
import { type Caller, createDesk } from '../src/main/services/desk';
import { savePurchaseOrder } from '../src/main/services/po-service';
import type { Db } from '../src/main/store/connect';
import { findOperatorById } from '../src/main/store/repositories/operator-repo';
import { poNumber } from './generate-data';
import { BLOCKS, REWARM, type Timed, timeSides } from './line-save-timing';
import { type BenchPostgres, benchPostgres, copySqliteWorld, openBenchStore } from './postgres-bench';
import { nsToMs, type Summary, summarize } from './stats';

type SaveInput = ParsedInputOf<'savePo'>;

export const LINE_SAVE_TARGET_RATIO = 1.5;

export interface PostgresLineWorld {
  server: BenchPostgres;
  db: Db;
  pool: pg.Pool;
  copied: number;
  copyMs: number;
}

/** A server with the generated world copied in, before anything is saved on SQLite; or why there is none. */
export async function preparePostgresLineWorld(sqlite: BetterSqlite3.Database): Promise<PostgresLineWorld | { skipped: string }> {
  const server = await benchPostgres();
  if ('skipped' in server) return server;
  const db = openBenchStore(server.url);
  const started = process.hrtime.bigint();
  try {
    const copied = await copySqliteWorld(sqlite, db);
    const pool = new pg.Pool({ connectionString: server.url, max: 10 });
    // pool.end() lets go of its clients before their sockets close; the database dropped after it ends them.
    pool.on('error', () => undefined);
    return { server, db, pool, copied, copyMs: nsToMs(process.hrtime.bigint() - started) };
  } catch (error) {
    await db.destroy();
    await server.close();
    throw error;
  }
}

export async function closePostgresLineWorld(world: PostgresLineWorld): Promise<void> {
  await world.pool.end();
  await world.db.destroy();
  await world.server.close();
}

/** `(${1}, ..., ${columns})` row groups for `rows` rows, numbered from `first`. */
function valueRows(rows: number, columns: number, first = 1): string {
  const groups: string[] = [];
  for (let row = 0; row < rows; row++) {
    groups.push(`(${Array.from({ length: columns }, (_, column) => `$${first + row * columns + column}`).join(', ')})`);
  }
  return groups.join(', ');
}

/**
 * Writes what a successful service save writes — the next PO number, the header, every line and
 * its distribution, `auditRows` audit rows — as a careful hand would on PostgreSQL: one
 * transaction, the counter moved on and read in one UPDATE, the lines in one multi-row INSERT
 * answering their ids, their distributions in another, the audit rows in a third, each a named
 * statement prepared once per connection. Codes are
 * resolved to ids from maps loaded up front: no rule is checked and nothing is looked up.
 */
async function handWrittenSaver(pool: pg.Pool, operatorId: number, auditRows: number, wipGlAccounts: ReadonlySet<string>) {
  const ids = async (table: string) => new Map((await pool.query<[string, string]>({ text: `select code, id from ${table}`, rowMode: 'array' })).rows.map(([code, id]) => [code, Number(id)]));
  const [vendors, warehouses, costCenters, items, glAccounts, jobs, costTypes] = await Promise.all(
    ['vendors', 'warehouses', 'cost_centers', 'items', 'gl_accounts', 'jobs', 'cost_types'].map(ids),
  );
  const workOrders = new Map(
    (await pool.query<[string, string, string, string | null]>({ text: 'select code, id, cost_center_id, job_id from work_orders', rowMode: 'array' })).rows.map(
      ([code, id, costCenterId, jobId]) => [code, { id: Number(id), costCenterId: Number(costCenterId), jobId: jobId === null ? null : Number(jobId) }],
    ),
  );
  const idOf = (map: Map<string, number> | undefined, code: string | null) => (code === null ? null : (map?.get(code) ?? null));
  const texts = new Map<string, string>();
  const text = (key: string, make: () => string) => {
    let made = texts.get(key);
    if (made === undefined) texts.set(key, (made = make()));
    return made;
  };
  // Prepared once per connection, as the app's hot statements are (see prepared-statements.ts).
  const names = new Map<string, string>();
  const prepared = (statement: string, values?: unknown[]): pg.QueryConfig => {
    let name = names.get(statement);
    if (name === undefined) names.set(statement, (name = `hand_${names.size + 1}`));
    return { name, text: statement, values };
  };

  return async (input: SaveInput): Promise<number> => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const at = new Date().toISOString();
      const { rows: counter } = await client.query<{ value: string }>(prepared("update settings set value = (value::bigint + 1)::text where key = 'next_po_number' returning value"));
      const number = Number(counter[0]?.value) - 1;
      const totals = input.lines.map((line) => lineTotalMinor(line.quantityMilli, line.unitCostMinor));
      const { rows: po } = await client.query<{ id: string }>(
        prepared(
          "insert into purchase_orders (number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at) values ($1, $2, $3, $4, 'draft', $5, 1, $6, $7, $8) returning id",
          [
            poNumber(number),
            idOf(vendors, input.vendorCode),
            idOf(warehouses, input.warehouseCode),
            idOf(costCenters, input.costCenterCode),
            operatorId,
            totals.reduce((sum, total) => sum + total, 0),
            at,
            at,
          ],
        ),
      );
      const poId = Number(po[0]?.id);

      const lineValues: unknown[] = [];
      input.lines.forEach((line, index) => lineValues.push(poId, index + 1, idOf(items, line.itemCode), line.description, line.quantityMilli, line.unitCostMinor, totals[index]));
      const { rows: lineRows } = await client.query<{ id: string; line_number: string }>(
        prepared(
          text(`lines:${input.lines.length}`, () => `insert into po_lines (po_id, line_number, item_id, description, quantity_milli, unit_cost_minor, total_minor) values ${valueRows(input.lines.length, 7)} returning id, line_number`),
          lineValues,
        ),
      );
      const lineIds = new Map(lineRows.map((row) => [Number(row.line_number), Number(row.id)]));

      const distributionValues: unknown[] = [];
      const audits: unknown[][] = [[at, operatorId, 'override-applied', poId, null, null, 'warehouse-override', input.costCenterCode, `Used the override for warehouse ${input.warehouseCode}.`]];
      input.lines.forEach((line, index) => {
        const lineId = lineIds.get(index + 1) as number;
        const workOrder = line.workOrderCode === null ? undefined : workOrders.get(line.workOrderCode);
        const costCenterId =
          workOrder && (line.distributionType === 'direct-wo-cost' || line.costCenterCode === null) ? workOrder.costCenterId : idOf(costCenters, line.costCenterCode ?? input.costCenterCode);
        distributionValues.push(
          lineId,
          line.distributionType,
          costCenterId,
          idOf(jobs, line.jobCode) ?? workOrder?.jobId ?? null,
          workOrder?.id ?? null,
          idOf(costTypes, line.costTypeCode),
          idOf(glAccounts, line.glAccountCode),
          totals[index],
        );
        if (line.glAccountCode !== null && wipGlAccounts.has(line.glAccountCode)) {
          audits.push([at, operatorId, 'override-applied', poId, lineId, index + 1, 'gl-wip-override', line.costCenterCode, `Line ${index + 1} was judged by WIP G/L account ${line.glAccountCode}.`]);
        }
      });
      await client.query(
        prepared(
          text(`distributions:${input.lines.length}`, () => `insert into po_line_distributions (line_id, distribution_type, cost_center_id, job_id, work_order_id, cost_type_id, gl_account_id, amount_minor) values ${valueRows(input.lines.length, 8)}`),
          distributionValues,
        ),
      );
      while (audits.length < auditRows) audits.push([at, operatorId, 'po-created', poId, null, null, 'entered', input.costCenterCode, `${input.lines.length} line(s); 0 deleted.`]);
      const written = audits.slice(0, auditRows);
      await client.query(
        prepared(
          text(`audit:${written.length}`, () => `insert into audit_log (at, operator_id, action, po_id, line_id, line_number, rule, after_value, detail) values ${valueRows(written.length, 9)}`),
          written.flat(),
        ),
      );
      await client.query('commit');
      return poId;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

/** A saved PO's header and lines with their distributions, without ids, numbers or times: what both sides must agree on. */
async function savedRows(pool: pg.Pool, poId: number): Promise<string> {
  const { rows: header } = await pool.query(
    'select vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor from purchase_orders where id = $1',
    [poId],
  );
  const { rows: lines } = await pool.query(
    `select l.line_number, l.item_id, l.description, l.quantity_milli, l.unit_cost_minor, l.total_minor,
            d.distribution_type, d.cost_center_id, d.job_id, d.work_order_id, d.cost_type_id, d.gl_account_id, d.amount_minor
       from po_lines l join po_line_distributions d on d.line_id = l.id where l.po_id = $1 order by l.line_number`,
    [poId],
  );
  return JSON.stringify({ header, lines });
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export interface LineSaveRun {
  operatorId: number;
  probeInput: SaveInput;
  inputs: readonly SaveInput[];
  warmUp: number;
  saves: number;
  linesPerPo: number;
  wipGlAccounts: ReadonlySet<string>;
}

export async function runLineSaveBenchOnPostgres(world: PostgresLineWorld, run: LineSaveRun): Promise<void> {
  const { db, pool } = world;
  console.log(`  ${world.server.describe}; the same ${world.copied.toLocaleString('en-US')} rows copied in ${(world.copyMs / 1000).toFixed(1)} s`);
  console.log('  service: pg pool of 10 through Kysely; hand-written: pg pool of 10, prepared multi-row INSERTs, one transaction per PO');

  const desk = createDesk(db);
  const session = desk.sessions.start('bench-line-save-postgres', run.operatorId);
  const operator = await findOperatorById(db, session.operatorId);
  if (!operator || !operator.active) throw new Error(`operator ${run.operatorId} is not an active operator`);
  const caller: Caller = { sessionKey: 'bench-line-save-postgres', session, operator };

  const auditCount = async () => Number((await pool.query<{ n: string }>('select count(*) as n from audit_log')).rows[0]?.n);
  const auditBefore = await auditCount();
  const probe = await savePurchaseOrder(desk, caller, run.probeInput);
  const auditRows = (await auditCount()) - auditBefore;
  const saveByHand = await handWrittenSaver(pool, operator.id, auditRows, run.wipGlAccounts);
  const handProbe = await saveByHand(run.probeInput);
  if ((await savedRows(pool, probe.id)) !== (await savedRows(pool, handProbe))) throw new Error('the hand-written baseline does not write the rows the service writes');
  if ((await auditCount()) - auditBefore !== 2 * auditRows) throw new Error('the hand-written baseline writes a different number of audit rows');
  console.log(`  a save writes 1 PO, ${run.linesPerPo} lines, ${run.linesPerPo} distributions and ${auditRows} audit rows; baseline rows checked identical`);

  const [service, hand] = (await timeSides(run.warmUp, run.saves, run.inputs, [async (input) => (await savePurchaseOrder(desk, caller, input)).id, saveByHand])) as [Timed, Timed];
  const s: Summary = summarize(service.samples);
  const h: Summary = summarize(hand.samples);
  const medianRatio = s.p50 / h.p50;
  const rows: [string, string, string][] = [
    ['service: savePurchaseOrder, every check', ms(s.p50), ms(s.p99)],
    ['hand-written SQL, same rows', ms(h.p50), ms(h.p99)],
    ['ratio service / hand-written', `${medianRatio.toFixed(2)}×`, `${(s.p99 / h.p99).toFixed(2)}×`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(
    `  New ${run.linesPerPo}-line PO: ${run.warmUp} warm-up saves per side, then ${run.saves} measured saves per side in ${Math.min(BLOCKS, run.saves)} alternating blocks (each after ${REWARM} unmeasured saves)`,
  );
  console.log(`  ${''.padEnd(width)}  ${'median'.padStart(9)}  ${'p99'.padStart(9)}`);
  for (const [label, median, p99] of rows) console.log(`  ${label.padEnd(width)}  ${median.padStart(9)}  ${p99.padStart(9)}`);
  console.log(`  target: median ratio ≤ ${LINE_SAVE_TARGET_RATIO}× — ${medianRatio <= LINE_SAVE_TARGET_RATIO ? 'met' : 'NOT met'}\n`);
}
