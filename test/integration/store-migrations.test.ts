import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/main/store/connect';
import { openStore } from '../../src/main/open-store';
import { Migrator } from 'kysely/migration';
import { staticMigrationProvider } from '../../src/main/store/migrations';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-migrate-'));
  dirs.push(dir);
  return join(dir, 'desk.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('store', () => {
  it('migrates an empty file once, and a second start applies nothing', async () => {
    const db = openSqlite(tempFile());
    expect(await migrateToLatest(db)).toEqual(['0001-foundation', '0002-line-distributions', '0003-entry-trust', '0004-audit-context', '0006-sign-in-guard', '0007-po-list-indexes']);
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['audit_log', 'cost_centers', 'operators', 'purchase_orders', 'po_lines', 'po_line_distributions', 'scheme_overrides', 'vendors', 'warehouses', 'work_orders', 'gl_accounts', 'cost_types']),
    );
    await db.destroy();
  });

  it('upgrades a foundation database in place: stored lines become expense lines without a G/L account', async () => {
    const db = openSqlite(tempFile());
    const migrator = new Migrator({ db, provider: staticMigrationProvider });
    expect((await migrator.migrateTo('0001-foundation')).error).toBeUndefined();
    // Written with raw SQL: the typed schema already describes the newer tables.
    await sql`insert into cost_centers (code, description) values ('210', 'North')`.execute(db);
    await sql`insert into schemes (name) values ('S')`.execute(db);
    await sql`insert into operators (sign_in_name, display_name, role, password_hash) values ('x', 'X', 'operator', 'h')`.execute(db);
    await sql`insert into vendors (code, name) values ('V', 'Vendor')`.execute(db);
    await sql`insert into warehouses (code, name) values ('W', 'Warehouse')`.execute(db);
    await sql`insert into purchase_orders (number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at)
              values ('PO-000001', 1, 1, 1, 'draft', 1, 1, 100, '2026-01-01', '2026-01-01')`.execute(db);
    await sql`insert into po_lines (po_id, line_number, description, quantity_milli, unit_cost_minor, total_minor) values (1, 1, 'Old line', 1000, 100, 100)`.execute(db);
    await sql`insert into po_line_distributions (line_id, cost_center_id, amount_minor) values (1, 1, 100)`.execute(db);

    expect(await migrateToLatest(db)).toEqual(['0002-line-distributions', '0003-entry-trust', '0004-audit-context', '0006-sign-in-guard', '0007-po-list-indexes']);
    const rows = await db.selectFrom('po_line_distributions').select(['distribution_type', 'gl_account_id', 'cost_type_id', 'cost_center_id']).execute();
    expect(rows).toEqual([{ distribution_type: 'expense', gl_account_id: null, cost_type_id: null, cost_center_id: 1 }]);
    await expect(sql`update po_line_distributions set distribution_type = 'gift'`.execute(db)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });

  it('runs SQLite in WAL mode with foreign keys and a busy timeout', async () => {
    const db = openSqlite(tempFile());
    const pragma = async (name: string) => (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    await db.destroy();
  });

  it('fills demo data on first start only', async () => {
    const file = tempFile();
    const first = await openStore(file);
    const count = async (db: typeof first) => Number((await db.selectFrom('operators').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count(first)).toBe(6);
    await first.destroy();
    const second = await openStore(file);
    expect(await count(second)).toBe(6);
    await second.destroy();
  });

  it('keeps the audit log append-only', async () => {
    const db = await openStore(tempFile());
    await db.insertInto('audit_log').values({ at: '2026-01-01T00:00:00.000Z', operator_id: null, action: 'test', po_id: null, line_id: null, rule: null, before_value: null, after_value: null, detail: 'x' }).execute();
    await expect(db.updateTable('audit_log').set({ detail: 'y' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await db.destroy();
  });

  it('refuses a line whose PO does not exist (foreign keys are enforced)', async () => {
    const db = await openStore(tempFile());
    await expect(
      db.insertInto('po_lines').values({ po_id: 999, line_number: 1, item_id: null, description: 'x', quantity_milli: 1, unit_cost_minor: 1, total_minor: 0 }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
