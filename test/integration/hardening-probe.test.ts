import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SIGN_IN_POLICY } from '../../src/main/domain/sign-in-throttle';
import { openStore } from '../../src/main/open-store';
import { createDesk } from '../../src/main/services/desk';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import { line, openTestDesk, TEST_PASSWORD_COST, type TestDesk } from '../support/test-desk';
import { forEachStore, freshStoreLocation } from '../support/stores';

/**
 * Issue 13's probe, repeated end to end: each case as the probe sent it, over real HTTP to the
 * browser mode's loopback host (startWebHost) and so through the real dispatcher, on a real SQLite
 * file and on a PostgreSQL database. The two-processes × 200 saves case lives in
 * concurrent-writers.test.ts; here a second process saves while the loopback host saves, the way the
 * Electron app and the browser mode share a file (or two desks share a team database).
 */
interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Exchange {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  hostHeader?: string;
}

forEachStore((store) => {
  let t: TestDesk;
  let host: WebHost;
  let port: number;
  let rendererDir: string;

  beforeEach(async () => {
    t = await openTestDesk(store);
    rendererDir = mkdtempSync(join(tmpdir(), 'desk-probe-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>desk</title></head><body></body></html>');
    host = await startWebHost({ desk: t.desk, rendererDir });
    port = Number(new URL(host.url).port);
  });

  afterEach(async () => {
    await host.close();
    await t.close();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  function send(path: string, options: Exchange = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: options.hostHeader ?? `127.0.0.1:${port}`, ...options.headers } },
        (res) => {
          // An event stream never ends by itself: its status and first bytes are the answer.
          if (res.headers['content-type'] === 'text/event-stream') {
            res.once('data', (chunk: Buffer) => {
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: chunk.toString() });
              req.destroy();
            });
            return;
          }
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  const ownOrigin = () => `http://127.0.0.1:${port}`;
  const api = (name: string, payload: unknown, headers: Record<string, string> = {}) =>
    send(`/api/${name}`, { method: 'POST', headers: { origin: ownOrigin(), 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  const answer = (reply: Reply) => JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  const cookieOf = (reply: Reply): string | undefined => {
    const header = reply.headers['set-cookie'];
    return (Array.isArray(header) ? header[0] : header)?.split(';')[0];
  };
  const signIn = (signInName: string, password: string, cookie?: string) => api('signIn', { signInName, password }, cookie ? { cookie } : {});
  const newPo = { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] };

  describe('probe: a foreign Host (DNS rebinding)', () => {
    it.each(['/', '/desk-bridge.js', '/events'])('GET %s under a rebinding name gets 421 and no content', async (path) => {
      const cookie = cookieOf(await signIn('alice', 'demo')) as string;
      const reply = await send(path, { hostHeader: `desk.rebind.example:${port}`, headers: { cookie } });
      expect(reply.status).toBe(421);
      expect(reply.body).toBe('This desk answers only on its own loopback address.');
    });

    it('a call under a rebinding name is refused before it runs', async () => {
      const reply = await send('/api/signIn', {
        method: 'POST',
        hostHeader: `desk.rebind.example:${port}`,
        headers: { origin: `http://desk.rebind.example:${port}`, 'content-type': 'application/json' },
        body: JSON.stringify({ signInName: 'alice', password: 'demo' }),
      });
      expect(reply.status).toBe(421);
      expect(reply.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('probe: a foreign Origin on a call', () => {
    it.each([
      ['another site', { origin: 'http://evil.example' }],
      ['a lookalike of this one', { origin: `http://127.0.0.1.evil.example:${port}` }],
      ['no Origin at all', { origin: '' }],
    ])('from %s is refused with 403 and nothing is done', async (_from, headers) => {
      const cookie = cookieOf(await signIn('alice', 'demo')) as string;
      const before = await t.desk.db.selectFrom('purchase_orders').select('id').execute();
      const reply = await api('savePo', newPo, { cookie, ...headers });
      expect(reply.status).toBe(403);
      expect(answer(reply)).toEqual({ ok: false, error: { code: 'forbidden', message: 'Cross-origin request refused.' } });
      expect(await t.desk.db.selectFrom('purchase_orders').select('id').execute()).toEqual(before);
    });

    it('from either loopback spelling is served', async () => {
      for (const name of ['127.0.0.1', 'localhost']) {
        const reply = await send('/api/getSettings', {
          method: 'POST',
          hostHeader: `${name}:${port}`,
          headers: { origin: `http://${name}:${port}`, 'content-type': 'application/json' },
          body: '{}',
        });
        expect(answer(reply), name).toMatchObject({ ok: true });
      }
    });
  });

  describe('probe: no session', () => {
    it('a save without sign-in is refused as not signed in, before its fields are looked at', async () => {
      expect(answer(await api('savePo', newPo))).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'Sign in first.' } });
      expect(answer(await api('savePo', { vendorCode: 42, lines: 'x', extra: true }))).toEqual({ ok: false, error: { code: 'not-signed-in', message: 'Sign in first.' } });
    });

    it('no change notices stream without sign-in', async () => {
      const reply = await send('/events');
      expect(reply.status).toBe(403);
      expect(reply.headers['content-type']).not.toBe('text/event-stream');
    });
  });

  describe('probe: a session id the caller chose', () => {
    const chosen = 'desk_session=x';

    it('is not adopted: calls with it are nobody’s, and the browser is told to drop it', async () => {
      const reply = await api('currentOperator', {}, { cookie: chosen });
      expect(answer(reply)).toEqual({ ok: true, value: null });
      expect(String(reply.headers['set-cookie'])).toMatch(/^desk_session=;.*Max-Age=0/);
      expect(answer(await api('savePo', newPo, { cookie: chosen }))).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
      expect((await send('/events', { headers: { cookie: chosen } })).status).toBe(403);
    });

    it('is not kept across sign-in: the sign-in answers with a new random id, and the chosen one stays nobody', async () => {
      const signedIn = await signIn('alice', 'demo', chosen);
      expect(answer(signedIn)).toMatchObject({ ok: true, value: { signInName: 'alice' } });
      const issued = cookieOf(signedIn) as string;
      expect(issued).toMatch(/^desk_session=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(String(signedIn.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\//);
      expect(answer(await api('currentOperator', {}, { cookie: chosen }))).toEqual({ ok: true, value: null });
      expect(answer(await api('currentOperator', {}, { cookie: issued }))).toMatchObject({ ok: true, value: { signInName: 'alice' } });

      // An id this host issued is replaced at the next sign-in too, and signing out clears it.
      const again = cookieOf(await signIn('alice', 'demo', issued)) as string;
      expect(again).not.toBe(issued);
      expect(answer(await api('currentOperator', {}, { cookie: issued }))).toEqual({ ok: true, value: null });
      const signedOut = await api('signOut', {}, { cookie: again });
      expect(String(signedOut.headers['set-cookie'])).toMatch(/^desk_session=;.*Max-Age=0/);
      expect(answer(await api('currentOperator', {}, { cookie: again }))).toEqual({ ok: true, value: null });
    });

    it('is not kept when the first administrator is set up on a desk without demo data', async () => {
      const empty = await freshStoreLocation(store);
      const desk = createDesk(await openStore(empty.location, { demoData: false, passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
      const emptyHost = await startWebHost({ desk, rendererDir });
      const emptyPort = Number(new URL(emptyHost.url).port);
      const call = (name: string, payload: unknown, cookie: string) =>
        new Promise<Reply>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: emptyPort,
              path: `/api/${name}`,
              method: 'POST',
              headers: { host: `127.0.0.1:${emptyPort}`, origin: `http://127.0.0.1:${emptyPort}`, 'content-type': 'application/json', cookie },
            },
            (res) => {
              let body = '';
              res.on('data', (chunk: Buffer) => (body += chunk.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify(payload));
        });
      try {
        const created = await call('setUpFirstAdmin', { signInName: 'dana', displayName: 'Dana Lund', password: 'correct horse battery' }, chosen);
        expect(answer(created)).toMatchObject({ ok: true, value: { role: 'admin' } });
        const issued = cookieOf(created) as string;
        expect(issued).toMatch(/^desk_session=[0-9a-f-]{36}$/);
        expect(answer(await call('currentOperator', {}, chosen))).toEqual({ ok: true, value: null });
        expect(answer(await call('currentOperator', {}, issued))).toMatchObject({ ok: true, value: { signInName: 'dana' } });
      } finally {
        await emptyHost.close();
        await desk.db.destroy();
        await empty.dispose();
      }
    });
  });

  describe('probe: 50 wrong passwords, then the right one', () => {
    const LOCKED = /^Too many failed sign-ins for “admin”\. Try again after (\d\d):(\d\d), or ask an administrator to unlock it\.$/;

    /** The time told is the lockout's end rounded up to the minute (local time), so trying then works. */
    function expectRetryTimeTold(message: string): void {
      const [, hours, minutes] = LOCKED.exec(message) ?? [];
      const lockEnd = new Date(Date.parse(t.desk.now()) + SIGN_IN_POLICY.lockoutMs);
      const minutesAhead = (Number(hours) * 60 + Number(minutes) - (lockEnd.getHours() * 60 + lockEnd.getMinutes()) + 24 * 60) % (24 * 60);
      expect(minutesAhead).toBeGreaterThanOrEqual(0);
      expect(minutesAhead).toBeLessThanOrEqual(1);
    }

    it('one after another: the name locks at the fifth, and the right password is refused with the time to retry', async () => {
      const answers = [];
      for (let guess = 0; guess < 50; guess++) answers.push(answer(await signIn('admin', `guess-${guess}`)));
      expect(answers.filter((a) => a.error?.message.startsWith('That sign-in name and password'))).toHaveLength(SIGN_IN_POLICY.maxFailuresPerName - 1);
      const right = await signIn('admin', 'demo');
      expect(right.headers['set-cookie']).toBeUndefined();
      const refused = answer(right);
      expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(refused.error?.message).toMatch(LOCKED);
      expectRetryTimeTold(refused.error?.message as string);
    });

    it('all at once: the guesses are checked in turn, so the lockout holds and the right one among them fails', async () => {
      const guesses = Array.from({ length: 50 }, (_, guess) => signIn('admin', `guess-${guess}`));
      const answers = (await Promise.all([...guesses, signIn('admin', 'demo')])).map(answer);
      expect(answers.filter((a) => a.ok)).toEqual([]);
      expect(answers.filter((a) => a.error?.message.startsWith('That sign-in name and password'))).toHaveLength(SIGN_IN_POLICY.maxFailuresPerName - 1);
      expect(answers.at(-1)?.error?.message).toMatch(LOCKED);
    });

    it('the burst costs the audit log two rows, not fifty', async () => {
      for (let guess = 0; guess < 50; guess++) await signIn('admin', `guess-${guess}`);
      await signIn('admin', 'demo');
      const rows = await t.desk.db.selectFrom('audit_log').select(['action', 'detail']).where('rule', '=', 'sign-in-throttle').orderBy('id').execute();
      expect(rows).toEqual([
        { action: 'sign-in-refused', detail: expect.stringMatching(/^Sign-in refused for "admin"\./) },
        { action: 'sign-in-locked', detail: 'Sign-in locked for "admin" after 5 failures.' },
      ]);
    });
  });

  describe('probe: oversized bodies and bad addresses', () => {
    it.each([
      ['declared by its length', { 'content-length': String(1_000_001) }, 1_000_001],
      ['sent in chunks', { 'transfer-encoding': 'chunked' }, 1_200_000],
      ['of 8 MB', { 'content-length': String(8_000_000) }, 8_000_000],
    ])('a body over 1 MB %s gets 413 and a sentence, not a reset connection', async (_how, framing, size) => {
      const cookie = cookieOf(await signIn('alice', 'demo')) as string;
      const reply = await send('/api/searchVendors', {
        method: 'POST',
        headers: { origin: ownOrigin(), 'content-type': 'application/json', cookie, ...framing },
        body: Buffer.alloc(size, ' '),
      });
      expect(reply.status).toBe(413);
      expect(answer(reply)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request is larger than 1 MB; nothing was done.' } });
    });

    it('a body of just under 1 MB is still read and answered', async () => {
      const cookie = cookieOf(await signIn('alice', 'demo')) as string;
      const body = JSON.stringify({ query: 'BO' }).padEnd(999_000, ' ');
      const reply = await send('/api/searchVendors', { method: 'POST', headers: { origin: ownOrigin(), 'content-type': 'application/json', cookie }, body });
      expect(reply.status).toBe(200);
      expect(answer(reply)).toMatchObject({ ok: true });
    });

    it('GET /%E0%A4%A answers 400 in words, with no stack trace in the answer or the log', async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const reply = await send('/%E0%A4%A');
        expect(reply.status).toBe(400);
        expect(reply.body).toBe('Bad request: the path is not valid percent-encoding.');
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });
  });

  describe('probe: two writers on one database', () => {
    /** Another desk process (test/support/concurrent-saver.ts) saving `count` new POs at once on the same database. */
    function otherDesk(location: string, count: number): Promise<{ numbers: string[]; failures: string[] }> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/concurrent-saver.ts'), location, String(count), 'pat'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string)) : reject(new Error(`other desk exited ${code}: ${err}`))));
      });
    }

    it('the loopback host and another desk process save new POs at once: none fails, every number is distinct', { timeout: 60_000 }, async () => {
      const SAVES = 100;
      const cookie = cookieOf(await signIn('alice', 'demo')) as string;
      const countPos = async () => (await t.desk.db.selectFrom('purchase_orders').select('id').execute()).length;
      const before = await countPos();
      const other = otherDesk(t.location, SAVES);
      // Start once the other desk's first save is in, so the two really overlap.
      await expect.poll(countPos, { timeout: 30_000, interval: 5 }).toBeGreaterThan(before);
      const here = (await Promise.all(Array.from({ length: SAVES }, () => api('savePo', newPo, { cookie })))).map(answer);
      const there = await other;
      expect(here.filter((a) => !a.ok)).toEqual([]);
      expect(there.failures).toEqual([]);
      const numbers = [...here.map((a) => (a.value as { number: string }).number), ...there.numbers];
      expect(new Set(numbers).size).toBe(2 * SAVES);
    });
  });
});
