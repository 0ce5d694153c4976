import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/main/open-store';
import { createDesk, type Desk } from '../../src/main/services/desk';
import { EVERYTHING_CHANGED } from '../../src/main/team/answer-envelope';
import { CONNECTION_FILE_NAME } from '../../src/main/team/connection-choice';
import { DeskConnection, type DeskConnectionOptions } from '../../src/main/team/desk-connection';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import type { ChangeNotice, ConnectionChoice, ConnectionState } from '../../src/shared/contracts';
import { TEST_PASSWORD_COST } from '../support/test-desk';

/**
 * Electron main's connection without Electron: the stored choice, the desk it leads to, and the
 * connection calls main answers itself. The team server is the loopback web host on its own file.
 */
let dir: string;
let serverDesk: Desk;
let host: WebHost | null;
let serverUrl: string;
const opened: DeskConnection[] = [];

async function startServer(port = 0): Promise<void> {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  serverDesk = createDesk(await openStore(join(dir, 'server.sqlite'), { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
  host = await startWebHost({ desk: serverDesk, rendererDir, port });
  serverUrl = host.url.replace(/\/$/, '');
}

async function stopServer(): Promise<void> {
  await host?.close();
  host = null;
  await serverDesk.db.destroy();
}

/** A port nothing listens on: bound, noted, and closed again. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Opened {
  connection: DeskConnection;
  changes: ChangeNotice[];
  states: ConnectionState[];
  localDesksOpened: () => number;
}

async function openConnection(defaultChoice: ConnectionChoice | null, overrides: Partial<DeskConnectionOptions> = {}): Promise<Opened> {
  const changes: ChangeNotice[] = [];
  const states: ConnectionState[] = [];
  let localDesks = 0;
  const connection = await DeskConnection.open({
    choiceFile: join(dir, CONNECTION_FILE_NAME),
    defaultChoice,
    openLocalDesk: async () => {
      localDesks++;
      return createDesk(await openStore(join(dir, 'local.sqlite'), { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
    },
    notifyChange: (notice) => changes.push(notice),
    notifyConnection: (state) => states.push(state),
    retry: { firstDelayMs: 20, maxDelayMs: 200 },
    log: () => {},
    ...overrides,
  });
  opened.push(connection);
  return { connection, changes, states, localDesksOpened: () => localDesks };
}

const storedChoice = () => JSON.parse(readFileSync(join(dir, CONNECTION_FILE_NAME), 'utf8')) as unknown;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-connection-'));
  await startServer();
});

afterEach(async () => {
  for (const connection of opened.splice(0)) await connection.close();
  if (host) await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('the workstation’s connection', () => {
  it('this computer only: opens its own database and answers from it, as the app always has', async () => {
    const { connection, localDesksOpened } = await openConnection({ mode: 'local' });
    expect(localDesksOpened()).toBe(1);
    expect(connection.state()).toEqual({ mode: 'local', serverUrl: null, reachable: true, canChoose: true, problem: null });
    expect(await connection.call('window-1', 'signIn', { signInName: 'alice', password: 'demo' })).toMatchObject({ ok: true, value: { signInName: 'alice' } });
    expect(await connection.call('window-1', 'currentOperator', {})).toMatchObject({ ok: true, value: { signInName: 'alice' } });
    // Nothing was stored: the default needs no file.
    expect(existsSync(join(dir, CONNECTION_FILE_NAME))).toBe(false);
  });

  it('team server: opens no local database and forwards every desk call', async () => {
    writeFileSync(join(dir, CONNECTION_FILE_NAME), JSON.stringify({ mode: 'team', url: serverUrl }));
    const { connection, localDesksOpened } = await openConnection({ mode: 'local' });
    expect(localDesksOpened()).toBe(0);
    expect(existsSync(join(dir, 'local.sqlite'))).toBe(false);
    expect(connection.state()).toMatchObject({ mode: 'team', serverUrl, canChoose: true });
    expect(await connection.call('window-1', 'signIn', { signInName: 'pat', password: 'demo' })).toMatchObject({ ok: true, value: { signInName: 'pat' } });
    const saved = await connection.call('window-1', 'savePo', {
      vendorCode: 'BOLT',
      warehouseCode: 'MAIN',
      costCenterCode: '210',
      lines: [{ itemCode: null, description: 'Hex bolts', quantityMilli: 1000, unitCostMinor: 100, glAccountCode: '5000' }],
    });
    expect(saved.ok).toBe(true);
    // It is on the server's database.
    const onServer = await serverDesk.db.selectFrom('purchase_orders').select('number').execute();
    expect(onServer.map((po) => po.number)).toContain(saved.ok && saved.value.number);
    // The window closed: its token goes with it.
    connection.sessionGone('window-1');
    expect(await connection.call('window-1', 'currentOperator', {})).toEqual({ ok: true, value: null });
  });

  it('first run: nothing chosen, desk calls wait for a choice, and the connection calls are answered here', async () => {
    const { connection, changes, states } = await openConnection(null);
    expect(connection.state()).toEqual({ mode: 'unchosen', serverUrl: null, reachable: true, canChoose: true, problem: null });
    expect(await connection.call('window-1', 'currentOperator', {})).toMatchObject({ ok: false, error: { code: 'unreachable', message: expect.stringMatching(/choose “This computer only” or “Team server” first/) } });

    expect(await connection.answer('chooseConnection', { mode: 'team', url: 'http://desk.example.com' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'url', message: expect.stringMatching(/must use https:\/\//) },
    });
    const nowhere = `http://127.0.0.1:${await deadPort()}`;
    expect(await connection.answer('testConnection', { url: nowhere })).toEqual({ ok: true, value: { found: false, url: nowhere, message: expect.stringMatching(/^Nothing answers at http:\/\/127\.0\.0\.1:\d+: no desk server is running there/) } });
    expect(await connection.answer('chooseConnection', { mode: 'team', url: nowhere })).toMatchObject({ ok: false, error: { code: 'unreachable', message: expect.stringMatching(/^Nothing was changed: Nothing answers at/) } });
    expect(existsSync(join(dir, CONNECTION_FILE_NAME))).toBe(false);

    expect(await connection.answer('testConnection', { url: `${serverUrl}/` })).toEqual({
      ok: true,
      value: { found: true, url: serverUrl, message: `A purchasing desk answers at ${serverUrl}. It holds the demo database, whose operators all sign in with the password “demo”.` },
    });
    const chosen = await connection.answer('chooseConnection', { mode: 'team', url: serverUrl });
    expect(chosen).toEqual({ ok: true, value: { mode: 'team', serverUrl, reachable: true, canChoose: true, problem: null } });
    expect(storedChoice()).toEqual({ mode: 'team', url: serverUrl });
    expect(states.at(-1)).toMatchObject({ mode: 'team' });
    expect(changes).toContainEqual(EVERYTHING_CHANGED);
    expect(await connection.call('window-1', 'setupState', {})).toMatchObject({ ok: true, value: { demoDatabase: true } });
  });

  it('changes from a team server to this computer: the team session ends, the local database opens, the choice is stored', async () => {
    writeFileSync(join(dir, CONNECTION_FILE_NAME), JSON.stringify({ mode: 'team', url: serverUrl }));
    const { connection, localDesksOpened } = await openConnection(null);
    await connection.call('window-1', 'signIn', { signInName: 'alice', password: 'demo' });
    expect(await connection.answer('chooseConnection', { mode: 'local' })).toMatchObject({ ok: true, value: { mode: 'local' } });
    expect(localDesksOpened()).toBe(1);
    expect(storedChoice()).toEqual({ mode: 'local' });
    // The local desk has its own sessions: nobody is signed in to it yet.
    expect(await connection.call('window-1', 'currentOperator', {})).toEqual({ ok: true, value: null });
    // Choosing what is already chosen changes nothing.
    expect(await connection.answer('chooseConnection', { mode: 'local' })).toMatchObject({ ok: true, value: { mode: 'local' } });
    expect(localDesksOpened()).toBe(1);
  });

  it('a stored choice that cannot be used is said in words, and the workstation asks again', async () => {
    writeFileSync(join(dir, CONNECTION_FILE_NAME), '{"mode":"team","url":"http://desk.example.com"}');
    const { connection, localDesksOpened } = await openConnection({ mode: 'local' });
    expect(localDesksOpened()).toBe(0);
    expect(connection.state()).toMatchObject({ mode: 'unchosen', problem: expect.stringMatching(/cannot be used: A team server on another computer must use https:\/\/.* This computer asks again\./) });
    expect(await connection.answer('chooseConnection', { mode: 'local' })).toMatchObject({ ok: true, value: { mode: 'local', problem: null } });
  });

  it('tells the renderer when the team server stops and when it is back', async () => {
    writeFileSync(join(dir, CONNECTION_FILE_NAME), JSON.stringify({ mode: 'team', url: serverUrl }));
    const { connection, states } = await openConnection(null);
    const port = Number(new URL(serverUrl).port);
    await connection.call('window-1', 'signIn', { signInName: 'alice', password: 'demo' });
    await stopServer();
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ mode: 'team', reachable: false }), { timeout: 3_000 });
    expect(connection.state().reachable).toBe(false);
    await startServer(port);
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ mode: 'team', reachable: true }), { timeout: 5_000 });
    expect(states.map((state) => state.reachable)).toEqual([false, true]);
  });
});
