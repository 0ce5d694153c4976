// Vitest global setup for the integration project: one throwaway PostgreSQL server for the whole
// run (scripts/test-postgres.cjs: Debian's postgresql, initdb in a temporary folder, a free loopback
// port, stopped at the end), and on it a migrated demo database that each test copies as its own.
import { createRequire } from 'node:module';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../src/main/open-store';
import { POSTGRES_SKIP_VARIABLE, type PostgresTestServer, withDatabase } from './postgres-server';
import { TEST_PASSWORD_COST } from './test-desk';

const require = createRequire(import.meta.url);
const { startTestPostgres } = require('../../scripts/test-postgres.cjs') as {
  startTestPostgres: () => Promise<{ url: string; stop: () => void }>;
};

/** Set to an existing server's URL (a database whose user may create databases) to use it instead of starting one. */
const EXTERNAL_SERVER_VARIABLE = 'PURCHASING_DESK_TEST_POSTGRES_URL';

const HOW_TO_SKIP =
  `Install Debian's postgresql (apt-get install -y postgresql; as root the tests install it themselves), ` +
  `point ${EXTERNAL_SERVER_VARIABLE} at a server whose user may create databases, ` +
  `or set ${POSTGRES_SKIP_VARIABLE}=1 to run the SQLite half alone.`;

/** A URL fit for a message: no password. */
const redacted = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env[POSTGRES_SKIP_VARIABLE] === '1') {
    console.warn(`\n${POSTGRES_SKIP_VARIABLE}=1: the integration tests run on SQLite only; nothing is tested on PostgreSQL.\n`);
    project.provide('postgres', null);
    return async () => undefined;
  }

  let server: { url: string; stop: () => void };
  const external = process.env[EXTERNAL_SERVER_VARIABLE];
  if (external) {
    server = { url: external, stop: () => undefined };
  } else {
    try {
      server = await startTestPostgres();
    } catch (error) {
      throw new Error(`The integration tests run on SQLite and on PostgreSQL, and no PostgreSQL server could be started: ${(error as Error).message}. ${HOW_TO_SKIP}`, {
        cause: error,
      });
    }
  }

  const admin = new pg.Client({ connectionString: server.url });
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const demoTemplate = `desk_demo_template_${runId}`;
  try {
    await admin.connect();
    await admin.query(`create database "${demoTemplate}" template template0`);
    // Migrated and filled once, exactly as openStore fills a new database; each test copies it in ~20 ms.
    await (await openStore(withDatabase(server.url, demoTemplate), { passwordCost: TEST_PASSWORD_COST })).destroy();
    // Nobody may connect to it from now on, not even autovacuum: CREATE DATABASE refuses a template in use.
    await admin.query(`alter database "${demoTemplate}" with is_template true allow_connections false`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    server.stop();
    throw new Error(`The integration tests' PostgreSQL server at ${redacted(server.url)} could not be prepared: ${(error as Error).message}. ${HOW_TO_SKIP}`, { cause: error });
  }
  const provided: PostgresTestServer = { adminUrl: server.url, demoTemplate, runId };
  project.provide('postgres', provided);

  return async () => {
    try {
      // On a server of our own everything goes with it; on an external one, leave it as we found it.
      if (external) {
        const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`desk\\_%${runId}%`]);
        await admin.query(`alter database "${demoTemplate}" with is_template false`);
        for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
      }
      await admin.end();
    } finally {
      server.stop();
    }
  };
}
