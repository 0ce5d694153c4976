import type { ImportRecords } from '../../domain/admin/import-columns';
import type { MasterKind, References } from '../../domain/admin/master-data-rules';
import type { Db } from '../connect';
import { insertRows } from './bulk-insert';

/**
 * What a CSV import reads before it checks a file, and how it writes the checked records: many rows
 * a statement (bulk-insert.ts), the lists (a vendor's or scheme's cost centers) after their owners,
 * by the ids the owners were given. Written for both stores alike; the caller holds the transaction.
 */

/** The records a kind's rows may name, and the keys of that kind that exist already (as stored). */
export interface ImportFacts {
  references: References;
  existingKeys: Set<string>;
}

const KEY_TABLES: Readonly<Record<MasterKind, { table: 'cost_centers' | 'schemes' | 'vendors' | 'warehouses' | 'jobs' | 'work_orders' | 'gl_accounts' | 'items' | 'cost_types' | 'operators'; column: string }>> = {
  'cost-center': { table: 'cost_centers', column: 'code' },
  scheme: { table: 'schemes', column: 'name' },
  vendor: { table: 'vendors', column: 'code' },
  warehouse: { table: 'warehouses', column: 'code' },
  job: { table: 'jobs', column: 'code' },
  'work-order': { table: 'work_orders', column: 'code' },
  'gl-account': { table: 'gl_accounts', column: 'code' },
  item: { table: 'items', column: 'code' },
  'cost-type': { table: 'cost_types', column: 'code' },
  operator: { table: 'operators', column: 'sign_in_name' },
};

const NEEDS_COST_CENTERS: ReadonlySet<MasterKind> = new Set(['scheme', 'vendor', 'work-order']);

/** Reads only what the kind's rules look at: a vendor file needs the cost centers, an operator file the schemes. */
export async function loadImportFacts(db: Db, kind: MasterKind): Promise<ImportFacts> {
  const { table, column } = KEY_TABLES[kind];
  const [keys, costCenters, jobs, schemes] = await Promise.all([
    db.selectFrom(table).select(`${column} as key` as 'code as key').execute() as Promise<{ key: string }[]>,
    NEEDS_COST_CENTERS.has(kind) ? db.selectFrom('cost_centers').select(['code', 'active']).execute() : Promise.resolve([]),
    kind === 'work-order' ? db.selectFrom('jobs').select(['code', 'site_address']).execute() : Promise.resolve([]),
    kind === 'operator' ? db.selectFrom('schemes').select('name').execute() : Promise.resolve([]),
  ]);
  // Sign-in names are compared in small letters, as the rules store them.
  const existingKeys = new Set(keys.map((row) => (kind === 'operator' ? row.key.toLowerCase() : row.key)));
  return {
    existingKeys,
    references: {
      costCenters: new Map(costCenters.map((row) => [row.code, { active: row.active === 1 }])),
      jobs: new Map(jobs.map((row) => [row.code, { siteAddress: row.site_address }])),
      schemes: new Set(schemes.map((row) => row.name)),
    },
  };
}

/** One kind's checked records. */
export type ImportBatch = { [K in MasterKind]: { kind: K; records: readonly ImportRecords[K][] } }[MasterKind];

/** Called after each slice of rows is written: how many so far. May throw to stop the import (tests inject failures so). */
export type WriteProgress = (written: number) => Promise<void> | void;

/** Rows per slice: progress is reported, and the event loop given a turn, between slices. */
const SLICE = 5_000;

async function inSlices<T>(records: readonly T[], progress: WriteProgress, write: (slice: readonly T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < records.length; start += SLICE) {
    await write(records.slice(start, start + SLICE));
    await progress(Math.min(records.length, start + SLICE));
  }
}

async function idsByKey(db: Db, table: 'cost_centers' | 'jobs' | 'schemes', column: 'code' | 'name'): Promise<Map<string, number>> {
  const rows = (await db.selectFrom(table).select(['id', `${column} as key` as 'code as key']).execute()) as { id: number; key: string }[];
  return new Map(rows.map((row) => [row.key, row.id]));
}

const must = (ids: ReadonlyMap<string, number>, code: string, what: string): number => {
  const id = ids.get(code);
  // The rules checked every reference inside the same transaction, so this is a store that changed under it.
  if (id === undefined) throw new Error(`import: ${what} ${code} vanished while the import was being written`);
  return id;
};

/** Owners first, answering their ids by key; then each owner's list in its order. */
async function ownersWithLists(
  db: Db,
  table: 'vendors' | 'schemes',
  columns: readonly ('code' | 'name' | 'description')[],
  rows: readonly (readonly unknown[])[],
  keyColumn: 'code' | 'name',
): Promise<Map<string, number>> {
  // insertRows checks the columns against the table; both shapes here are the tables' own.
  const answered = (await insertRows(db, table as 'vendors', columns as ('code' | 'name')[], rows, { returning: ['id', keyColumn as 'code'] })) as Record<string, unknown>[];
  return new Map(answered.map((row) => [String(row[keyColumn]), Number(row.id)]));
}

/**
 * Writes the checked records of one kind and answers how many were written. `passwordHash` is
 * what imported operators get: no password anyone can type, so an admin must reset it first.
 */
export async function writeImportedRecords(db: Db, batch: ImportBatch, options: { progress: WriteProgress; unusablePasswordHash: string }): Promise<number> {
  const { progress } = options;
  switch (batch.kind) {
    case 'cost-center':
      await inSlices(batch.records, progress, (slice) =>
        insertRows(db, 'cost_centers', ['code', 'description', 'active', 'cost_group'], slice.map((r) => [r.code, r.description, r.active ? 1 : 0, r.costGroup])).then(() => undefined),
      );
      break;
    case 'warehouse':
      await inSlices(batch.records, progress, (slice) => insertRows(db, 'warehouses', ['code', 'name'], slice.map((r) => [r.code, r.name])).then(() => undefined));
      break;
    case 'job':
      await inSlices(batch.records, progress, (slice) =>
        insertRows(db, 'jobs', ['code', 'description', 'site_address'], slice.map((r) => [r.code, r.description, r.siteAddress])).then(() => undefined),
      );
      break;
    case 'gl-account':
      await inSlices(batch.records, progress, (slice) =>
        insertRows(db, 'gl_accounts', ['code', 'description', 'wip'], slice.map((r) => [r.code, r.description, r.wip ? 1 : 0])).then(() => undefined),
      );
      break;
    case 'item':
      await inSlices(batch.records, progress, (slice) =>
        insertRows(db, 'items', ['code', 'description', 'unit_cost_minor'], slice.map((r) => [r.code, r.description, r.unitCostMinor])).then(() => undefined),
      );
      break;
    case 'cost-type':
      await inSlices(batch.records, progress, (slice) => insertRows(db, 'cost_types', ['code', 'description'], slice.map((r) => [r.code, r.description])).then(() => undefined));
      break;
    case 'work-order': {
      const costCenters = await idsByKey(db, 'cost_centers', 'code');
      const jobs = await idsByKey(db, 'jobs', 'code');
      await inSlices(batch.records, progress, (slice) =>
        insertRows(
          db,
          'work_orders',
          ['code', 'description', 'job_id', 'cost_center_id', 'site_address'],
          slice.map((r) => [r.code, r.description, r.jobCode === null ? null : must(jobs, r.jobCode, 'job'), must(costCenters, r.costCenterCode, 'cost center'), r.siteAddress]),
        ).then(() => undefined),
      );
      break;
    }
    case 'vendor': {
      const costCenters = await idsByKey(db, 'cost_centers', 'code');
      await inSlices(batch.records, progress, async (slice) => {
        const ids = await ownersWithLists(db, 'vendors', ['code', 'name'], slice.map((r) => [r.code, r.name]), 'code');
        const links = slice.flatMap((r) => r.costCenterCodes.map((code) => [must(ids, r.code, 'vendor'), must(costCenters, code, 'cost center')]));
        if (links.length > 0) await insertRows(db, 'vendor_cost_centers', ['vendor_id', 'cost_center_id'], links);
      });
      break;
    }
    case 'scheme': {
      const costCenters = await idsByKey(db, 'cost_centers', 'code');
      await inSlices(batch.records, progress, async (slice) => {
        const ids = await ownersWithLists(db, 'schemes', ['name', 'description'], slice.map((r) => [r.code, r.description]), 'name');
        const links = slice.flatMap((r) => r.costCenterCodes.map((code, position) => [must(ids, r.code, 'scheme'), must(costCenters, code, 'cost center'), position]));
        if (links.length > 0) await insertRows(db, 'scheme_cost_centers', ['scheme_id', 'cost_center_id', 'position'], links);
      });
      break;
    }
    case 'operator': {
      const schemes = await idsByKey(db, 'schemes', 'name');
      await inSlices(batch.records, progress, (slice) =>
        insertRows(
          db,
          'operators',
          ['sign_in_name', 'display_name', 'role', 'password_hash', 'scheme_id', 'active', 'locale', 'approval_limit_minor', 'must_change_password'],
          slice.map((r) => [
            r.signInName,
            r.displayName,
            r.role,
            options.unusablePasswordHash,
            r.schemeCode === null ? null : must(schemes, r.schemeCode, 'scheme'),
            r.active ? 1 : 0,
            r.locale,
            r.approvalLimitMinor,
            1,
          ]),
        ).then(() => undefined),
      );
      break;
    }
  }
  return batch.records.length;
}
