import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../../src/main/open-store';
import { createDesk, type Desk } from '../../src/main/services/desk';
import { startWebHost, type WebHost } from '../../src/main/web/web-host';
import { TEST_PASSWORD_COST } from '../support/test-desk';

/**
 * A loopback web host that a spec can stop and start again on the same port and the same database
 * file, as a desk server goes down and comes back. Beside desk-fixture.ts, whose host lives as long
 * as its page; it serves the same build (PURCHASING_DESK_E2E_OUT, else `out`).
 */
export interface RestartableHost {
  /** The start page, e.g. http://127.0.0.1:41234/ — the same across restarts. */
  url: string;
  /** The server's address as a workstation names it (no trailing slash). */
  serverUrl: string;
  /** Closes the host and its database: the page's calls and change-notice stream find nothing there. */
  stop(): Promise<void>;
  /** A new host on the same port and database file; sessions of the old one are gone, as they were in its memory. */
  start(): Promise<void>;
  /** Stops it and removes its database. */
  dispose(): Promise<void>;
}

const root = resolve(__dirname, '../..');
const outDir = resolve(root, process.env.PURCHASING_DESK_E2E_OUT ?? 'out');

export async function startRestartableHost(options: { connectionPreview?: boolean } = {}): Promise<RestartableHost> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-e2e-restartable-'));
  const databaseFile = join(dir, 'purchasing-desk.sqlite');
  let port = 0;
  let running: { desk: Desk; host: WebHost } | null = null;

  const start = async () => {
    if (running) return;
    const desk = createDesk(await openStore(databaseFile, { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
    const host = await startWebHost({ desk, rendererDir: join(outDir, 'renderer'), port, connectionPreview: options.connectionPreview });
    port = Number(new URL(host.url).port);
    running = { desk, host };
  };
  const stop = async () => {
    if (!running) return;
    const { desk, host } = running;
    running = null;
    await host.close();
    await desk.db.destroy();
  };

  await start();
  return {
    url: `http://127.0.0.1:${port}/`,
    serverUrl: `http://127.0.0.1:${port}`,
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
