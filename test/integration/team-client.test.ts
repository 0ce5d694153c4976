import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/main/open-store';
import { createDesk, type Desk } from '../../src/main/services/desk';
import { SessionStore } from '../../src/main/services/sessions';
import { EVERYTHING_CHANGED } from '../../src/main/team/answer-envelope';
import { TeamClient } from '../../src/main/team/team-client';
import { CLIENT_HEADER, CLIENT_MARKER, SESSION_ENDED_HEADER, SESSION_TOKEN_HEADER } from '../../src/main/team/wire';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import type { ChangeNotice } from '../../src/shared/contracts';
import { line, TEST_PASSWORD_COST } from '../support/test-desk';

/**
 * Team mode's workstation side against a real server: the loopback web host on a temporary SQLite
 * desk, stopped and started again on the same port and file as a team server would be. The client
 * is main's TeamClient, talking HTTP to it exactly as the Electron app does.
 */
const FAST_RETRY = { firstDelayMs: 20, maxDelayMs: 200 };
const newPo = { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line('Hex bolts'), line('Washers', 1000, 300)] };

let dir: string;
let rendererDir: string;
let databaseFile: string;
let desk: Desk;
let host: WebHost | null = null;
let port = 0;
let serverUrl = '';

async function startServer(): Promise<void> {
  desk = createDesk(await openStore(databaseFile, { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
  host = await startWebHost({ desk, rendererDir, port });
  port = Number(new URL(host.url).port);
  serverUrl = `http://127.0.0.1:${port}`;
}

async function stopServer(): Promise<void> {
  await host?.close();
  host = null;
  await desk.db.destroy();
}

/** Everything a save writes, read from the file itself, so a broken save can be shown to be whole or absent. */
async function storedPos(): Promise<{ number: string; lines: number }[]> {
  const rows = await desk.db
    .selectFrom('purchase_orders as po')
    .leftJoin('po_lines as l', 'l.po_id', 'po.id')
    .select(['po.number', (eb) => eb.fn.count<number>('l.id').as('lines')])
    .groupBy('po.number')
    .orderBy('po.number')
    .execute();
  return rows.map((row) => ({ number: String(row.number), lines: Number(row.lines) }));
}

/** A request as any HTTP client may send it; Node's fetch adds neither Origin nor Sec-Fetch-* headers. */
const raw = (path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${serverUrl}${path}`, body === undefined ? { headers } : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const asWorkstation = (token?: string): Record<string, string> => ({ [CLIENT_HEADER]: CLIENT_MARKER, ...(token ? { authorization: `Bearer ${token}` } : {}) });

interface Recorded {
  client: TeamClient;
  notices: ChangeNotice[];
  reachability: boolean[];
  /** Every request the client made, by path. */
  requests: string[];
  /** The last session token the server handed this client, read off the wire. */
  lastToken: () => string | null;
}

const clients: TeamClient[] = [];

function teamClient(serverFetch: typeof fetch = fetch): Recorded {
  const notices: ChangeNotice[] = [];
  const reachability: boolean[] = [];
  const requests: string[] = [];
  let token: string | null = null;
  const recording: typeof fetch = async (input, init) => {
    requests.push(new URL(String(input)).pathname);
    const response = await serverFetch(input, init);
    token = response.headers.get(SESSION_TOKEN_HEADER) ?? token;
    return response;
  };
  const client = new TeamClient({
    serverUrl,
    fetch: recording,
    retry: FAST_RETRY,
    onChange: (notice) => notices.push(notice),
    onReachability: (reachable) => reachability.push(reachable),
    log: () => {},
  });
  clients.push(client);
  return { client, notices, reachability, requests, lastToken: () => token };
}

async function signedIn(recorded: Recorded, signInName: string, sessionKey = 'window-1'): Promise<void> {
  const result = await recorded.client.call(sessionKey, 'signIn', { signInName, password: 'demo' });
  if (!result.ok) throw new Error(`sign-in as ${signInName} failed: ${result.error.message}`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-team-'));
  databaseFile = join(dir, 'team.sqlite');
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>desk</title></head><body></body></html>');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  port = 0;
  await startServer();
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  if (host) await stopServer();
});

describe('the team client against a desk server', () => {
  it('signs in with a token that stays in main, and forwards calls whose answers it checks', async () => {
    const alice = teamClient();
    expect(await alice.client.call('window-1', 'currentOperator', {})).toEqual({ ok: true, value: null });
    await signedIn(alice, 'alice');
    expect(alice.client.signedInSessions).toBe(1);
    expect(alice.lastToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(await alice.client.call('window-1', 'currentOperator', {})).toMatchObject({ ok: true, value: { signInName: 'alice', role: 'operator' } });
    // Another window of the same workstation is nobody until it signs in itself.
    expect(await alice.client.call('window-2', 'currentOperator', {})).toEqual({ ok: true, value: null });

    const saved = await alice.client.call('window-1', 'savePo', newPo);
    expect(saved).toMatchObject({ ok: true, value: { vendorCode: 'BOLT', totalMinor: 2500 + 300, lines: [{ description: 'Hex bolts' }, { description: 'Washers' }] } });
    const list = await alice.client.call('window-1', 'listPos', { mine: true });
    expect(list.ok && list.value.rows.map((row) => row.number)).toContain(saved.ok && saved.value.number);
    // A refusal comes back as the server worded it.
    expect(await alice.client.call('window-1', 'listAudit', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a forged payload before it leaves main, and the server refuses it too', async () => {
    const alice = teamClient();
    await signedIn(alice, 'alice');
    const stored = await storedPos();
    const forged = { ...newPo, createdBy: 'admin' };
    const before = alice.requests.length;
    const refused = await alice.client.call('window-1', 'savePo', forged);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/does not accept “createdBy”/) } });
    expect(alice.requests.length).toBe(before);
    expect(await alice.client.call('window-1', 'savePo', { ...newPo, lines: [{ ...line(), quantityMilli: 0.5 }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'lines.0.quantityMilli', message: 'Line 1: Quantity has at most 3 decimals' },
    });
    expect(alice.requests.length).toBe(before);

    // The same payload sent straight to the server with the workstation's token: refused there in the same words.
    const direct = await raw('/api/savePo', asWorkstation(alice.lastToken() as string), forged);
    expect(await direct.json()).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/does not accept “createdBy”/) } });
    expect(await storedPos()).toEqual(stored);
  });

  it('refuses an answer that does not match the contract, as another version of the desk', async () => {
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/api/listWarehouses')) return response;
      return new Response(JSON.stringify({ ok: true, value: [{ code: 'MAIN' }] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const alice = teamClient(tampering);
    await signedIn(alice, 'alice');
    expect(await alice.client.call('window-1', 'listWarehouses', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/answered listWarehouses in a form this app does not know: it runs another version of the desk/) },
    });
  });

  it('hands on the server’s change notices from its /events stream', async () => {
    const alice = teamClient();
    const bob = teamClient();
    await signedIn(alice, 'alice');
    await signedIn(bob, 'pat');
    await vi.waitFor(() => expect(host && alice.requests).toContain('/events'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    alice.notices.length = 0;
    expect(await bob.client.call('window-1', 'savePo', newPo)).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(alice.notices).toContainEqual({ entities: ['purchase-orders', 'audit'] }), { timeout: 3_000 });
  });

  it('when the server stops: says in words that nothing was saved, saves nothing, and recovers by itself when it is back', async () => {
    const alice = teamClient();
    await signedIn(alice, 'alice');
    await vi.waitFor(() => expect(alice.requests).toContain('/events'));
    const before = await storedPos();
    await stopServer();
    await vi.waitFor(() => expect(alice.reachability).toEqual([false]), { timeout: 3_000 });
    expect(alice.client.reachable).toBe(false);

    const save = await alice.client.call('window-1', 'savePo', newPo);
    expect(save).toEqual({
      ok: false,
      error: { code: 'unreachable', message: `The team server at ${serverUrl} cannot be reached. Nothing was saved; try again when it is back.` },
    });
    expect(await alice.client.call('window-1', 'listPos', {})).toEqual({
      ok: false,
      error: { code: 'unreachable', message: `The team server at ${serverUrl} cannot be reached; try again when it is back.` },
    });

    // The same database and port, as a restarted server: no restart of the client.
    await startServer();
    expect(await storedPos()).toEqual(before);
    await vi.waitFor(() => expect(alice.reachability).toEqual([false, true]), { timeout: 5_000 });
    // Notices sent meanwhile were lost: every screen is told to refetch.
    expect(alice.notices).toContainEqual(EVERYTHING_CHANGED);
    // This server kept its sessions in memory, so it no longer knows the token: the stream is refused and the renderer asks who is signed in.
    await vi.waitFor(() => expect(alice.client.signedInSessions).toBe(0), { timeout: 3_000 });
    expect(alice.notices).toContainEqual({ entities: ['session'] });
    expect(await alice.client.call('window-1', 'currentOperator', {})).toEqual({ ok: true, value: null });

    await signedIn(alice, 'alice');
    expect(await alice.client.call('window-1', 'savePo', newPo)).toMatchObject({ ok: true });
    expect((await storedPos()).length).toBe(before.length + 1);
    // And the change-notice stream is back.
    const pat = teamClient();
    await signedIn(pat, 'pat');
    alice.notices.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pat.client.call('window-1', 'savePo', newPo);
    await vi.waitFor(() => expect(alice.notices).toContainEqual({ entities: ['purchase-orders', 'audit'] }), { timeout: 3_000 });
  });

  it('a save cut off on its way: the operator is told it cannot be known, and the PO is whole or absent', async () => {
    let cutNext = false;
    let stopped: Promise<void> | undefined;
    const cutting: typeof fetch = async (input, init) => {
      const pending = fetch(input, init);
      if (cutNext && String(input).endsWith('/api/savePo')) {
        cutNext = false;
        // The server goes while the request is with it.
        setImmediate(() => (stopped = stopServer()));
      }
      return pending;
    };
    const alice = teamClient(cutting);
    await signedIn(alice, 'alice');
    const before = await storedPos();
    cutNext = true;
    const save = await alice.client.call('window-1', 'savePo', newPo);
    await vi.waitFor(() => expect(stopped).toBeDefined());
    await stopped;
    expect(save.ok).toBe(false);
    if (!save.ok) {
      expect(save.error.code).toBe('unreachable');
      // Refused connections say "nothing was saved"; a request that had left cannot know, and says so.
      expect(save.error.message).toMatch(
        /^(The team server at \S+ cannot be reached\. Nothing was saved; try again when it is back\.|The team server at \S+ stopped answering after your change was sent, so this computer cannot tell whether it was saved\.)/,
      );
    }
    await startServer();
    const after = await storedPos();
    const added = after.filter((po) => !before.some((old) => old.number === po.number));
    expect(added.length).toBeLessThanOrEqual(1);
    for (const po of added) expect(po.lines).toBe(2);
  });

  it('signs out: the token is forgotten here and revoked there, for calls and for /events', async () => {
    const alice = teamClient();
    await signedIn(alice, 'alice');
    const token = alice.lastToken() as string;
    expect(await (await raw('/api/currentOperator', asWorkstation(token), {})).json()).toMatchObject({ ok: true, value: { signInName: 'alice' } });
    expect(await alice.client.call('window-1', 'signOut', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(alice.client.signedInSessions).toBe(0);

    const after = await raw('/api/savePo', asWorkstation(token), newPo);
    expect(await after.json()).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect(after.headers.get(SESSION_ENDED_HEADER)).toBe('true');
    const events = await raw('/events', asWorkstation(token));
    expect(events.status).toBe(403);
  });

  it('refuses tokens it did not issue, and tokens idle too long or too old, as not signed in', async () => {
    for (const token of ['made-up', 'A'.repeat(43)]) {
      const reply = await raw('/api/listPos', asWorkstation(token), {});
      expect(await reply.json(), token).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
      expect(reply.headers.get(SESSION_ENDED_HEADER)).toBe('true');
    }
    let now = 0;
    desk.sessions = new SessionStore({ idleMs: 1_000, maxAgeMs: 5_000 }, () => now);
    const signIn = async () => (await raw('/api/signIn', asWorkstation(), { signInName: 'alice', password: 'demo' })).headers.get(SESSION_TOKEN_HEADER) as string;
    const listPos = async (token: string) => ((await (await raw('/api/listPos', asWorkstation(token), {})).json()) as { ok: boolean; error?: { code: string } });

    const idle = await signIn();
    now = 900;
    expect((await listPos(idle)).ok).toBe(true);
    now = 2_000;
    expect(await listPos(idle)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });

    const busy = await signIn();
    for (now = 2_500; now <= 7_000; now += 500) expect((await listPos(busy)).ok).toBe(true);
    now = 7_600;
    expect(await listPos(busy)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    expect((await raw('/events', asWorkstation(busy))).status).toBe(403);
  });

  it('streams /events to a bearer token, and a new sign-in on the same workstation revokes the old token', async () => {
    const first = (await raw('/api/signIn', asWorkstation(), { signInName: 'alice', password: 'demo' })).headers.get(SESSION_TOKEN_HEADER) as string;
    const stream = await raw('/events', asWorkstation(first));
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('connected');

    const second = (await raw('/api/signIn', asWorkstation(first), { signInName: 'alice', password: 'demo' })).headers.get(SESSION_TOKEN_HEADER) as string;
    expect(second).not.toBe(first);
    // The old token's stream is ended and the token is nobody's.
    for (;;) if ((await reader.read()).done) break;
    expect(await (await raw('/api/currentOperator', asWorkstation(first), {})).json()).toEqual({ ok: true, value: null });
    expect(await (await raw('/api/currentOperator', asWorkstation(second), {})).json()).toMatchObject({ ok: true, value: { signInName: 'alice' } });
  });

  it('refuses a token from anything that looks like a browser, so a page cannot use one to get past the Origin check', async () => {
    const token = (await raw('/api/signIn', asWorkstation(), { signInName: 'alice', password: 'demo' })).headers.get(SESSION_TOKEN_HEADER) as string;
    const cases: [string, Record<string, string>][] = [
      ['a foreign Origin', { ...asWorkstation(token), origin: 'http://evil.example' }],
      ['this server’s own Origin', { ...asWorkstation(token), origin: serverUrl }],
      ['a browser’s fetch metadata', { ...asWorkstation(token), 'sec-fetch-site': 'same-origin' }],
      ['a browser’s fetch destination', { ...asWorkstation(token), 'sec-fetch-dest': 'empty' }],
      ['a token without the workstation marker', { authorization: `Bearer ${token}` }],
      ['another client marker', { [CLIENT_HEADER]: 'browser', authorization: `Bearer ${token}` }],
      ['a scheme other than Bearer', { ...asWorkstation(), authorization: `Basic ${token}` }],
    ];
    const before = await storedPos();
    for (const [what, headers] of cases) {
      const reply = await raw('/api/savePo', headers, newPo);
      expect(reply.status, what).toBe(403);
      expect(await reply.json(), what).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(reply.headers.get(SESSION_TOKEN_HEADER), what).toBeNull();
      expect((await raw('/events', headers)).status, what).toBe(403);
    }
    expect(await storedPos()).toEqual(before);
    // A browser's own cookie session is untouched by any of it; a browser never receives a token.
    const browser = await raw('/api/signIn', { origin: serverUrl }, { signInName: 'alice', password: 'demo' });
    expect(browser.headers.get('set-cookie')).toMatch(/^desk_session=/);
    expect(browser.headers.get(SESSION_TOKEN_HEADER)).toBeNull();
    // And a workstation is never handed a cookie.
    const workstation = await raw('/api/signIn', asWorkstation(), { signInName: 'alice', password: 'demo' });
    expect(workstation.headers.get('set-cookie')).toBeNull();
  });

  it('answers the connection calls for a browser without choosing, testing or fetching anything', async () => {
    const call = async (name: string, body: unknown) => (await raw(`/api/${name}`, { origin: serverUrl }, body)).json();
    expect(await call('connectionState', {})).toEqual({ ok: true, value: { mode: 'browser', serverUrl, reachable: true, canChoose: false, problem: null } });
    for (const [name, body] of [
      ['testConnection', { url: 'http://127.0.0.1:9' }],
      ['chooseConnection', { mode: 'team', url: 'http://127.0.0.1:9' }],
      ['chooseConnection', { mode: 'local' }],
    ] as const) {
      expect(await call(name, body), name).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/chosen in the desktop app/) } });
    }
  });
});
