import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SessionStore } from '../../src/main/services/sessions';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import { openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/** The probe's cases against the browser mode's loopback host, each as a plain HTTP exchange. */
interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

forEachStore((store) => {
  let t: TestDesk;
  let host: WebHost;
  let port: number;
  let rendererDir: string;

  function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; hostHeader?: string } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: options.method ?? 'GET',
          headers: { host: options.hostHeader ?? `127.0.0.1:${port}`, ...options.headers },
        },
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

  /** An event stream held open: its status, a promise that settles when the host ends it, and a way to close it. */
  function openStream(cookie: string): Promise<{ status: number; ended: Promise<void>; close: () => void }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}`, cookie } }, (res) => {
        const ended = new Promise<void>((done) => res.on('close', () => done()));
        res.resume();
        resolve({ status: res.statusCode ?? 0, ended, close: () => req.destroy() });
      });
      req.on('error', reject);
      req.end();
    });
  }

  const origin = () => `http://127.0.0.1:${port}`;
  const cookieOf = (reply: Reply): string | undefined => {
    const header = reply.headers['set-cookie'];
    const first = Array.isArray(header) ? header[0] : header;
    return first?.split(';')[0];
  };
  const api = (name: string, payload: unknown, headers: Record<string, string> = {}) =>
    send(`/api/${name}`, {
      method: 'POST',
      headers: { origin: origin(), 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    });

  beforeAll(async () => {
    t = await openTestDesk(store);
    rendererDir = mkdtempSync(join(tmpdir(), 'desk-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>desk</title></head><body></body></html>');
    host = await startWebHost({ desk: t.desk, rendererDir });
    port = Number(new URL(host.url).port);
  });

  afterAll(async () => {
    await host.close();
    await t.close();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  describe('the loopback host', () => {
    it('answers only to its own Host: a rebinding name gets neither the page, the bridge nor the events', async () => {
      for (const path of ['/', '/desk-bridge.js', '/events']) {
        const reply = await send(path, { hostHeader: `rebind.example:${port}` });
        expect(reply.status, path).toBe(421);
      }
      expect((await send('/')).status).toBe(200);
      expect((await send('/', { hostHeader: `localhost:${port}` })).status).toBe(200);
    });

    it('refuses calls from a foreign Origin, and accepts both loopback spellings', async () => {
      expect((await api('getSettings', {}, { origin: 'http://evil.example' })).status).toBe(403);
      const viaLocalhost = await send('/api/getSettings', {
        method: 'POST',
        hostHeader: `localhost:${port}`,
        headers: { origin: `http://localhost:${port}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(viaLocalhost.status).toBe(200);
      expect(JSON.parse(viaLocalhost.body)).toMatchObject({ ok: true });
    });

    it('streams change notices only to a signed-in session', async () => {
      expect((await send('/events')).status).toBe(403);
      expect((await send('/events', { headers: { cookie: 'desk_session=made-up' } })).status).toBe(403);
      const signedIn = await api('signIn', { signInName: 'alice', password: 'demo' });
      const cookie = cookieOf(signedIn) as string;
      expect((await send('/events', { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403);
      const stream = await send('/events', { headers: { cookie } });
      expect(stream.status).toBe(200);
      expect(stream.body).toContain('connected');
    });

    it('holds at most 32 change-notice streams open, and closes a session’s streams at sign-out', async () => {
      const cookie = cookieOf(await api('signIn', { signInName: 'bob', password: 'demo' })) as string;
      const streams = await Promise.all(Array.from({ length: 32 }, () => openStream(cookie)));
      try {
        expect(streams.map((stream) => stream.status)).toEqual(Array(32).fill(200));
        expect((await send('/events', { headers: { cookie } })).status).toBe(503);
        await api('signOut', {}, { cookie });
        await Promise.all(streams.map((stream) => stream.ended));
        expect((await send('/events', { headers: { cookie } })).status).toBe(403);
      } finally {
        for (const stream of streams) stream.close();
      }
    });

    it('sets no cookie before sign-in: the start page and anonymous calls hand out no session id', async () => {
      expect((await send('/')).headers['set-cookie']).toBeUndefined();
      expect((await api('currentOperator', {})).headers['set-cookie']).toBeUndefined();
      expect((await api('signIn', { signInName: 'alice', password: 'wrong' })).headers['set-cookie']).toBeUndefined();
    });

    it('ignores a session id it did not issue, and issues a new one at every sign-in', async () => {
      const planted = 'desk_session=attacker-chosen';
      const before = await api('currentOperator', {}, { cookie: planted });
      expect(JSON.parse(before.body)).toEqual({ ok: true, value: null });
      // The browser is told to drop the id it holds.
      expect(String(before.headers['set-cookie'])).toContain('Max-Age=0');

      const signedIn = await api('signIn', { signInName: 'alice', password: 'demo' }, { cookie: planted });
      const issued = cookieOf(signedIn) as string;
      expect(issued).toMatch(/^desk_session=[0-9a-f-]{36}$/);
      expect(issued).not.toBe(planted);
      // The planted id is still nobody.
      expect(JSON.parse((await api('currentOperator', {}, { cookie: planted })).body)).toEqual({ ok: true, value: null });
      expect(JSON.parse((await api('currentOperator', {}, { cookie: issued })).body)).toMatchObject({ ok: true, value: { signInName: 'alice' } });

      // Signing in again from the same browser rotates the id; the old one is dead.
      const again = await api('signIn', { signInName: 'alice', password: 'demo' }, { cookie: issued });
      const rotated = cookieOf(again) as string;
      expect(rotated).not.toBe(issued);
      expect(JSON.parse((await api('currentOperator', {}, { cookie: issued })).body)).toEqual({ ok: true, value: null });

      const signedOut = await api('signOut', {}, { cookie: rotated });
      expect(String(signedOut.headers['set-cookie'])).toContain('Max-Age=0');
      expect(JSON.parse((await api('currentOperator', {}, { cookie: rotated })).body)).toEqual({ ok: true, value: null });
    });

    it.each([
      ['with its length declared', { 'content-length': '1200000' }],
      ['sent in chunks', { 'transfer-encoding': 'chunked' }],
    ])('answers a body over 1 MB %s with 413 instead of resetting the connection', async (_how, framing) => {
      const reply = await send('/api/searchVendors', {
        method: 'POST',
        headers: { origin: origin(), 'content-type': 'application/json', ...framing },
        body: Buffer.alloc(1_200_000, 'a'),
      });
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body).error.message).toMatch(/larger than 1 MB/);
    });

    it.each(['/%E0%A4%A', '/%', '//', '//:99999'])('answers the malformed address %s with 400, not a server error', async (path) => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const reply = await send(path);
        expect(reply.status).toBe(400);
        expect(reply.body).not.toMatch(/\bat \S+:\d+/);
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });
  });

  describe('sessions', () => {
    it('a browser session ends when idle too long and when too old; the expired cookie is dropped', async () => {
      let now = 0;
      const realSessions = t.desk.sessions;
      t.desk.sessions = new SessionStore({ idleMs: 1_000, maxAgeMs: 5_000 }, () => now);
      try {
        const whoIs = async (cookie: string) => JSON.parse((await api('currentOperator', {}, { cookie })).body).value?.signInName ?? null;
        const idle = cookieOf(await api('signIn', { signInName: 'alice', password: 'demo' })) as string;
        now = 900;
        expect(await whoIs(idle)).toBe('alice');
        now = 2_000;
        const expired = await api('currentOperator', {}, { cookie: idle });
        expect(JSON.parse(expired.body)).toEqual({ ok: true, value: null });
        expect(String(expired.headers['set-cookie'])).toContain('Max-Age=0');

        const busy = cookieOf(await api('signIn', { signInName: 'alice', password: 'demo' })) as string;
        for (now = 2_500; now <= 7_000; now += 500) expect(await whoIs(busy)).toBe('alice');
        now = 7_600;
        expect(await whoIs(busy)).toBeNull();
        expect((await send('/events', { headers: { cookie: busy } })).status).toBe(403);
      } finally {
        t.desk.sessions = realSessions;
      }
    });

    it('expire after idle time and after their maximum age, however busy', () => {
      let now = 0;
      const store = new SessionStore({ idleMs: 100, maxAgeMs: 1_000 }, () => now);
      store.start('a', 1);
      now = 99;
      expect(store.get('a')).toBeDefined();
      now = 198;
      expect(store.get('a')).toBeDefined(); // each use restarts the idle clock
      now = 299;
      expect(store.get('a')).toBeUndefined();

      now = 300;
      store.start('b', 2);
      for (; now <= 1_300; now += 50) expect(store.get('b')).toBeDefined();
      now = 1_301;
      expect(store.get('b')).toBeUndefined();
    });
  });
});
