/**
 * The figures for issue 13's closing note, measured on this machine:
 *
 *   (a) two desk processes × 200 concurrent new-PO saves on one SQLite file: failures and distinct
 *       numbers, with the write lock taken first (the app now) and with SQLite's deferred BEGIN (before);
 *   (b) wrong guesses checked for one sign-in name before it locks, and guesses per second checked
 *       over 10 s from one address cycling through names;
 *   (c) audit rows written by a 5-second burst of refused sign-ins, as fast as possible, several
 *       names from one address (the probe measured about 2,000 rows a second before).
 *
 *   node_modules/.bin/node --import tsx bench/hardening-figures.ts
 *
 * Sign-ins go over HTTP to the browser mode's loopback host, so they arrive as a browser's would.
 * It is a measurement, not a test: the exit code is 0 whatever the figures are.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { dispatch } from '../src/main/ipc/dispatch';
import { openStore } from '../src/main/open-store';
import { createDesk, type Desk } from '../src/main/services/desk';
import { RECOMMENDED_PASSWORD_COST } from '../src/main/services/passwords';
import type { Db } from '../src/main/store/connect';
import type { Database } from '../src/main/store/schema';
import { startWebHost } from '../src/main/web/web-host';

const SAVES_PER_PROCESS = 200;
const CYCLING_SECONDS = 10;
const BURST_SECONDS = 5;
/** Requests an attacker keeps in flight at once. */
const ATTACKERS = 8;
/** The cheap scrypt cost the tests use: with it, the throttle and not the hash sets the pace. */
const CHEAP_PASSWORD_COST = 2 ** 10;
const WRONG_CREDENTIALS = 'That sign-in name and password';

type BeginMode = 'immediate' | 'deferred';

// ---------------------------------------------------------------------------------------------
// (a) two writers

/** What the app's store did before a8b9dbc: the same pragmas, but Kysely's plain (deferred) BEGIN. */
function openDeferred(file: string): Db {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** One desk process: signs in and fires `count` new-PO saves at once; prints what happened as one JSON line. */
async function saverProcess(file: string, count: number, signInName: string, mode: BeginMode): Promise<void> {
  const db = mode === 'immediate' ? await openStore(file, { demoData: false }) : openDeferred(file);
  const desk = createDesk(db, { passwordCost: CHEAP_PASSWORD_COST });
  const session = `saver-${process.pid}`;
  const signedIn = await dispatch(desk, session, 'signIn', { signInName, password: 'demo' });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const po = {
    vendorCode: 'BOLT',
    warehouseCode: 'MAIN',
    costCenterCode: '210',
    costCenterEntered: true,
    lines: [{ itemCode: null, description: 'Hex bolts', quantityMilli: 2000, unitCostMinor: 1250, glAccountCode: '5000' }],
  };
  const results = await Promise.all(Array.from({ length: count }, () => dispatch(desk, session, 'savePo', po, { log: () => {} })));
  const numbers = results.flatMap((result) => (result.ok ? [result.value.number] : []));
  const failures = results.flatMap((result) => (result.ok ? [] : [result.error.message]));
  console.log(JSON.stringify({ numbers, failures }));
  await desk.db.destroy();
}

function runSaver(file: string, signInName: string, mode: BeginMode): Promise<{ numbers: string[]; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, 'saver', file, String(SAVES_PER_PROCESS), signInName, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string)) : reject(new Error(`saver exited ${code}: ${err}`))));
  });
}

async function twoWriters(dir: string, mode: BeginMode): Promise<void> {
  const file = join(dir, `writers-${mode}.sqlite`);
  await (await openStore(file, { passwordCost: CHEAP_PASSWORD_COST })).destroy();
  const started = performance.now();
  const [first, second] = await Promise.all([runSaver(file, 'alice', mode), runSaver(file, 'pat', mode)]);
  const seconds = (performance.now() - started) / 1000;
  const numbers = [...first.numbers, ...second.numbers];
  const failures = [...first.failures, ...second.failures];
  const messages = [...new Set(failures)].map((message) => `"${message}"`).join(', ');
  console.log(
    `  ${mode === 'immediate' ? 'BEGIN IMMEDIATE (now)   ' : 'deferred BEGIN (before) '}: ${failures.length} of ${2 * SAVES_PER_PROCESS} saves failed, ` +
      `${new Set(numbers).size} distinct numbers, ${seconds.toFixed(1)} s${messages ? `; told: ${messages}` : ''}`,
  );
}

// ---------------------------------------------------------------------------------------------
// (b) and (c) sign-in over the loopback host

interface SignInHost {
  desk: Desk;
  signIn(signInName: string, password: string): Promise<{ ok: boolean; error?: { message: string } }>;
  close(): Promise<void>;
}

async function openSignInHost(dir: string, name: string, passwordCost: number): Promise<SignInHost> {
  const file = join(dir, `${name}.sqlite`);
  const desk = createDesk(await openStore(file, { passwordCost }), { passwordCost });
  const rendererDir = mkdtempSync(join(dir, 'renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const host = await startWebHost({ desk, rendererDir });
  const { port } = new URL(host.url);
  const agent = new Agent({ keepAlive: true, maxSockets: ATTACKERS });
  const signIn: SignInHost['signIn'] = (signInName, password) =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: '/api/signIn',
          method: 'POST',
          headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(JSON.parse(body)));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ signInName, password }));
    });
  return {
    desk,
    signIn,
    async close() {
      agent.destroy();
      await host.close();
      await desk.db.destroy();
    },
  };
}

/** Failures the desk recorded (and so passwords it checked) for one throttle subject. */
async function checkedFor(desk: Desk, scope: 'name' | 'address', subject: string): Promise<number> {
  const row = await desk.db.selectFrom('sign_in_attempts').select('failures').where('scope', '=', scope).where('subject', '=', subject).executeTakeFirst();
  return row?.failures ?? 0;
}

const auditRows = async (desk: Desk) => Number((await desk.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** `ATTACKERS` loops sending sign-ins for `seconds`, cycling through `names`; returns how many were sent. */
async function hammer(host: SignInHost, names: readonly string[], seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let sent = 0;
  const attacker = async () => {
    while (performance.now() < until) {
      const name = names[sent % names.length] as string;
      sent++;
      await host.signIn(name, `guess-${sent}`);
    }
  };
  await Promise.all(Array.from({ length: ATTACKERS }, attacker));
  return sent;
}

async function guessesBeforeLockout(dir: string): Promise<void> {
  const host = await openSignInHost(dir, 'one-name', RECOMMENDED_PASSWORD_COST);
  try {
    let toldWrong = 0;
    for (let guess = 0; guess < 50; guess++) {
      const answer = await host.signIn('admin', `guess-${guess}`);
      if (answer.error?.message.startsWith(WRONG_CREDENTIALS)) toldWrong++;
    }
    const right = await host.signIn('admin', 'demo');
    const checked = await checkedFor(host.desk, 'name', 'admin');
    console.log(`  50 wrong passwords for "admin", then the right one (scrypt N = 2^17):`);
    console.log(`    guesses checked before the lockout: ${checked} (${toldWrong} told "wrong", the ${checked}th locked the name); the other ${50 - checked} refused unchecked`);
    console.log(`    the right password: ${right.ok ? 'SIGNED IN' : `refused — "${right.error?.message}"`}`);
  } finally {
    await host.close();
  }
}

async function cyclingNames(dir: string, passwordCost: number, label: string): Promise<void> {
  const host = await openSignInHost(dir, `cycling-${passwordCost}`, passwordCost);
  try {
    const names = ['admin', 'alice', 'bob', 'carol', 'pat', 'sam', ...Array.from({ length: 44 }, (_, n) => `nobody-${n}`)];
    const sent = await hammer(host, names, CYCLING_SECONDS);
    const checked = await checkedFor(host.desk, 'address', '127.0.0.1');
    console.log(
      `  ${label}: ${sent} sign-ins sent in ${CYCLING_SECONDS} s over ${names.length} names, ${checked} passwords checked ` +
        `→ ${(checked / CYCLING_SECONDS).toFixed(1)} guesses/s accepted (${(sent / CYCLING_SECONDS).toFixed(0)}/s sent)`,
    );
  } finally {
    await host.close();
  }
}

async function refusedBurst(dir: string, passwordCost: number, label: string): Promise<void> {
  const host = await openSignInHost(dir, `burst-${passwordCost}`, passwordCost);
  try {
    const names = ['admin', 'alice', 'bob', 'nobody', 'mallory', 'root'];
    const before = await auditRows(host.desk);
    const sent = await hammer(host, names, BURST_SECONDS);
    const rows = (await auditRows(host.desk)) - before;
    const byAction = await host.desk.db
      .selectFrom('audit_log')
      .select(['action', (eb) => eb.fn.countAll().as('n')])
      .where('id', '>', before)
      .groupBy('action')
      .execute();
    console.log(
      `  ${label}: ${sent} refused sign-ins in ${BURST_SECONDS} s (${(sent / BURST_SECONDS).toFixed(0)}/s) over ${names.length} names from one address: ` +
        `${rows} audit rows (${byAction.map((row) => `${row.n} ${row.action}`).join(', ')}); before: about ${2_000 * BURST_SECONDS} rows`,
    );
  } finally {
    await host.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-hardening-figures-'));
  try {
    console.log(`(a) two processes × ${SAVES_PER_PROCESS} concurrent new saves on one SQLite file`);
    await twoWriters(dir, 'immediate');
    await twoWriters(dir, 'deferred');
    console.log('(b) wrong guesses');
    await guessesBeforeLockout(dir);
    await cyclingNames(dir, RECOMMENDED_PASSWORD_COST, 'one address cycling names, scrypt N = 2^17');
    await cyclingNames(dir, CHEAP_PASSWORD_COST, 'one address cycling names, scrypt N = 2^10 (the throttle alone)');
    console.log(`(c) audit rows from a ${BURST_SECONDS}-second burst of refused sign-ins`);
    await refusedBurst(dir, RECOMMENDED_PASSWORD_COST, 'scrypt N = 2^17');
    await refusedBurst(dir, CHEAP_PASSWORD_COST, 'scrypt N = 2^10 (as fast as the desk answers)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'saver') {
  const [file, count, signInName, begin] = args as [string, string, string, BeginMode];
  void saverProcess(file, Number(count), signInName, begin);
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
