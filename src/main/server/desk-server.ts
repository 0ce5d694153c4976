import { openStore } from '../open-store';
import { createDesk, type Desk } from '../services/desk';
import type { SessionLimits } from '../services/sessions';
import { startWebHost } from '../web/web-host';
import { startPostgresChangeRelay } from './change-relay';
import { DatabaseSessionStore } from './database-sessions';

export interface DeskServerOptions {
  databaseUrl: string;
  rendererDir: string;
  listen?: { host: string; port: number };
  tls?: { cert: string | Buffer; key: string | Buffer };
  publicOrigin?: string;
  /** Fill an empty database with the demo world; a team database is prepared with `npm run db:demo` instead. */
  demoData?: boolean;
  /** Tests: a cheap scrypt cost, shorter sessions, a clock of their own. */
  passwordCost?: number;
  sessionLimits?: SessionLimits;
  clock?: () => number;
  log?: (message: string, error?: unknown) => void;
}

export interface DeskServer {
  url: string;
  desk: Desk;
  close(): Promise<void>;
}

/**
 * One instance of the team's desk server: the desk's services and dispatcher on PostgreSQL, served
 * by the same web host the browser mode uses, with sessions in the database and change notices
 * relayed through LISTEN/NOTIFY, so any number of instances can serve one team. Migrates at start
 * (under the advisory lock, so instances starting together take turns).
 */
export async function startDeskServer(options: DeskServerOptions): Promise<DeskServer> {
  const db = await openStore(options.databaseUrl, { demoData: options.demoData ?? false, passwordCost: options.passwordCost });
  const clock = options.clock ?? Date.now;
  const desk = createDesk(db, {
    passwordCost: options.passwordCost,
    now: () => new Date(clock()).toISOString(),
    sessions: (store) => new DatabaseSessionStore(store, options.sessionLimits, clock),
  });
  let relay: Awaited<ReturnType<typeof startPostgresChangeRelay>> | undefined;
  try {
    relay = await startPostgresChangeRelay({ url: options.databaseUrl, db, log: options.log });
    const host = await startWebHost({
      desk,
      rendererDir: options.rendererDir,
      port: options.listen?.port ?? 0,
      listenHost: options.listen?.host ?? '127.0.0.1',
      tls: options.tls,
      publicOrigin: options.publicOrigin,
      relay,
    });
    const started = relay;
    return {
      url: host.url,
      desk,
      close: async () => {
        await host.close();
        await started.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await relay?.close();
    await db.destroy();
    throw error;
  }
}
