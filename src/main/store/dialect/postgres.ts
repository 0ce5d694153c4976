import { type Kysely, PostgresDialect, sql } from 'kysely';
import { Pool, type PoolConfig, types } from 'pg';
import { runRegisteredTextsPrepared } from './prepared-statements';

export interface PostgresOptions {
  /** Connections this process keeps at most; every concurrent transaction holds one. */
  poolSize?: number;
  /** How long a statement waits for another transaction's row lock before the save is told the store is busy (SQLite's busy_timeout). */
  busyTimeoutMs?: number;
  /** How long getting a connection may take before the store counts as unreachable. */
  connectTimeoutMs?: number;
  /** Told about connections that broke while idle in the pool; the pool replaces them by itself. */
  onIdleError?: (error: Error) => void;
}

/**
 * 64-bit integers (our `bigint` columns, count(*)) read as numbers, as better-sqlite3 reads them,
 * instead of pg's strings; a value beyond 2^53 could not be a number exactly and is refused loudly.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`The store returned ${text}, beyond the integers JavaScript holds exactly.`);
  return value;
}

const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === types.builtins.INT8 && format !== 'binary' ? parseInt8 : types.getTypeParser(oid, format)) as typeof types.getTypeParser;

/** Kysely's PostgresDialect over a pg Pool of its own. */
export function createPostgresDialect(url: string, options: PostgresOptions = {}): PostgresDialect {
  const config: PoolConfig = {
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    lock_timeout: options.busyTimeoutMs ?? 5_000,
    // A client that stalls inside a transaction must not hold PO rows locked for ever.
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'purchasing-desk',
    keepAlive: true,
    types: { getTypeParser },
  };
  const pool = new Pool(config);
  const onIdleError = options.onIdleError ?? (() => undefined);
  // An idle connection the server closed (a restart, an admin) is dropped from the pool; without a
  // listener the 'error' event would end the process.
  pool.on('error', onIdleError);
  // A connection in use that breaks between statements emits 'error' too; its next statement then
  // fails and the pool discards it when it is released.
  pool.on('connect', (client) => {
    client.on('error', onIdleError);
    runRegisteredTextsPrepared(client);
  });
  return new PostgresDialect({ pool });
}

/** Held for the whole of a schema change, across each migration's own transaction, so two servers starting at once take turns. */
const SCHEMA_LOCK_KEY = 'purchasing-desk:schema';
/** A server waits this long for another one migrating and filling the database. */
const SCHEMA_LOCK_WAIT = '5min';

/**
 * Runs `work` on one connection holding a session-level advisory lock, released when it ends
 * (or, should this process die, when the server drops the connection).
 */
export async function withPostgresSchemaLock<DB, T>(db: Kysely<DB>, work: (locked: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (locked) => {
    await sql.raw(`set lock_timeout = '${SCHEMA_LOCK_WAIT}'`).execute(locked);
    await sql`select pg_advisory_lock(hashtextextended(${SCHEMA_LOCK_KEY}, 0))`.execute(locked);
    await sql`reset lock_timeout`.execute(locked);
    try {
      return await work(locked);
    } finally {
      await sql`select pg_advisory_unlock(hashtextextended(${SCHEMA_LOCK_KEY}, 0))`.execute(locked);
    }
  });
}
