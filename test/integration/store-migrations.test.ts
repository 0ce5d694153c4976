import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/main/open-store';
import { type Db, migrateToLatest, openPostgres, openSqlite } from '../../src/main/store/connect';
import { staticMigrationProvider } from '../../src/main/store/migrations';
import { withoutForeignKeyActions } from '../../src/main/store/dialect';
import { readSetting, takeNextPoNumber } from '../../src/main/store/repositories/settings-repo';
import { forEachStore, freshStoreLocation, STORE_KINDS, testPostgres, type TestStoreLocation } from '../support/stores';
import { withDatabase } from '../support/postgres-server';
import { TEST_PASSWORD_COST } from '../support/test-desk';

const ALL_MIGRATIONS = ['0001-foundation', '0002-line-distributions', '0003-entry-trust', '0004-audit-context', '0006-sign-in-guard', '0007-po-list-indexes', '0008-desk-sessions', '0009-po-life-cycle', '0010-purchasing-controls', '0011-row-coding', '0012-supplier-invoices', '0013-master-data-admin', '0014-operator-accounts'];

/** The words each store uses when a constraint refuses a row. */
const REFUSED_BY = {
  check: { sqlite: /CHECK constraint failed/, postgres: /violates check constraint/ },
  foreignKey: { sqlite: /FOREIGN KEY constraint failed/, postgres: /violates foreign key constraint/ },
};

forEachStore((store) => {
  const opened: { db?: Kysely<never>; location: TestStoreLocation }[] = [];
  /** A new empty database, and the store opened on it without migrating (as openSqlite/openPostgres open it). */
  async function emptyStore(options: { busyTimeoutMs?: number } = {}): Promise<{ db: Db; location: string }> {
    const location = await freshStoreLocation(store);
    const db = store === 'sqlite' ? openSqlite(location.location, options) : openPostgres(location.location, options);
    opened.push({ db: db as unknown as Kysely<never>, location });
    return { db, location: location.location };
  }
  afterEach(async () => {
    for (const { db, location } of opened.splice(0)) {
      await db?.destroy();
      await location.dispose();
    }
  });

  it('migrates an empty database once, and a second start applies nothing', async () => {
    const { db } = await emptyStore();
    expect(await migrateToLatest(db)).toEqual(ALL_MIGRATIONS);
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = (await db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(
      expect.arrayContaining(['audit_log', 'cost_centers', 'operators', 'purchase_orders', 'po_lines', 'po_line_distributions', 'scheme_overrides', 'vendors', 'warehouses', 'work_orders', 'gl_accounts', 'cost_types', 'sign_in_attempts']),
    );
  });

  it('upgrades a foundation database in place: stored lines become expense lines without a G/L account', async () => {
    const { db } = await emptyStore();
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

    expect(await migrateToLatest(db)).toEqual(ALL_MIGRATIONS.slice(1));
    const rows = await db.selectFrom('po_line_distributions').select(['distribution_type', 'gl_account_id', 'cost_type_id', 'cost_center_id']).execute();
    expect(rows).toEqual([{ distribution_type: 'expense', gl_account_id: null, cost_type_id: null, cost_center_id: 1 }]);
    await expect(sql`update po_line_distributions set distribution_type = 'gift'`.execute(db)).rejects.toThrow(REFUSED_BY.check[store]);
  });

  it('0009 turns open POs into released ones at revision 1, keeping their lines, ids and references', async () => {
    const { db } = await emptyStore();
    const migrator = new Migrator({ db, provider: staticMigrationProvider });
    expect((await migrator.migrateTo('0008-desk-sessions')).error).toBeUndefined();
    await sql`insert into cost_centers (code, description) values ('210', 'North')`.execute(db);
    await sql`insert into operators (sign_in_name, display_name, role, password_hash) values ('x', 'X', 'operator', 'h')`.execute(db);
    await sql`insert into vendors (code, name) values ('V', 'Vendor')`.execute(db);
    await sql`insert into warehouses (code, name) values ('W', 'Warehouse')`.execute(db);
    for (const [number, status] of [['PO-000001', 'open'], ['PO-000002', 'draft'], ['PO-000003', 'closed']]) {
      await sql`insert into purchase_orders (number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at)
                values (${number}, 1, 1, 1, ${status}, 1, 1, 100, '2026-01-01', '2026-01-01')`.execute(db);
    }
    await sql`insert into po_lines (po_id, line_number, description, quantity_milli, unit_cost_minor, total_minor) values (1, 1, 'Kept line', 1000, 100, 100)`.execute(db);

    const upTo0009 = await withoutForeignKeyActions(db, () => migrator.migrateTo('0009-po-life-cycle'));
    expect(upTo0009.results?.map((result) => [result.migrationName, result.status])).toEqual([['0009-po-life-cycle', 'Success']]);
    const orders = await db.selectFrom('purchase_orders').select(['id', 'number', 'status', 'revision', 'last_released_revision']).orderBy('id').execute();
    expect(orders).toEqual([
      { id: 1, number: 'PO-000001', status: 'released', revision: 1, last_released_revision: 1 },
      { id: 2, number: 'PO-000002', status: 'draft', revision: 1, last_released_revision: null },
      { id: 3, number: 'PO-000003', status: 'closed', revision: 1, last_released_revision: 1 },
    ]);
    expect(await db.selectFrom('po_lines').select(['po_id', 'description']).execute()).toEqual([{ po_id: 1, description: 'Kept line' }]);
    // The rebuilt table keeps its checks and the references to it keep working.
    await expect(sql`update purchase_orders set status = 'open' where id = 2`.execute(db)).rejects.toThrow(REFUSED_BY.check[store]);
    await expect(sql`insert into po_lines (po_id, line_number, description, quantity_milli, unit_cost_minor, total_minor) values (99, 1, 'x', 1000, 1, 1)`.execute(db)).rejects.toThrow(REFUSED_BY.foreignKey[store]);
    const next = await sql<{ id: number }>`insert into purchase_orders (number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at)
              values ('PO-000004', 1, 1, 1, 'submitted', 1, 1, 100, '2026-01-01', '2026-01-01') returning id`.execute(db);
    expect(next.rows[0]?.id).toBe(4);
  });

  it('0010 adds the purchasing controls and keeps every stored PO exactly as it was; the coding mode follows the old switch', async () => {
    const { db } = await emptyStore();
    const migrator = new Migrator({ db, provider: staticMigrationProvider });
    expect((await withoutForeignKeyActions(db, () => migrator.migrateTo('0009-po-life-cycle'))).error).toBeUndefined();
    await sql`insert into settings (key, value) values ('cost_centers_enabled', 'false')`.execute(db);
    await sql`insert into cost_centers (code, description) values ('210', 'North')`.execute(db);
    await sql`insert into schemes (name, description) values ('S', 'Scheme')`.execute(db);
    await sql`insert into operators (sign_in_name, display_name, role, password_hash) values ('x', 'X', 'operator', 'h')`.execute(db);
    await sql`insert into vendors (code, name) values ('V', 'Vendor')`.execute(db);
    await sql`insert into warehouses (code, name) values ('W', 'Warehouse')`.execute(db);
    for (const [number, status] of [['PO-000001', 'released'], ['PO-000002', 'draft'], ['PO-000003', 'cancelled']]) {
      await sql`insert into purchase_orders (number, vendor_id, warehouse_id, cost_center_id, status, created_by, version, total_minor, created_at, updated_at, revision, status_note)
                values (${number}, 1, 1, 1, ${status}, 1, 3, 12345, '2026-01-01', '2026-01-02', 2, 'kept')`.execute(db);
    }
    await sql`insert into po_lines (po_id, line_number, description, quantity_milli, unit_cost_minor, total_minor) values (1, 1, 'Kept line', 1000, 12345, 12345)`.execute(db);
    await sql`insert into po_line_distributions (line_id, cost_center_id, amount_minor) values (1, 1, 12345)`.execute(db);
    const read = async () => ({
      orders: (await sql`select * from purchase_orders order by id`.execute(db)).rows,
      lines: (await sql`select * from po_lines order by id`.execute(db)).rows,
      distributions: (await sql`select * from po_line_distributions order by id`.execute(db)).rows,
    });
    const before = await read();

    expect(await migrateToLatest(db)).toEqual(ALL_MIGRATIONS.slice(ALL_MIGRATIONS.indexOf('0010-purchasing-controls')));
    const after = await read();
    // Every PO keeps every column and value it had; its controls are kept beside it, none yet.
    expect(after.orders).toEqual(before.orders);
    expect(await db.selectFrom('po_purchasing_controls').selectAll().execute()).toEqual([]);
    expect(after.lines).toEqual(before.lines);
    expect(after.distributions).toEqual(before.distributions);
    expect(await readSetting(db, 'coding_mode')).toBe('off');
    // An existing scheme keeps requiring a header cost center, as every scheme did.
    expect(await db.selectFrom('schemes').select(['name', 'cost_center_required']).execute()).toEqual([{ name: 'S', cost_center_required: 1 }]);
    await expect(sql`insert into budget_orders (number, total_minor, valid_from, valid_to, status, updated_at) values ('B', -1, '2026-01-01', '2026-12-31', 'open', 'x')`.execute(db)).rejects.toThrow(REFUSED_BY.check[store]);
    await expect(sql`insert into po_purchasing_controls (po_id, budget_order_id) values (1, 99)`.execute(db)).rejects.toThrow(REFUSED_BY.foreignKey[store]);
  });

  it('applies each migration in a transaction of its own: one that fails leaves nothing behind', async () => {
    const { db } = await emptyStore();
    const failing = new Migrator({
      db,
      provider: {
        getMigrations: async () => ({
          '0001-half-done': {
            up: async (trx: Kysely<unknown>) => {
              await trx.schema.createTable('half_done').addColumn('id', 'integer').execute();
              throw new Error('the second step of this migration fails');
            },
          },
        }),
      },
    });
    const { error } = await failing.migrateUp();
    expect(String(error)).toMatch(/the second step of this migration fails/);
    const tables = (await db.introspection.getTables()).map((table) => table.name);
    expect(tables).not.toContain('half_done');
  });

  it('fills demo data on first start only', async () => {
    const where = await freshStoreLocation(store);
    opened.push({ location: where });
    const count = async (db: Db) => Number((await db.selectFrom('operators').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const first = await openStore(where.location, { passwordCost: TEST_PASSWORD_COST });
    expect(await count(first)).toBe(6);
    await first.destroy();
    const second = await openStore(where.location, { passwordCost: TEST_PASSWORD_COST });
    expect(await count(second)).toBe(6);
    await second.destroy();
  });

  it('keeps the audit log append-only', async () => {
    const { db } = await emptyStore();
    await migrateToLatest(db);
    await db.insertInto('audit_log').values({ at: '2026-01-01T00:00:00.000Z', operator_id: null, action: 'test', po_id: null, line_id: null, rule: null, before_value: null, after_value: null, detail: 'x' }).execute();
    await expect(db.updateTable('audit_log').set({ detail: 'y' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (store === 'postgres') await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_log').select('detail').execute()).toEqual([{ detail: 'x' }]);
  });

  it('refuses a line whose PO does not exist (foreign keys are enforced)', async () => {
    const { db } = await emptyStore();
    await migrateToLatest(db);
    await expect(
      db.insertInto('po_lines').values({ po_id: 999, line_number: 1, item_id: null, description: 'x', quantity_milli: 1, unit_cost_minor: 1, total_minor: 0 }).execute(),
    ).rejects.toThrow(REFUSED_BY.foreignKey[store]);
  });

  it('reads whole numbers as numbers, 64 bits wide', async () => {
    const { db } = await emptyStore();
    await migrateToLatest(db);
    // Beyond 2^31: money in minor units may pass it, and SQLite's integers hold it.
    const big = 2 ** 40 + 7;
    await sql`insert into items (code, description, unit_cost_minor) values ('BIG', 'Big', ${big})`.execute(db);
    const row = await db.selectFrom('items').select(['id', 'unit_cost_minor']).executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 1, unit_cost_minor: big });
    const counted = await db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(counted.n).toBe(1);
  });

  // PostgreSQL only: team servers start together; on SQLite a new file is first made by the one desk that creates it.
  it.runIf(store === 'postgres')('two servers starting at once on a new database migrate it once and fill it once', async () => {
    const where = await freshStoreLocation(store);
    opened.push({ location: where });
    const [first, second] = await Promise.all([
      openStore(where.location, { passwordCost: TEST_PASSWORD_COST }),
      openStore(where.location, { passwordCost: TEST_PASSWORD_COST }),
    ]);
    try {
      expect(await first.selectFrom('operators').select('sign_in_name').orderBy('sign_in_name').execute()).toHaveLength(6);
      expect(await second.selectFrom('purchase_orders').select('number').orderBy('number').execute()).toEqual([{ number: 'PO-000001' }, { number: 'PO-000002' }]);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(first);
      expect(applied.rows.map((row) => row.name)).toEqual(ALL_MIGRATIONS);
    } finally {
      await first.destroy();
      await second.destroy();
    }
  });
});

// What only one of the stores has: SQLite's file settings and its released schema text; PostgreSQL's
// advisory lock, column types and collation.
describe('on sqlite only', () => {
  const store = 'sqlite';
  let where: TestStoreLocation;
  afterEach(async () => where.dispose());

  it('runs SQLite in WAL mode with foreign keys and a busy timeout', async () => {
    where = await freshStoreLocation(store);
    const db = openSqlite(where.location);
    const pragma = async (name: string) => (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    await db.destroy();
  });

  it('builds exactly the schema migrations 0001–0007 built before PostgreSQL shared them: every table, column, index and trigger, byte for byte', async () => {
    where = await freshStoreLocation(store);
    const db = openSqlite(where.location);
    expect((await new Migrator({ db, provider: staticMigrationProvider }).migrateTo('0007-po-list-indexes')).error).toBeUndefined();
    // Taken from a fresh file before the migrations learnt the second dialect (test/support/sqlite-schema-0007.json).
    const released = JSON.parse(readFileSync(join(__dirname, '../support/sqlite-schema-0007.json'), 'utf8')) as unknown[];
    const now = await sql`select type, name, tbl_name, sql from sqlite_master where name not like 'kysely_%' and tbl_name <> 'desk_sessions' order by type, name`.execute(db);
    expect(now.rows).toEqual(released);
    await db.destroy();
  });
});

describe.runIf(STORE_KINDS.includes('postgres'))('on postgres only', () => {
  let where: TestStoreLocation;
  afterEach(async () => where.dispose());

  it('migrateToLatest waits while another server holds the schema lock, then migrates', async () => {
    where = await freshStoreLocation('postgres');
    const other = new pg.Client({ connectionString: where.location });
    await other.connect();
    const db = openPostgres(where.location);
    try {
      await other.query("select pg_advisory_lock(hashtextextended('purchasing-desk:schema', 0))");
      let finished = false;
      const migrating = migrateToLatest(db).then((applied) => ((finished = true), applied));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished).toBe(false);
      expect((await other.query("select count(*)::int as n from pg_tables where tablename = 'purchase_orders'")).rows).toEqual([{ n: 0 }]);
      await other.query("select pg_advisory_unlock(hashtextextended('purchasing-desk:schema', 0))");
      expect(await migrating).toEqual(ALL_MIGRATIONS);
    } finally {
      await other.end();
      await db.destroy();
    }
  });

  it('gives ids 64-bit identity columns and every text column the byte-wise "C" collation', async () => {
    where = await freshStoreLocation('postgres');
    const db = openPostgres(where.location);
    try {
      await migrateToLatest(db);
      const columns = await sql<{ table_name: string; column_name: string; data_type: string; is_identity: string; collation_name: string | null }>`
        select table_name, column_name, data_type, is_identity, collation_name from information_schema.columns
        where table_schema = 'public' and table_name not like 'kysely_%'`.execute(db);
      const ids = columns.rows.filter((column) => column.column_name === 'id');
      expect(ids.length).toBeGreaterThan(10);
      for (const id of ids) expect(id, id.table_name).toMatchObject({ data_type: 'bigint', is_identity: 'YES' });
      const texts = columns.rows.filter((column) => column.data_type === 'text');
      expect(texts.length).toBeGreaterThan(20);
      for (const text of texts) expect(text.collation_name, `${text.table_name}.${text.column_name}`).toBe('C');
      expect(columns.rows.filter((column) => !['text', 'bigint', 'bytea'].includes(column.data_type))).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('runs the hot statements as statements prepared once per connection', async () => {
    where = await freshStoreLocation('postgres', 'demo');
    // One connection, so what it has prepared can be read back on it.
    const db = await openStore(where.location, { passwordCost: TEST_PASSWORD_COST, postgres: { poolSize: 1 } });
    try {
      const prepared = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'desk\_%'`.execute(db)).rows.map((row) => row.statement);
      await readSetting(db, 'locale');
      await readSetting(db, 'locale');
      expect(await prepared()).toContain('select "value" from "settings" where "key" = $1');
      await db.transaction().execute((trx) => takeNextPoNumber(trx));
      expect((await prepared()).filter((statement) => statement.startsWith('insert into "settings"'))).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });

  it('sorts and folds codes as SQLite does even in a database made with a language’s collation', async () => {
    const server = testPostgres() as NonNullable<ReturnType<typeof testPostgres>>;
    const name = `desk_${server.runId}_${process.pid}_icu`;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}" template template0 locale_provider icu icu_locale 'en-US' locale 'C'`);
    where = { kind: 'postgres', location: withDatabase(server.adminUrl, name), dispose: async () => void (await admin.query(`drop database "${name}" with (force)`), await admin.end()) };
    const db = openPostgres(where.location);
    try {
      await migrateToLatest(db);
      // In en-US, "a" sorts before "B" and "Ä" folds to "ä"; byte-wise, "B" < "Z" < "a" and lower() folds ASCII only, as SQLite does.
      await db.insertInto('vendors').values(['a-1', 'B-1', 'Z-1', 'Ä-1'].map((code) => ({ code, name: code }))).execute();
      expect((await db.selectFrom('vendors').select('code').orderBy('code').execute()).map((row) => row.code)).toEqual(['B-1', 'Z-1', 'a-1', 'Ä-1']);
      expect((await sql<{ folded: string }>`select lower(code) as folded from vendors where code = 'Ä-1'`.execute(db)).rows).toEqual([{ folded: 'Ä-1' }]);
      // The database's own collation is the language's: without the columns' "C" the order above would differ.
      expect((await sql<{ ordered: string[] }>`select array_agg(c order by c) as ordered from unnest(array['a', 'B']) as c`.execute(db)).rows).toEqual([{ ordered: ['a', 'B'] }]);
    } finally {
      await db.destroy();
    }
  });
});
