/**
 * Import benchmark: 100,000 vendors in a CSV file (each sharing one to three cost centers), imported
 * through the real dispatcher as the screen does it — sent in chunks, read by papaparse, every row
 * checked against the store, then written in one transaction with its cost-center links and audited
 * (one entry for the import, one per vendor) — beside the same vendors and links written with
 * hand-written SQL (prepared statements in one transaction, no checks, no audit), side by side in
 * the same run on fresh databases. Then the same on PostgreSQL, its baseline through pg with
 * multi-row INSERTs (PURCHASING_DESK_BENCH_DATABASE_URL or a throwaway server; BENCH_POSTGRES=0 skips it).
 *
 *   npm run bench                           100,000 vendors, 3 runs a side
 *   BENCH_IMPORT_ROWS=20000 npm run bench   a smaller file
 *   BENCH_IMPORT_RUNS=1 npm run bench       one run a side
 *
 * Target: validate + write under 10 s on SQLite. A measurement, not a test: the exit code is 0 either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { ContractName, InputOf, OutputOf } from '../src/shared/contracts';
import { IMPORT_CHUNK_CHARS } from '../src/shared/import-schemas';
import type { Result } from '../src/shared/result';
import { dispatch } from '../src/main/ipc/dispatch';
import { openStore } from '../src/main/open-store';
import { createDesk, type Desk } from '../src/main/services/desk';
import { benchPostgres } from './postgres-bench';
import { runBenchmark } from './stats';

const TARGET_MS = 10_000;
const PASSWORD_COST = 2 ** 10;
const COST_CENTERS = ['110', '120', '210', '220', '310', '320', '410', 'HQ'];

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

interface Vendor {
  code: string;
  name: string;
  costCenters: string[];
}

/** The same vendors every run: codes V000000…, names with commas and quotes now and then, 1–3 cost centers. */
function vendors(count: number): Vendor[] {
  return Array.from({ length: count }, (_, index) => {
    const links = 1 + (index % 3);
    const costCenters = Array.from({ length: links }, (_, k) => COST_CENTERS[(index + k * 3) % COST_CENTERS.length] as string);
    const name = index % 10 === 0 ? `Vendor ${index}, "Trading" Ltd` : `Vendor number ${index}`;
    return { code: `V${String(index).padStart(6, '0')}`, name, costCenters };
  });
}

const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvOf = (rows: readonly Vendor[]) => ['code,name,cost_centers', ...rows.map((v) => [v.code, quoted(v.name), v.costCenters.join(';')].join(','))].join('\r\n') + '\r\n';

async function call<K extends ContractName>(desk: Desk, key: string, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = (await dispatch(desk, key, name, input)) as Result<OutputOf<K>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

interface Timing {
  checkMs: number;
  writeMs: number;
  totalMs: number;
}

/** The screen's calls: begin, chunks, check (the preview), commit. Timed from the first chunk to the commit's answer. */
async function importThroughDesk(location: string, text: string, expected: number): Promise<Timing> {
  const desk = createDesk(await openStore(location, { passwordCost: PASSWORD_COST }), { passwordCost: PASSWORD_COST });
  try {
    const key = 'bench-import';
    await call(desk, key, 'signIn', { signInName: 'admin', password: 'demo' });
    const started = performance.now();
    const { jobId, chunkChars } = await call(desk, key, 'beginImport', { kind: 'vendor', fileName: 'vendors.csv', totalChars: text.length });
    for (let offset = 0; offset < text.length; offset += chunkChars) await call(desk, key, 'sendImportChunk', { jobId, offset, text: text.slice(offset, offset + chunkChars) });
    const preview = await call(desk, key, 'checkImport', { jobId });
    if (preview.validCount !== expected) throw new Error(`preview: ${preview.validCount} valid of ${expected}; first error: ${preview.errors[0]?.reason}`);
    const checked = performance.now();
    const outcome = await call(desk, key, 'commitImport', { jobId, choice: 'all-or-nothing' });
    const done = performance.now();
    if (outcome.written !== expected) throw new Error(`wrote ${outcome.written} of ${expected}`);
    return { checkMs: checked - started, writeMs: done - checked, totalMs: done - started };
  } finally {
    await desk.db.destroy();
  }
}

/** The same vendors and links by hand: prepared statements, one transaction, ids from the cost centers loaded up front. */
function handWrittenSqlite(file: string, rows: readonly Vendor[]): number {
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    const ids = new Map((sqlite.prepare('select code, id from cost_centers').raw().all() as [string, number][]).map(([code, id]) => [code, id]));
    const insertVendor = sqlite.prepare('insert into vendors (code, name) values (?, ?)');
    const insertLink = sqlite.prepare('insert into vendor_cost_centers (vendor_id, cost_center_id) values (?, ?)');
    const started = performance.now();
    sqlite.transaction(() => {
      for (const vendor of rows) {
        const id = Number(insertVendor.run(vendor.code, vendor.name).lastInsertRowid);
        for (const code of vendor.costCenters) insertLink.run(id, ids.get(code));
      }
    })();
    return performance.now() - started;
  } finally {
    sqlite.close();
  }
}

async function freshSqlite(dir: string, name: string): Promise<string> {
  const file = join(dir, `${name}.sqlite`);
  const db = await openStore(file, { passwordCost: PASSWORD_COST });
  await db.destroy();
  return file;
}

/** The same by hand on PostgreSQL: multi-row INSERTs of 1,000 vendors answering their ids, then their links. */
async function handWrittenPostgres(url: string, rows: readonly Vendor[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = new Map((await client.query<{ code: string; id: number }>('select code, id from cost_centers')).rows.map((row) => [row.code, row.id]));
    const started = performance.now();
    await client.query('begin');
    for (let start = 0; start < rows.length; start += 1_000) {
      const slice = rows.slice(start, start + 1_000);
      const values = slice.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2})`).join(', ');
      const answered = await client.query<{ id: number; code: string }>(`insert into vendors (code, name) values ${values} returning id, code`, slice.flatMap((v) => [v.code, v.name]));
      const byCode = new Map(answered.rows.map((row) => [row.code, row.id]));
      const links = slice.flatMap((v) => v.costCenters.map((code) => [byCode.get(v.code), ids.get(code)]));
      const linkValues = links.map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2})`).join(', ');
      await client.query(`insert into vendor_cost_centers (vendor_id, cost_center_id) values ${linkValues}`, links.flat());
    }
    await client.query('commit');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function report(store: string, desk: Timing[], baseline: number[], count: number) {
  const total = median(desk.map((t) => t.totalMs));
  const sql = median(baseline);
  console.log(`  ${store}: import (send + read + check + write + audit) median ${ms(total)} — check ${ms(median(desk.map((t) => t.checkMs)))}, write ${ms(median(desk.map((t) => t.writeMs)))}`);
  console.log(`  ${store}: hand-written SQL inserts of the same ${count.toLocaleString('en-US')} vendors and links, median ${ms(sql)}`);
  console.log(`  ${store}: ratio import / hand-written SQL ${(total / sql).toFixed(2)}×`);
  return total;
}

async function main() {
  const count = intFromEnv('BENCH_IMPORT_ROWS', 100_000);
  const runs = intFromEnv('BENCH_IMPORT_RUNS', 3);
  const rows = vendors(count);
  const text = csvOf(rows);
  console.log(`\nImport benchmark: ${count.toLocaleString('en-US')} vendors, ${(text.length / 1e6).toFixed(1)} M characters in ${Math.ceil(text.length / IMPORT_CHUNK_CHARS)} chunks; ${runs} runs a side, alternating; ${cpus().length} CPUs`);
  const dir = mkdtempSync(join(tmpdir(), 'desk-import-bench-'));
  try {
    const desk: Timing[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < runs; run++) {
      desk.push(await importThroughDesk(await freshSqlite(dir, `desk-${run}`), text, count));
      baseline.push(handWrittenSqlite(await freshSqlite(dir, `sql-${run}`), rows));
    }
    const total = report('SQLite', desk, baseline, count);
    console.log(`  SQLite: target under ${ms(TARGET_MS)}: ${total < TARGET_MS ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const postgres = await benchPostgres();
  if ('skipped' in postgres) {
    console.log(`  PostgreSQL: skipped (${postgres.skipped})`);
    return;
  }
  try {
    console.log(`  PostgreSQL: ${postgres.describe}`);
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    const desk: Timing[] = [];
    const baseline: number[] = [];
    try {
      for (let run = 0; run < runs; run++) {
        const deskDb = `import_desk_${run}`;
        const sqlDb = `import_sql_${run}`;
        for (const name of [deskDb, sqlDb]) await admin.query(`create database "${name}" template template0`);
        const at = (name: string) => {
          const url = new URL(postgres.url);
          url.pathname = `/${name}`;
          return url.toString();
        };
        desk.push(await importThroughDesk(at(deskDb), text, count));
        const seeded = await openStore(at(sqlDb), { passwordCost: PASSWORD_COST });
        await seeded.destroy();
        baseline.push(await handWrittenPostgres(at(sqlDb), rows));
        for (const name of [deskDb, sqlDb]) await admin.query(`drop database "${name}" with (force)`);
      }
    } finally {
      await admin.end();
    }
    report('PostgreSQL', desk, baseline, count);
  } finally {
    await postgres.close();
  }
}

runBenchmark(main);
