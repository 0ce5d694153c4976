/**
 * 20 concurrent clients saving new POs (3 lines each) through two desk-server instances on one
 * PostgreSQL database for 30 s, as workstations do over HTTP: throughput, p50/p99 latency, errors,
 * and lost saves (every PO a client was told is saved is read back and compared line by line;
 * every number must be distinct). Targets: 0 errors, 0 lost saves. Prints; a missed target never
 * fails the run.
 *
 *   BENCH_SCALE=0.1 npm run bench        3 s instead of 30 (never under 2 s)
 *   PURCHASING_DESK_BENCH_DATABASE_URL / BENCH_POSTGRES=0: see bench/postgres-bench.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeskServer, startDeskServer } from '../src/main/server/desk-server';
import { bearer, CLIENT_HEADER, CLIENT_MARKER, SESSION_TOKEN_HEADER } from '../src/main/team/wire';
import { benchPostgres } from './postgres-bench';
import { summarize } from './stats';

const CLIENTS = 20;
const LINES_PER_PO = 3;
const FULL_SECONDS = 30;
/** The demo operators whose scheme allows BOLT at MAIN on cost center 210. */
const OPERATORS = ['pat', 'alice', 'bob'];
/** The demo password's scrypt cost: the benchmark measures saves, not sign-ins. */
const CHEAP_PASSWORD_COST = 2 ** 10;

interface SentLine {
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
}

interface Saved {
  id: number;
  number: string;
  lines: SentLine[];
}

function durationMs(): number {
  const raw = process.env.BENCH_SCALE;
  const scale = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, got "${raw}"`);
  return Math.max(2_000, Math.round(FULL_SECONDS * 1_000 * Math.min(scale, 1)));
}

/** A workstation over HTTP, as the Electron app's main process talks to the server (src/main/team/wire.ts). */
class BenchClient {
  private token: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async call(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    const response = await fetch(new URL(`api/${name}`, this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: CLIENT_MARKER, ...(this.token ? { authorization: bearer(this.token) } : {}) },
      body: JSON.stringify(input),
    });
    this.token = response.headers.get(SESSION_TOKEN_HEADER) ?? this.token;
    const text = await response.text();
    try {
      return JSON.parse(text) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    } catch {
      return { ok: false, error: { code: `http-${response.status}`, message: text.slice(0, 200) } };
    }
  }

  async signIn(signInName: string): Promise<this> {
    const answer = await this.call('signIn', { signInName, password: 'demo' });
    if (!answer.ok) throw new Error(`${signInName} could not sign in: ${answer.error?.message}`);
    return this;
  }
}

async function main(): Promise<void> {
  console.log(`\nDesk server: ${CLIENTS} concurrent clients saving new POs (${LINES_PER_PO} lines each) through two instances on one PostgreSQL database`);
  const postgres = await benchPostgres();
  if ('skipped' in postgres) {
    console.log(`  skipped: ${postgres.skipped}\n`);
    return;
  }
  const rendererDir = mkdtempSync(join(tmpdir(), 'desk-server-bench-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><body>desk</body></html>');
  const servers: DeskServer[] = [];
  try {
    const start = () => startDeskServer({ databaseUrl: postgres.url, rendererDir, demoData: true, passwordCost: CHEAP_PASSWORD_COST, log: () => undefined });
    servers.push(await start()); // the first fills the demo world
    servers.push(await start());
    const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => new BenchClient((servers[c % 2] as DeskServer).url).signIn(OPERATORS[c % OPERATORS.length] as string)));

    const latenciesMs: number[] = [];
    const errors = new Map<string, number>();
    const saved: Saved[] = [];
    const runMs = durationMs();
    const startedAt = performance.now();
    const deadline = startedAt + runMs;
    await Promise.all(
      clients.map(async (client, c) => {
        for (let n = 0; performance.now() < deadline; n++) {
          const lines = Array.from({ length: LINES_PER_PO }, (_, i) => ({ description: `bench c${c} n${n} line ${i + 1}`, quantityMilli: 1_000 + n, unitCostMinor: 100 + c * 10 + i }));
          const input = { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: false, lines: lines.map((line) => ({ itemCode: null, glAccountCode: '5000', ...line })) };
          const sentAt = performance.now();
          let answer: Awaited<ReturnType<BenchClient['call']>>;
          try {
            answer = await client.call('savePo', input);
          } catch (error) {
            answer = { ok: false, error: { code: 'network', message: String(error) } };
          }
          latenciesMs.push(performance.now() - sentAt);
          if (answer.ok) {
            const value = answer.value as { id: number; number: string };
            saved.push({ id: value.id, number: value.number, lines });
          } else {
            const key = `${answer.error?.code}: ${answer.error?.message}`;
            errors.set(key, (errors.get(key) ?? 0) + 1);
          }
        }
      }),
    );
    const elapsedS = (performance.now() - startedAt) / 1_000;

    // Read back: every save a client was told about, line by line.
    const db = (servers[0] as DeskServer).desk.db;
    const rows = await db
      .selectFrom('purchase_orders as po')
      .innerJoin('po_lines as l', 'l.po_id', 'po.id')
      .select(['po.id', 'po.number', 'l.description', 'l.quantity_milli', 'l.unit_cost_minor'])
      .where('l.description', 'like', 'bench %')
      .orderBy('po.id')
      .orderBy('l.line_number')
      .execute();
    const stored = new Map<number, { number: string; lines: SentLine[] }>();
    for (const row of rows) {
      const po = stored.get(row.id) ?? { number: row.number, lines: [] };
      po.lines.push({ description: row.description, quantityMilli: row.quantity_milli, unitCostMinor: row.unit_cost_minor });
      stored.set(row.id, po);
    }
    let lost = 0;
    for (const save of saved) {
      const found = stored.get(save.id);
      if (!found || found.number !== save.number || JSON.stringify(found.lines) !== JSON.stringify(save.lines)) lost++;
    }
    const distinctNumbers = new Set(saved.map((save) => save.number)).size;
    const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0);
    const latency = summarize(latenciesMs);

    console.log(`  ${postgres.describe}; two instances in this process, ${CLIENTS} clients over loopback HTTP`);
    console.log(`  ran ${elapsedS.toFixed(1)} s${process.env.BENCH_SCALE ? ` (BENCH_SCALE=${process.env.BENCH_SCALE})` : ''}`);
    console.log(`  saves:      ${saved.length} saved, ${(saved.length / elapsedS).toFixed(1)} POs/s (${((saved.length * LINES_PER_PO) / elapsedS).toFixed(0)} lines/s)`);
    console.log(`  latency:    p50 ${latency.p50.toFixed(1)} ms, p90 ${latency.p90.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`);
    console.log(`  errors:     ${errorCount} (target 0)${errorCount ? ' ✗' : ' ✓'}`);
    for (const [message, count] of errors) console.log(`    ${count} × ${message}`);
    console.log(`  lost saves: ${lost} of ${saved.length} read back (target 0)${lost ? ' ✗' : ' ✓'}`);
    console.log(`  PO numbers: ${distinctNumbers} distinct of ${saved.length}${distinctNumbers === saved.length ? ' ✓' : ' ✗'}`);
    console.log('');
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await postgres.close();
    rmSync(rendererDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('The desk-server benchmark could not run:', error);
  process.exit(1);
});
