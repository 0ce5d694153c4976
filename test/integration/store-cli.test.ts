import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../src/main/open-store';
import { DATABASE_URL_VARIABLE, redactedLocation } from '../../src/main/store/cli';
import { forEachStore, freshStoreLocation, type TestStoreLocation } from '../support/stores';
import { TEST_PASSWORD_COST } from '../support/test-desk';

const root = join(__dirname, '../..');

/** `npm run db:<command>` as package.json runs it, on the given database. */
function runCli(command: 'migrate' | 'demo', location: string | undefined): { status: number | null; out: string; err: string } {
  const env = { ...process.env };
  if (location === undefined) delete env[DATABASE_URL_VARIABLE];
  else env[DATABASE_URL_VARIABLE] = location;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/store/cli.ts', command], { cwd: root, env, encoding: 'utf8' });
  return { status: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

forEachStore((store) => {
  let where: TestStoreLocation;
  beforeEach(async () => {
    where = await freshStoreLocation(store);
  });
  afterEach(async () => where.dispose());

  const operators = async () => {
    const db = await openStore(where.location, { demoData: false, passwordCost: TEST_PASSWORD_COST });
    try {
      return (await db.selectFrom('operators').select('sign_in_name').orderBy('sign_in_name').execute()).map((row) => row.sign_in_name);
    } finally {
      await db.destroy();
    }
  };

  it('db:migrate brings a new database up to date, then says there is nothing to do', { timeout: 30_000 }, () => {
    const first = runCli('migrate', where.location);
    expect(first).toMatchObject({ status: 0, out: `${redactedLocation(where.location)}: applied 0001-foundation, 0002-line-distributions, 0003-entry-trust, 0004-audit-context, 0006-sign-in-guard, 0007-po-list-indexes, 0008-desk-sessions, 0009-po-life-cycle, 0010-purchasing-controls, 0011-row-coding, 0012-supplier-invoices, 0013-master-data-admin, 0014-operator-accounts.` });
    expect(runCli('migrate', where.location)).toMatchObject({ status: 0, out: `${redactedLocation(where.location)} is up to date.` });
  });

  it('db:demo fills a new database with the demo world once; a database with data of its own is left alone', { timeout: 30_000 }, async () => {
    expect(runCli('demo', where.location)).toMatchObject({ status: 0, out: expect.stringMatching(/holds the demo world/) });
    expect(await operators()).toEqual(['admin', 'alice', 'bob', 'carol', 'pat', 'sam']);
    expect(runCli('demo', where.location)).toMatchObject({ status: 0, out: expect.stringMatching(/holds the demo world/) });
    expect(await operators()).toHaveLength(6);
  });

  it('db:demo gives no demo world to a database first opened without one', { timeout: 30_000 }, async () => {
    expect(await operators()).toEqual([]);
    expect(runCli('demo', where.location)).toMatchObject({ status: 0, out: expect.stringMatching(/was first opened without demo data, so it gets none/) });
    expect(await operators()).toEqual([]);
  });
});

it('without PURCHASING_DESK_DATABASE_URL the commands say what to set, and fail', { timeout: 30_000 }, () => {
  const result = runCli('migrate', undefined);
  expect(result.status).toBe(2);
  expect(result.err).toMatch(/^Set PURCHASING_DESK_DATABASE_URL to the team database/);
});

it('hides a password in what it prints', () => {
  expect(redactedLocation('postgres://desk:s3cret@db.example:5432/purchasing')).toBe('postgres://desk:***@db.example:5432/purchasing');
});
