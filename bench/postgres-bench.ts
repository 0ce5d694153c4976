/**
 * The PostgreSQL side of the benchmarks: a database to run on, and the generated SQLite world
 * copied into it, so both stores are measured on the same rows.
 *
 *   PURCHASING_DESK_BENCH_DATABASE_URL=postgres://user@host/db   a server to use: the benchmark
 *       makes a database of its own on it (the user needs CREATEDB) and drops it afterwards
 *   otherwise a throwaway server is started as the tests start one (scripts/test-postgres.cjs);
 *   BENCH_POSTGRES=0 skips the PostgreSQL side.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { type Db, migrateToLatest, openPostgres } from '../src/main/store/connect';

const require = createRequire(import.meta.url);

export const BENCH_DATABASE_URL_VARIABLE = 'PURCHASING_DESK_BENCH_DATABASE_URL';

export interface BenchPostgres {
  /** The benchmark's own, empty database. */
  url: string;
  /** A line for the report: which server, which version. */
  describe: string;
  close(): Promise<void>;
}

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** A new empty database for this run, or why there is none. */
export async function benchPostgres(): Promise<BenchPostgres | { skipped: string }> {
  if (process.env.BENCH_POSTGRES === '0') return { skipped: 'BENCH_POSTGRES=0' };
  let serverUrl = process.env[BENCH_DATABASE_URL_VARIABLE];
  let stopServer = () => undefined as void;
  let where = serverUrl ? `${BENCH_DATABASE_URL_VARIABLE}` : 'a throwaway server (scripts/test-postgres.cjs, fsync off)';
  if (!serverUrl) {
    try {
      const { startTestPostgres } = require('../scripts/test-postgres.cjs') as { startTestPostgres: () => Promise<{ url: string; stop: () => void }> };
      const server = await startTestPostgres();
      serverUrl = server.url;
      stopServer = server.stop;
    } catch (error) {
      return { skipped: `no PostgreSQL server could be started (${(error as Error).message}); set ${BENCH_DATABASE_URL_VARIABLE} to use one` };
    }
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  const name = `desk_bench_${process.pid}_${Date.now().toString(36)}`;
  try {
    await admin.connect();
    await admin.query(`create database "${name}" template template0`);
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    where = `PostgreSQL ${rows[0]?.server_version ?? '?'} on ${where}`;
  } catch (error) {
    await admin.end().catch(() => undefined);
    stopServer();
    return { skipped: `the PostgreSQL server could not make a database (${(error as Error).message})` };
  }
  return {
    url: withDatabase(serverUrl, name),
    describe: where,
    async close() {
      try {
        await admin.query(`drop database if exists "${name}" with (force)`);
        await admin.end();
      } finally {
        stopServer();
      }
    },
  };
}

/** The app's tables, parents before children. */
const TABLES = [
  'settings',
  'schemes',
  'cost_centers',
  'scheme_cost_centers',
  'scheme_overrides',
  'scheme_override_cost_centers',
  'operators',
  'vendors',
  'vendor_cost_centers',
  'warehouses',
  'gl_accounts',
  'cost_types',
  'jobs',
  'work_orders',
  'items',
  'purchase_orders',
  'po_lines',
  'po_line_distributions',
  'audit_log',
  'sign_in_attempts',
] as const;

const COPY_CHUNK = 20_000;

/**
 * Migrates the PostgreSQL database and copies every row of the SQLite file into it, ids and all,
 * one `insert ... select from unnest(...)` per chunk; then moves each identity column past the
 * copied ids and gathers planner statistics. Answers the rows copied.
 */
export async function copySqliteWorld(sqlite: BetterSqlite3.Database, db: Db): Promise<number> {
  await migrateToLatest(db);
  let copied = 0;
  await db.transaction().execute(async (trx) => {
    for (const table of TABLES) {
      const columns = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns
        where table_schema = 'public' and table_name = ${table} order by ordinal_position`.execute(trx);
      const names = columns.rows.map((column) => column.column_name);
      const casts = columns.rows.map((column, index) => `$${index + 1}::${column.data_type === 'bigint' ? 'bigint' : 'text'}[]`);
      const statement = `insert into "${table}" (${names.map((name) => `"${name}"`).join(', ')}) select * from unnest(${casts.join(', ')})`;
      const read = sqlite.prepare(`select ${names.map((name) => `"${name}"`).join(', ')} from "${table}"`).raw();
      let chunk: unknown[][] = names.map(() => []);
      let rows = 0;
      const flush = async () => {
        if (rows === 0) return;
        await trx.executeQuery(CompiledQuery.raw(statement, chunk));
        copied += rows;
        chunk = names.map(() => []);
        rows = 0;
      };
      for (const row of read.iterate() as Iterable<unknown[]>) {
        row.forEach((value, index) => (chunk[index] as unknown[]).push(value));
        if (++rows === COPY_CHUNK) await flush();
      }
      await flush();
      if (names.includes('id')) {
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
      }
    }
  });
  await sql`analyze`.execute(db);
  return copied;
}

/** Opens the app's store on the benchmark database: the pool the desk server would have. */
export const openBenchStore = (url: string): Db => openPostgres(url, { poolSize: 10 });
