import { EVERYTHING_CHANGED } from '../../src/main/team/answer-envelope';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DeskServer, startDeskServer } from '../../src/main/server/desk-server';
import { freshStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores';
import { TEST_PASSWORD_COST, line } from '../support/test-desk';
import { rawRequest, WireWorkstation } from '../support/desk-server-client';

/**
 * Two desk-server instances on one PostgreSQL database, as behind a load balancer, driven over
 * HTTP exactly as workstations and browsers drive them. PostgreSQL only: the server is PostgreSQL's.
 */
describe.runIf(STORE_KINDS.includes('postgres'))('two desk servers on one database', () => {
  let rendererDir: string;
  let where: TestStoreLocation;
  let a: DeskServer;
  let b: DeskServer;
  /** Both instances read this clock, so a test can move time on for sessions. */
  let skewMs = 0;
  const clock = () => Date.now() + skewMs;
  const logged: string[] = [];

  beforeAll(() => {
    rendererDir = mkdtempSync(join(tmpdir(), 'desk-server-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>desk</title></head><body>desk app</body></html>');
  });
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

  beforeEach(async () => {
    skewMs = 0;
    where = await freshStoreLocation('postgres', 'demo');
    const start = () =>
      startDeskServer({ databaseUrl: where.location, rendererDir, passwordCost: TEST_PASSWORD_COST, clock, log: (message) => logged.push(message) });
    [a, b] = await Promise.all([start(), start()]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await where.dispose();
  });

  const newPo = (description = 'Hex bolts') => ({ vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: false, lines: [line(description)] });
  const numbersIn = (page: { rows: { number: string }[] }) => page.rows.map((row) => row.number);

  it('serves the app to a browser, and a PO saved through A is listed through B and announced on B’s stream', async () => {
    const page = await fetch(b.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('desk-bridge.js');

    const onA = await new WireWorkstation(a.url).signIn('pat');
    const onB = await new WireWorkstation(b.url).signIn('alice');
    const feed = await onB.events();
    expect(feed.response.status).toBe(200);
    try {
      const saved = await onA.value<{ number: string }>('savePo', newPo('Seen from B'));
      await feed.waitFor((notice) => JSON.stringify(notice).includes('purchase-orders'));
      const listed = await onB.value<{ rows: { number: string }[] }>('listPos', {});
      expect(numbersIn(listed)).toContain(saved.number);
    } finally {
      feed.close();
    }
  });

  it('when the change-notice connection breaks, it listens again, tells every stream to refetch, and relays again', async () => {
    const onA = await new WireWorkstation(a.url).signIn('pat');
    const onB = await new WireWorkstation(b.url).signIn('alice');
    const feed = await onB.events();
    try {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'purchasing-desk-changes' and datname = current_database()`.execute(a.desk.db);
      await feed.waitFor((notice) => JSON.stringify(notice) === JSON.stringify(EVERYTHING_CHANGED));
      expect(logged.some((message) => /change-notice connection to PostgreSQL broke/.test(message))).toBe(true);
      const before = feed.notices.length;
      const saved = await onA.value<{ number: string }>('savePo', newPo('After the break'));
      await feed.waitFor((notice) => feed.notices.indexOf(notice) >= before && JSON.stringify(notice).includes('purchase-orders'));
      expect(numbersIn(await onB.value('listPos', {}))).toContain(saved.number);
    } finally {
      feed.close();
    }
  });

  it('the same PO saved through both at once: exactly one wins, the other is refused as stale', async () => {
    const onA = await new WireWorkstation(a.url).signIn('pat');
    const onB = await new WireWorkstation(b.url).signIn('pat');
    const created = await onA.value<{ id: number; version: number; lines: { id: number }[] }>('savePo', newPo());
    for (let round = 0; round < 3; round++) {
      const open = await onA.value<{ id: number; version: number; lines: { id: number }[] }>('openPo', { id: created.id, mode: 'change' });
      const edit = (description: string) => ({ ...newPo(), id: open.id, version: open.version, lines: [{ ...line(description), id: open.lines[0]?.id }] });
      const answers = await Promise.all([onA.call('savePo', edit(`A ${round}`)), onB.call('savePo', edit(`B ${round}`))]);
      const won = answers.filter((answer) => answer.body.ok);
      const lost = answers.filter((answer) => !answer.body.ok);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.body.error).toMatchObject({ code: 'conflict' });
      expect(lost[0]?.body.error?.message).toMatch(/while yours was being saved.*nothing of yours was saved/);
      const stored = await onB.value<{ version: number; lines: { description: string }[] }>('openPo', { id: created.id, mode: 'view' });
      expect(stored.version).toBe(open.version + 1);
      expect(stored.lines[0]?.description).toBe((won[0]?.body.value as { lines: { description: string }[] }).lines[0]?.description);
    }
  });

  it('5 clients × 10 new POs at once across both instances: 50 distinct numbers, every line stored', { timeout: 60_000 }, async () => {
    const clients = await Promise.all(['pat', 'alice', 'bob', 'pat', 'alice'].map((name, index) => new WireWorkstation(index % 2 ? b.url : a.url).signIn(name)));
    const answers = await Promise.all(clients.flatMap((client, c) => Array.from({ length: 10 }, (_, n) => client.call('savePo', newPo(`client ${c} PO ${n}`)))));
    const failures = answers.filter((answer) => !answer.body.ok).map((answer) => answer.body.error?.message);
    expect(failures).toEqual([]);
    const numbers = answers.map((answer) => (answer.body.value as { number: string }).number);
    expect(new Set(numbers).size).toBe(50);
    const lines = await a.desk.db.selectFrom('po_lines').select('description').where('description', 'like', 'client %').execute();
    expect(lines).toHaveLength(50);
  });

  it('a session made on A works on B, keeps its sticky cost center there, and sign-out on A revokes it on B', async () => {
    const onA = await new WireWorkstation(a.url).signIn('alice');
    const onB = new WireWorkstation(b.url);
    onB.token = onA.token;
    expect(await onB.value('currentOperator')).toMatchObject({ signInName: 'alice' });
    // Rule 4a across instances: entered on A, the default on B.
    await onA.value('savePo', { ...newPo(), costCenterCode: '220', costCenterEntered: true });
    const header = await onB.value<{ costCenter: { code: string; source: string } }>('resolveHeader', { vendorCode: 'GENERAL', warehouseCode: 'MAIN', costCenterCode: null });
    expect(header.costCenter).toMatchObject({ code: '220', source: 'sticky' });

    const feed = await onB.events();
    expect(feed.response.status).toBe(200);
    expect(await onA.value('signOut')).toEqual({ signedOut: true });
    await feed.ended; // B ends the revoked session's stream when A announces the sign-out
    const after = await onB.call('listPos', {});
    expect(after.body).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(after.sessionEnded).toBe(true);
    expect((await onB.events()).response.status).toBe(403);
  });

  it('keeps only a hash of each token in the database', async () => {
    const onA = await new WireWorkstation(a.url).signIn('bob');
    const rows = await a.desk.db.selectFrom('desk_sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(onA.token);
  });

  it('refuses requests without a token, with an idle, too old or revoked token, from another origin or for another host', async () => {
    const anonymous = new WireWorkstation(a.url);
    expect((await anonymous.call('listPos', {})).body).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect((await anonymous.events()).response.status).toBe(403);

    const madeUp = new WireWorkstation(b.url);
    madeUp.token = 'A'.repeat(43);
    expect(await madeUp.call('listPos', {})).toMatchObject({ body: { ok: false, error: { code: 'not-signed-in' } }, sessionEnded: true });

    // Idle: two hours and a minute without a call.
    const idle = await new WireWorkstation(a.url).signIn('pat');
    skewMs = 2 * 60 * 60 * 1000 + 60_000;
    expect(await idle.call('listPos', {})).toMatchObject({ body: { ok: false, error: { code: 'not-signed-in' } }, sessionEnded: true });

    // Too old: busy every hour, and still over after twelve.
    skewMs = 0;
    const busy = await new WireWorkstation(b.url).signIn('pat');
    for (let hour = 1; hour <= 11; hour++) {
      skewMs = hour * 60 * 60 * 1000;
      expect((await busy.call('listPos', {})).body.ok).toBe(true);
    }
    skewMs = 12 * 60 * 60 * 1000 + 60_000;
    expect((await busy.call('listPos', {})).body).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });

    // Revoked: signed out, then the old token tried again on the other instance.
    skewMs = 0;
    const revoked = await new WireWorkstation(a.url).signIn('pat');
    const kept = revoked.token;
    await revoked.value('signOut');
    const replay = new WireWorkstation(b.url);
    replay.token = kept;
    expect((await replay.call('listPos', {})).body).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });

    // A page elsewhere, and a name that is not the server's.
    const foreign = await fetch(new URL('api/setupState', a.url), { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const { port } = new URL(a.url);
    const rebound = await rawRequest(new URL('api/setupState', a.url).toString(), { method: 'POST', headers: { host: `evil.example:${port}`, 'content-type': 'application/json' }, body: '{}' });
    expect(rebound.status).toBe(421);
  });

  it('50 wrong passwords across both instances lock the name, audited, and the right password is refused too', { timeout: 60_000 }, async () => {
    const guessers = [new WireWorkstation(a.url), new WireWorkstation(b.url)];
    const answers = await Promise.all(Array.from({ length: 50 }, (_, n) => (guessers[n % 2] as WireWorkstation).call('signIn', { signInName: 'alice', password: `guess-${n}` })));
    expect(answers.every((answer) => !answer.body.ok)).toBe(true);
    expect(answers.some((answer) => /Too many failed sign-ins/.test(answer.body.error?.message ?? ''))).toBe(true);
    const right = await new WireWorkstation(b.url).call('signIn', { signInName: 'alice', password: 'demo' });
    expect(right.body.error?.message).toMatch(/Too many failed sign-ins/);
    const locked = await a.desk.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'sign-in-locked').execute();
    expect(locked.length).toBeGreaterThanOrEqual(1);
  });

  it('an operator calling an admin contract is refused as forbidden, and nothing changes', async () => {
    const alice = await new WireWorkstation(a.url).signIn('alice');
    const settings = await alice.value<Record<string, unknown>>('getSettings');
    const answer = await alice.call('updateSettings', { largePoAmountMinor: 1 });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await alice.value('getSettings')).toEqual(settings);
  });
});
