/**
 * Line-save benchmark: saving a new 200-line PO through the real service — every line rule
 * checked (work orders, direct work-order cost, jobs and cost types, WIP G/L overrides, the
 * warehouse override) — on a database already holding about a million PO lines, beside the same
 * rows written with hand-written SQL through the same better-sqlite3 driver.
 *
 *   npm run bench                          full size (5,000 POs × 200 lines on file)
 *   BENCH_SCALE=0.01 npm run bench         a quick, small world
 *   BENCH_SAVES=400 npm run bench          measured saves per side (default 200, after 20 warm-up saves)
 *
 * A measurement, not a test: the exit code is 0 whether the ratio target is met or not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { contracts, type ParsedInputOf } from '../src/shared/contracts';
import { lineTotalMinor } from '../src/shared/money';
import { createDesk } from '../src/main/services/desk';
import { loadPoDetail } from '../src/main/services/po-access-service';
import { savePurchaseOrder } from '../src/main/services/po-service';
import { migrateToLatest, openSqlite } from '../src/main/store/connect';
import { findOperatorById } from '../src/main/store/repositories/operator-repo';
import { Random } from './generate-data';
import { nsToMs, type Summary, summarize } from './stats';

const TARGET_RATIO = 1.5;
const LINES_PER_PO = 200;
const WARM_UP = 20;
const COST_CENTERS = 200;
/** The bench operator's scheme lists cost centers 1..50; the warehouse override narrows it to 1..30, the WIP override to 1..10. */
const SCHEME_SIZE = 50;
const WAREHOUSE_LIST = 30;
const WIP_LIST = 10;

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const scale = positiveFromEnv('BENCH_SCALE', 1);
const storedPos = Math.max(10, Math.round(5_000 * scale));
const saves = Math.round(positiveFromEnv('BENCH_SAVES', 200));
const jobs = Math.max(50, Math.round(2_000 * scale));
const workOrders = Math.max(200, Math.round(10_000 * scale));

/** 0 ≤ result < n. */
const below = (random: Random, n: number): number => random.int(0, n - 1);

const ccCode = (n: number) => `C${String(n).padStart(4, '0')}`;
const glCode = (n: number) => String(5000 + n);
const WIP_GL = glCode(1);

/** Writes the reference data and the stored POs with raw prepared statements: fast, and no rules are being measured here. */
function generate(sqlite: BetterSqlite3.Database, random: Random): void {
  const at = '2026-11-01T00:00:00.000Z';
  sqlite.transaction(() => {
    const insertCc = sqlite.prepare('insert into cost_centers (code, description) values (?, ?)');
    for (let n = 1; n <= COST_CENTERS; n++) insertCc.run(ccCode(n), `Cost center ${n}`);
    sqlite.prepare("insert into settings (key, value) values ('cost_centers_enabled', 'true'), ('next_po_number', ?)").run(String(storedPos + 1));
    sqlite.prepare("insert into schemes (name) values ('BENCH')").run();
    const schemeCc = sqlite.prepare('insert into scheme_cost_centers (scheme_id, cost_center_id, position) values (1, ?, ?)');
    for (let n = 1; n <= SCHEME_SIZE; n++) schemeCc.run(n, n);
    const override = sqlite.prepare('insert into scheme_overrides (scheme_id, kind, override_key) values (1, ?, ?)');
    const overrideCc = sqlite.prepare('insert into scheme_override_cost_centers (override_id, cost_center_id, position) values (?, ?, ?)');
    const addOverride = (kind: string, key: string, last: number) => {
      const id = Number(override.run(kind, key).lastInsertRowid);
      for (let n = 1; n <= last; n++) overrideCc.run(id, n, n);
    };
    addOverride('warehouse', 'W1', WAREHOUSE_LIST);
    addOverride('gl-wip', WIP_GL, WIP_LIST);
    for (let site = 1; site <= 100; site++) addOverride('site', `${site} Bench St`, 5);
    sqlite.prepare("insert into operators (sign_in_name, display_name, role, password_hash, scheme_id) values ('bench', 'Bench Operator', 'operator', 'x', 1)").run();
    const vendor = sqlite.prepare('insert into vendors (code, name) values (?, ?)');
    const vendorCc = sqlite.prepare('insert into vendor_cost_centers (vendor_id, cost_center_id) values (?, ?)');
    for (let n = 1; n <= 100; n++) {
      vendor.run(`V${n}`, `Vendor ${n}`);
      for (let c = 1; c <= 20; c++) vendorCc.run(n, ((n + c * 7) % COST_CENTERS) + 1);
    }
    vendorCc.run(1, 1);
    const warehouse = sqlite.prepare('insert into warehouses (code, name) values (?, ?)');
    for (let n = 1; n <= 10; n++) warehouse.run(`W${n}`, `Warehouse ${n}`);
    const item = sqlite.prepare('insert into items (code, description, unit_cost_minor) values (?, ?, ?)');
    for (let n = 1; n <= 1_000; n++) item.run(`I${n}`, `Item ${n}`, 100 + n);
    const gl = sqlite.prepare('insert into gl_accounts (code, description, wip) values (?, ?, ?)');
    for (let n = 1; n <= 200; n++) gl.run(glCode(n), `G/L ${n}`, n <= 20 ? 1 : 0);
    for (const code of ['L', 'M', 'S', 'E', 'O']) sqlite.prepare('insert into cost_types (code, description) values (?, ?)').run(code, code);
    const job = sqlite.prepare('insert into jobs (code, description, site_address) values (?, ?, ?)');
    for (let n = 1; n <= jobs; n++) job.run(`J${n}`, `Job ${n}`, `${(n % 500) + 101} Bench St`);
    const workOrder = sqlite.prepare('insert into work_orders (code, job_id, cost_center_id, site_address) values (?, ?, ?, ?)');
    for (let n = 1; n <= workOrders; n++) workOrder.run(`WO${n}`, (n % jobs) + 1, (n % WAREHOUSE_LIST) + 1, '');

    const po = sqlite.prepare(
      "insert into purchase_orders (number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at) values (?, 1, 2, 1, 'draft', 1, 1, ?, ?, ?)",
    );
    const line = sqlite.prepare('insert into po_lines (po_id, line_number, item_id, description, quantity_milli, unit_cost_minor, total_minor) values (?, ?, ?, ?, ?, ?, ?)');
    const distribution = sqlite.prepare(
      "insert into po_line_distributions (line_id, distribution_type, cost_center_id, job_id, work_order_id, cost_type_id, gl_account_id, amount_minor) values (?, 'expense', ?, ?, ?, null, ?, ?)",
    );
    for (let n = 1; n <= storedPos; n++) {
      const poId = Number(po.run(`PO-${String(n).padStart(6, '0')}`, 0, at, at).lastInsertRowid);
      for (let l = 1; l <= LINES_PER_PO; l++) {
        const unit = 100 + below(random, 10_000);
        const lineId = Number(line.run(poId, l, below(random, 1_000) + 1, `Stored line ${l}`, 1_000, unit, unit).lastInsertRowid);
        const withWorkOrder = below(random, 4) === 0;
        distribution.run(lineId, below(random, SCHEME_SIZE) + 1, null, withWorkOrder ? below(random, workOrders) + 1 : null, below(random, 200) + 1, unit);
      }
    }
  })();
}

/** A 200-line PO that passes every check while exercising each kind of line. */
function planPo(random: Random): ParsedInputOf<'savePo'> {
  const lines = Array.from({ length: LINES_PER_PO }, (_, index) => {
    const base = { itemCode: `I${below(random, 1_000) + 1}`, description: `Line ${index + 1}`, quantityMilli: 1_000 + below(random, 9_000), unitCostMinor: 100 + below(random, 50_000) };
    const workOrder = `WO${below(random, workOrders) + 1}`;
    switch (index % 5) {
      case 0:
        return { ...base, glAccountCode: glCode(21 + below(random, 100)), costCenterCode: ccCode(below(random, WAREHOUSE_LIST) + 1) };
      case 1:
        return { ...base, glAccountCode: glCode(21 + below(random, 100)), workOrderCode: workOrder };
      case 2:
        return { ...base, distributionType: 'direct-wo-cost', glAccountCode: glCode(21 + below(random, 100)), workOrderCode: workOrder };
      case 3:
        return { ...base, distributionType: 'job-cost', jobCode: `J${below(random, jobs) + 1}`, costTypeCode: 'M', glAccountCode: glCode(21 + below(random, 100)) };
      default:
        return { ...base, glAccountCode: WIP_GL, costCenterCode: ccCode(below(random, WIP_LIST) + 1) };
    }
  });
  return contracts.savePo.input.parse({ vendorCode: 'V1', warehouseCode: 'W1', costCenterCode: ccCode(1), costCenterEntered: true, lines });
}

/** The same rows the service writes, by hand: next number, header, lines, distributions, audit rows. */
function handWrittenSaver(sqlite: BetterSqlite3.Database, auditRowsPerSave: number) {
  const ids = (table: string, column = 'code') => {
    const rows = sqlite.prepare(`select id, ${column} as key from ${table}`).all() as { id: number; key: string }[];
    return new Map(rows.map((row) => [row.key, row.id]));
  };
  const [items, ccs, gls, jobIds, workOrderIds, costTypes] = [ids('items'), ids('cost_centers'), ids('gl_accounts'), ids('jobs'), ids('work_orders'), ids('cost_types')];
  const workOrderRows = sqlite.prepare('select id, cost_center_id as cc, job_id as job from work_orders').all() as { id: number; cc: number; job: number }[];
  const workOrderById = new Map(workOrderRows.map((row) => [row.id, row]));
  const nextNumber = sqlite.prepare("select value from settings where key = 'next_po_number'");
  const setNumber = sqlite.prepare("update settings set value = ? where key = 'next_po_number'");
  const po = sqlite.prepare(
    "insert into purchase_orders (number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at) values (?, 1, 1, ?, 'draft', 1, 1, ?, ?, ?)",
  );
  const line = sqlite.prepare('insert into po_lines (po_id, line_number, item_id, description, quantity_milli, unit_cost_minor, total_minor) values (?, ?, ?, ?, ?, ?, ?)');
  const distribution = sqlite.prepare(
    'insert into po_line_distributions (line_id, distribution_type, cost_center_id, job_id, work_order_id, cost_type_id, gl_account_id, amount_minor) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const audit = sqlite.prepare("insert into audit_log (at, operator_id, action, po_id, rule, detail) values (?, 1, 'po-created', ?, 'entered', 'hand-written')");
  return sqlite.transaction((input: ParsedInputOf<'savePo'>) => {
    const at = new Date().toISOString();
    const number = Number((nextNumber.get() as { value: string }).value);
    setNumber.run(String(number + 1));
    const totals = input.lines.map((entry) => lineTotalMinor(entry.quantityMilli, entry.unitCostMinor));
    const poId = po.run(`PO-${String(number).padStart(6, '0')}`, ccs.get(input.costCenterCode as string), totals.reduce((a, b) => a + b, 0), at, at).lastInsertRowid;
    input.lines.forEach((entry, index) => {
      const lineId = line.run(poId, index + 1, items.get(entry.itemCode as string), entry.description, entry.quantityMilli, entry.unitCostMinor, totals[index]).lastInsertRowid;
      const workOrderId = entry.workOrderCode ? (workOrderIds.get(entry.workOrderCode) as number) : null;
      const workOrder = workOrderId === null ? undefined : workOrderById.get(workOrderId);
      distribution.run(
        lineId,
        entry.distributionType,
        workOrder && !entry.costCenterCode ? workOrder.cc : ccs.get(entry.costCenterCode ?? (input.costCenterCode as string)),
        entry.jobCode ? jobIds.get(entry.jobCode) : (workOrder?.job ?? null),
        workOrderId,
        entry.costTypeCode ? costTypes.get(entry.costTypeCode) : null,
        gls.get(entry.glAccountCode as string),
        totals[index],
      );
    });
    for (let n = 0; n < auditRowsPerSave; n++) audit.run(at, poId);
  });
}

async function timeSaves(label: string, count: number, save: () => Promise<void> | void): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 0; n < WARM_UP + count; n++) {
    const started = process.hrtime.bigint();
    await save();
    if (n >= WARM_UP) samples.push(nsToMs(process.hrtime.bigint() - started));
  }
  process.stdout.write(`  ${label}: ${count} saves measured\n`);
  return samples;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`.padStart(10);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-line-bench-'));
  const file = join(dir, 'bench.sqlite');
  try {
    const db = openSqlite(file);
    await migrateToLatest(db);
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const random = new Random(4_242);
    const generationStarted = process.hrtime.bigint();
    generate(sqlite, random);
    sqlite.exec('analyze');
    const lineCount = (sqlite.prepare('select count(*) as n from po_lines').get() as { n: number }).n;
    console.log(`\nLine-save benchmark: ${lineCount.toLocaleString('en')} PO lines on file, generated in ${(nsToMs(process.hrtime.bigint() - generationStarted) / 1000).toFixed(1)} s`);

    const desk = createDesk(db);
    const operator = await findOperatorById(db, 1);
    if (!operator) throw new Error('bench operator missing');
    const caller = { sessionKey: 'bench', session: { operatorId: operator.id, stickyCostCenterCode: null }, operator };
    const inputs = Array.from({ length: WARM_UP + saves }, () => planPo(random));

    const auditBefore = (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    const probe = await savePurchaseOrder(desk, caller, inputs[0] as ParsedInputOf<'savePo'>);
    const auditRowsPerSave = (sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }).n - auditBefore;
    if ((await loadPoDetail(db, caller, probe.id, 'change')).lines.length !== LINES_PER_PO) throw new Error('the service saved the wrong number of lines');

    let serviceIndex = 0;
    const reloads: number[] = [];
    const service = await timeSaves('service (Kysely, all line checks)', saves, async () => {
      const saved = await savePurchaseOrder(desk, caller, inputs[serviceIndex++ % inputs.length] as ParsedInputOf<'savePo'>);
      // The screen's re-read after a save, timed apart: it is a read, not part of checking and writing.
      const started = process.hrtime.bigint();
      await loadPoDetail(db, caller, saved.id, 'change');
      reloads.push(nsToMs(process.hrtime.bigint() - started));
    });
    const saveByHand = handWrittenSaver(sqlite, auditRowsPerSave);
    let handIndex = 0;
    const hand = await timeSaves('hand-written SQL (no checks)', saves, () => {
      saveByHand(inputs[handIndex++ % inputs.length] as ParsedInputOf<'savePo'>);
    });

    const s: Summary = summarize(service.map((total, index) => total - (reloads[index + WARM_UP] ?? 0)));
    const r: Summary = summarize(reloads.slice(WARM_UP));
    const h: Summary = summarize(hand);
    console.log(`\n  Saving a new ${LINES_PER_PO}-line PO (${auditRowsPerSave} audit rows each), ${saves} saves per side:`);
    console.log(`  ${''.padEnd(32)}${'median'.padStart(10)}${'p99'.padStart(10)}`);
    console.log(`  ${'service, every line checked'.padEnd(32)}${fmt(s.p50)}${fmt(s.p99)}`);
    console.log(`  ${'hand-written SQL, same rows'.padEnd(32)}${fmt(h.p50)}${fmt(h.p99)}`);
    const ratio = s.p50 / h.p50;
    console.log(`  ${'(re-read for the screen, apart)'.padEnd(32)}${fmt(r.p50)}${fmt(r.p99)}`);
    console.log(`  ${'ratio'.padEnd(32)}${`${ratio.toFixed(2)}×`.padStart(10)}${`${(s.p99 / h.p99).toFixed(2)}×`.padStart(10)}`);
    console.log(`  target: median ratio ≤ ${TARGET_RATIO}× — ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}\n`);
    sqlite.close();
    await db.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
