import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { ChangeNotice } from '../../shared/contracts';
import type { Db } from '../store/connect';
import { EVERYTHING_CHANGED } from '../team/answer-envelope';

/** What travels between server instances: a change notice, or a session that ended (by its hash, never its key). */
export type RelayMessage = { notice: ChangeNotice } | { sessionEnded: string };

/**
 * Carries change notices between the desk server's instances, so a workstation on any instance
 * refetches after a write on any other. The web host publishes each notice and fans out what it
 * hears to its own /events streams.
 */
export interface ChangeRelay {
  publish(message: RelayMessage): void;
  /** Every message from any instance, this one's included (delivered here at once, not via the database). */
  subscribe(listener: (message: RelayMessage) => void): () => void;
  close(): Promise<void>;
}

/** One process, one host: what is published is heard here and nowhere else. */
export function localChangeRelay(): ChangeRelay {
  const listeners = new Set<(message: RelayMessage) => void>();
  return {
    publish: (message) => {
      for (const listener of listeners) listener(message);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => listeners.clear(),
  };
}

export const CHANGE_CHANNEL = 'desk_changes';

export interface PostgresRelayOptions {
  /** Where to LISTEN: the same database the desk's pool uses. */
  url: string;
  /** The desk's pool, which sends each NOTIFY (a LISTENing client cannot be used for anything else). */
  db: Db;
  log?: (message: string, error?: unknown) => void;
  /** Pause before the n-th attempt to listen again after the connection broke. */
  reconnectDelayMs?: (attempt: number) => number;
}

interface Envelope {
  from: string;
  message: RelayMessage;
}

const defaultDelay = (attempt: number) => Math.min(10_000, 250 * 2 ** Math.min(attempt, 6)) * (0.75 + Math.random() / 2);

/**
 * NOTIFY desk_changes after each write, and LISTEN on one dedicated connection per instance.
 * Notices sent while this instance's listening connection was down are lost to it, so after it
 * listens again every stream is told that everything changed, and each screen refetches.
 */
export async function startPostgresChangeRelay(options: PostgresRelayOptions): Promise<ChangeRelay & { readonly listening: boolean }> {
  const instance = randomUUID();
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const delayOf = options.reconnectDelayMs ?? defaultDelay;
  const listeners = new Set<(message: RelayMessage) => void>();
  const deliver = (message: RelayMessage) => {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        log('a change-notice listener failed', error);
      }
    }
  };
  let client: pg.Client | undefined;
  let closed = false;
  let listening = false;
  let retry: NodeJS.Timeout | undefined;

  async function listen(): Promise<void> {
    const next = new pg.Client({ connectionString: options.url, application_name: 'purchasing-desk-changes', keepAlive: true });
    next.on('notification', (notification) => {
      if (notification.channel !== CHANGE_CHANNEL || !notification.payload) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(notification.payload) as Envelope;
      } catch (error) {
        return log('a change notice from another instance was not JSON', error);
      }
      if (envelope.from !== instance) deliver(envelope.message);
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`listen ${CHANGE_CHANNEL}`);
    } catch (error) {
      next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    // Only a listening client is this relay's: errors while connecting are answered by the caller.
    client = next;
    listening = true;
  }

  function lost(which: pg.Client, error?: unknown): void {
    if (which !== client || closed) return;
    client = undefined;
    listening = false;
    log('the change-notice connection to PostgreSQL broke; listening again', error);
    which.end().catch(() => undefined);
    schedule(0);
  }

  function schedule(attempt: number): void {
    retry = setTimeout(() => {
      listen().then(
        () => deliver({ notice: EVERYTHING_CHANGED }),
        (error: unknown) => {
          if (closed) return;
          if (attempt === 0) log('PostgreSQL cannot be listened to for change notices yet; trying again', error);
          schedule(attempt + 1);
        },
      );
    }, delayOf(attempt));
    retry.unref();
  }

  await listen();

  return {
    get listening() {
      return listening;
    },
    publish(message) {
      deliver(message);
      const payload = JSON.stringify({ from: instance, message } satisfies Envelope);
      // A notice that cannot be sent is lost to the other instances; their screens still refetch on their next call or reconnection.
      sql`select pg_notify(${CHANGE_CHANNEL}, ${payload})`.execute(options.db).catch((error: unknown) => log('a change notice could not be sent to the other instances', error));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
