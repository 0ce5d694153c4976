import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYTHING_CHANGED } from '../../src/main/team/answer-envelope';
import { type DeskServer, startDeskServer } from '../../src/main/server/desk-server';
import { type ServerAnswer, WireWorkstation } from '../support/desk-server-client';
import { withDatabase } from '../support/postgres-server';
import { STORE_KINDS } from '../support/stores';
import { TEST_PASSWORD_COST } from '../support/test-desk';

const require = createRequire(import.meta.url);
const { startTestPostgres } = require('../../scripts/test-postgres.cjs') as {
  startTestPostgres: () => Promise<{ url: string; stop: () => void }>;
};

/** What the dispatcher tells an operator when PostgreSQL is out of reach (src/main/ipc/dispatch.ts). */
const NOTHING_SAVED = /database cannot be reached right now, so nothing of yours was saved/;
const OUTCOME_UNKNOWN = /broke just as your change was being saved.*cannot tell whether it was/;
/** Committed, then the database went before the PO could be read back for the answer. */
const SAVED_NOT_SHOWN = /Your PO was saved, but the desk’s database went out of reach/;

/**
 * A PostgreSQL cluster of this file's own that can be stopped and started again on the same port
 * and data, so the outage disturbs no other test file. scripts/test-postgres.cjs makes it; its
 * stop() removes it at the end whether or not it is running.
 */
class StoppableCluster {
  private constructor(
    readonly url: string,
    private readonly remove: () => void,
    private readonly bin: string,
    private readonly data: string,
    private readonly options: string,
    private readonly logFile: string,
  ) {}

  static async start(): Promise<StoppableCluster> {
    const server = await startTestPostgres();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ data: string; port: string; sockets: string; version: string }>(
        `select current_setting('data_directory') as data, current_setting('port') as port,
                current_setting('unix_socket_directories') as sockets, current_setting('server_version_num') as version`,
      );
      const found = rows[0] as { data: string; port: string; sockets: string; version: string };
      const bin = `/usr/lib/postgresql/${Math.floor(Number(found.version) / 10_000)}/bin`;
      // The same options scripts/test-postgres.cjs starts it with; a restart must come back on the same port.
      const options = `-p ${found.port} -k ${found.sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
      return new StoppableCluster(server.url, server.stop, bin, found.data, options, join(found.sockets, 'server.log'));
    } finally {
      await client.end();
    }
  }

  /** A fast shutdown: every session is ended, open transactions rolled back, committed ones kept. */
  stop(): void {
    this.pgCtl(['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  resume(): void {
    this.pgCtl(['-D', this.data, '-o', this.options, '-l', this.logFile, '-w', 'start']);
  }

  dispose(): void {
    this.remove();
  }

  private pgCtl(args: string[]): void {
    const binary = join(this.bin, 'pg_ctl');
    const asRoot = process.getuid?.() === 0;
    execFileSync(asRoot ? 'runuser' : binary, asRoot ? ['-u', 'postgres', '--', binary, ...args] : args, { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

interface SentLine {
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
}

interface Attempt {
  tag: string;
  lines: SentLine[];
  answer: ServerAnswer | { thrown: string };
  phase: Phase;
}

type Phase = 'before' | 'down' | 'back';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL stopped in the middle of saves through two desk-server instances: every save is whole
 * or absent, each client is told in words what happened, and once PostgreSQL is back the same
 * instances save and relay change notices again, without a restart.
 */
describe.runIf(STORE_KINDS.includes('postgres'))('two desk servers while PostgreSQL goes away and comes back', () => {
  let cluster: StoppableCluster;
  let rendererDir: string;
  let a: DeskServer;
  let b: DeskServer;
  const logged: string[] = [];

  beforeAll(async () => {
    rendererDir = mkdtempSync(join(tmpdir(), 'desk-outage-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><body>desk app</body></html>');
    cluster = await StoppableCluster.start();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database desk_outage');
    await admin.end();
    const start = () =>
      startDeskServer({
        databaseUrl: withDatabase(cluster.url, 'desk_outage'),
        rendererDir,
        demoData: true,
        passwordCost: TEST_PASSWORD_COST,
        log: (message) => logged.push(message),
      });
    a = await start(); // the first fills the demo world; the second finds it filled
    b = await start();
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    cluster?.dispose();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('keeps every save whole or absent, says so in words, and works again without a restart', { timeout: 60_000 }, async () => {
    const names = ['pat', 'alice', 'bob', 'pat', 'alice', 'bob'];
    const clients = await Promise.all(names.map((name, index) => new WireWorkstation(index % 2 ? b.url : a.url).signIn(name)));
    const watcher = await new WireWorkstation(b.url).signIn('alice');
    const feed = await watcher.events();
    const firstNewId = ((await a.desk.db.selectFrom('purchase_orders').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0) + 1;

    let phase: Phase = 'before';
    let running = true;
    const attempts: Attempt[] = [];
    const succeededIn = (which: Phase, client?: number) =>
      attempts.filter((attempt) => attempt.phase === which && 'body' in attempt.answer && attempt.answer.body.ok && (client === undefined || attempt.tag.startsWith(`o${client}.`)));

    const saveLoop = async (client: WireWorkstation, c: number) => {
      for (let n = 0; running; n++) {
        const tag = `o${c}.${n}`;
        const lines = Array.from({ length: 1 + (n % 4) }, (_, i) => ({ description: `${tag} line ${i + 1}`, quantityMilli: 1000 * (c + 1) + n, unitCostMinor: 100 + i }));
        const input = { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: false, lines: lines.map((l) => ({ itemCode: null, glAccountCode: '5000', ...l })) };
        const during = phase;
        let answer: Attempt['answer'];
        try {
          answer = await client.call('savePo', input);
        } catch (error) {
          answer = { thrown: String(error) };
        }
        attempts.push({ tag, lines, answer, phase: during === phase ? during : 'down' });
        if (!('body' in answer) || !answer.body.ok) await sleep(25);
      }
    };
    const loops = clients.map((client, c) => saveLoop(client, c));

    while (succeededIn('before').length < 30) await sleep(10);
    phase = 'down';
    cluster.stop();
    await sleep(1_500);
    cluster.resume();
    phase = 'back';
    const deadline = Date.now() + 20_000;
    while (clients.some((_, c) => succeededIn('back', c).length < 2) && Date.now() < deadline) await sleep(50);
    running = false;
    await Promise.all(loops);
    try {
      // Every instance got through: each client saved again on the instance it was on before.
      for (const [c] of clients.entries()) expect(succeededIn('back', c).length, `client ${c} (${names[c]}) saved again after PostgreSQL was back`).toBeGreaterThanOrEqual(2);

      // Each failure is an answer in words, never a dropped connection or a bare 500.
      const failures = attempts.filter((attempt) => !('body' in attempt.answer) || !attempt.answer.body.ok);
      expect(failures.length, 'saves failed while PostgreSQL was down').toBeGreaterThan(0);
      for (const failure of failures) {
        expect(failure.answer, `${failure.tag}: a JSON answer in words`).toHaveProperty('body');
        const { body } = failure.answer as ServerAnswer;
        expect(body.error?.message, failure.tag).toMatch(new RegExp(`${NOTHING_SAVED.source}|${OUTCOME_UNKNOWN.source}|${SAVED_NOT_SHOWN.source}`));
      }
      expect(failures.every((failure) => failure.phase !== 'before')).toBe(true);

      // Whole or absent: every stored PO has exactly the lines one save sent, and no PO is without lines.
      const stored = await a.desk.db
        .selectFrom('purchase_orders as po')
        .leftJoin('po_lines as l', 'l.po_id', 'po.id')
        .select(['po.id', 'po.number', 'l.line_number', 'l.description', 'l.quantity_milli', 'l.unit_cost_minor'])
        .where('po.id', '>=', firstNewId)
        .orderBy('po.id')
        .orderBy('l.line_number')
        .execute();
      const byPo = new Map<number, { number: string; lines: SentLine[] }>();
      for (const row of stored) {
        const po = byPo.get(row.id) ?? { number: row.number, lines: [] };
        if (row.description !== null) po.lines.push({ description: row.description, quantityMilli: row.quantity_milli as number, unitCostMinor: row.unit_cost_minor as number });
        byPo.set(row.id, po);
      }
      const sentByTag = new Map(attempts.map((attempt) => [attempt.tag, attempt]));
      const storedTags = new Set<string>();
      for (const [id, po] of byPo) {
        expect(po.lines.length, `${po.number} (id ${id}) has lines`).toBeGreaterThan(0);
        const tag = po.lines[0]?.description.split(' ')[0] as string;
        expect(storedTags.has(tag), `${tag} stored once`).toBe(false);
        storedTags.add(tag);
        expect(po.lines, `${po.number} holds what ${tag} sent`).toEqual(sentByTag.get(tag)?.lines);
      }
      expect(new Set([...byPo.values()].map((po) => po.number)).size).toBe(byPo.size);

      // What each client was told is true: a save said to be saved is stored, one said not to be is not.
      for (const attempt of attempts) {
        if (!('body' in attempt.answer)) continue;
        const { body } = attempt.answer;
        if (body.ok || SAVED_NOT_SHOWN.test(body.error?.message ?? '')) expect(storedTags.has(attempt.tag), `${attempt.tag} was said to be saved`).toBe(true);
        else if (NOTHING_SAVED.test(body.error?.message ?? '')) expect(storedTags.has(attempt.tag), `${attempt.tag} was said not to be saved`).toBe(false);
      }
      expect(logged.some((message) => /change-notice connection to PostgreSQL broke/.test(message))).toBe(true);

      // Change notices flow again: B's relay listened again and told its streams to refetch, and hears A's saves.
      await feed.waitFor((notice) => JSON.stringify(notice) === JSON.stringify(EVERYTHING_CHANGED), 15_000);
      const before = feed.notices.length;
      const saved = await clients[0]?.value<{ number: string }>('savePo', {
        vendorCode: 'BOLT',
        warehouseCode: 'MAIN',
        costCenterCode: '210',
        costCenterEntered: false,
        lines: [{ itemCode: null, glAccountCode: '5000', description: 'after the outage', quantityMilli: 1000, unitCostMinor: 100 }],
      });
      await feed.waitFor((notice) => feed.notices.indexOf(notice) >= before && JSON.stringify(notice).includes('purchase-orders'));
      const listed = await watcher.value<{ rows: { number: string }[] }>('listPos', {});
      expect(listed.rows.map((row) => row.number)).toContain(saved?.number);
    } finally {
      feed.close();
    }
  });
});
