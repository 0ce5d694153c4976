import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { StoreKind } from '../../src/main/store/connect';
import { POSTGRES_SKIP_VARIABLE, type PostgresTestServer, withDatabase } from './postgres-server';

export type { StoreKind } from '../../src/main/store/connect';

/** The test server, or null when this run is SQLite only; outside the integration project there is none. */
export function testPostgres(): PostgresTestServer | null {
  return inject('postgres') ?? null;
}

/** Both stores, or SQLite alone when PURCHASING_DESK_SKIP_POSTGRES=1 said so (the global setup warns). */
export const STORE_KINDS: readonly StoreKind[] = testPostgres() ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * One test body, run once per store in a describe block named "on sqlite" / "on postgres"; hooks
 * and variables declared inside belong to that store's run.
 */
export function forEachStore(body: (store: StoreKind) => void): void {
  describe.each(STORE_KINDS)('on %s', body);
}

/** Where a test's own store lives, and how it is removed when the test is done. */
export interface TestStoreLocation {
  kind: StoreKind;
  /** A SQLite file path or a postgres:// URL: what openStore takes. */
  location: string;
  dispose(): Promise<void>;
}

/**
 * A new database of the given kind that nothing else uses. `nothing`: empty, as on a first start.
 * `demo`: what openStore would make of an empty one with the demo world (passwords at
 * TEST_PASSWORD_COST) — on SQLite an empty file it fills, on PostgreSQL a copy of the global
 * setup's migrated and filled template, because filling takes ten times as long as copying.
 */
export async function freshStoreLocation(kind: StoreKind, contents: 'nothing' | 'demo' = 'nothing'): Promise<TestStoreLocation> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
    return { kind, location: join(dir, 'desk.sqlite'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = testPostgres();
  if (!server) throw new Error(`No PostgreSQL test server: this run was started with ${POSTGRES_SKIP_VARIABLE}=1 or outside the integration project.`);
  const name = `desk_${server.runId}_${process.pid}_${++databasesMade}`;
  const template = contents === 'demo' ? server.demoTemplate : 'template0';
  // file_copy: a template this small is copied in milliseconds, where WAL-logging it takes ten times longer.
  await adminPool(server.adminUrl).query(`create database "${name}" template "${template}" strategy file_copy`);
  return {
    kind,
    location: withDatabase(server.adminUrl, name),
    // Not awaited: the server waits for the closed pool's backends to go in 100 ms steps, and the
    // whole cluster is deleted at the end of the run anyway; dropping only keeps it small meanwhile.
    dispose: async () => void adminPool(server.adminUrl).query(`drop database if exists "${name}" with (force)`).catch(() => undefined),
  };
}

let databasesMade = 0;
let admin: pg.Pool | undefined;

/** One small pool per test process for creating and dropping databases; it lets the process exit when idle. */
function adminPool(url: string): pg.Pool {
  if (!admin) {
    admin = new pg.Pool({ connectionString: url, max: 3, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    // The server is stopped at the end of the run, perhaps while this pool still holds an idle connection.
    admin.on('error', () => undefined);
  }
  return admin;
}
