import { type Kysely, sql } from 'kysely';
import type { MasterDataKind, MasterRecord } from '../../../shared/admin-schemas';
import type { Db } from '../connect';
import { escapeLike, likeIgnoringCase, storeKindOf } from '../dialect';
import { costCenterIdsByCode, deleteSchemeLists, schemeRecords, writeSchemeLists } from './scheme-admin-repo';

/**
 * Master data as the admin screens read it, every kind through one table description: its table,
 * the column holding its code and the one holding its description or name (what the filter
 * matches besides the code). The repositories PO entry uses stay as they are; this one reads and
 * writes for maintenance only.
 */

// The kinds share one reader, so the table is chosen at run time; rows are mapped field by field below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
export type StoredRow = Record<string, unknown> & { id: number };

interface KindTable {
  table: string;
  code: string;
  text: string;
}

export const KIND_TABLES: Readonly<Record<MasterDataKind, KindTable>> = {
  'cost-center': { table: 'cost_centers', code: 'code', text: 'description' },
  scheme: { table: 'schemes', code: 'name', text: 'description' },
  vendor: { table: 'vendors', code: 'code', text: 'name' },
  warehouse: { table: 'warehouses', code: 'code', text: 'name' },
  job: { table: 'jobs', code: 'code', text: 'description' },
  'work-order': { table: 'work_orders', code: 'code', text: 'description' },
  'gl-account': { table: 'gl_accounts', code: 'code', text: 'description' },
  item: { table: 'items', code: 'code', text: 'description' },
  'cost-type': { table: 'cost_types', code: 'code', text: 'description' },
};

const loose = (db: Db) => db as unknown as AnyDb;

function filtered(db: Db, kind: MasterDataKind, filter: string) {
  const { table, code, text } = KIND_TABLES[kind];
  let query = loose(db).selectFrom(table);
  const wanted = filter.trim();
  if (wanted !== '') {
    const pattern = `%${escapeLike(wanted)}%`;
    const store = storeKindOf(db);
    query = query.where((eb) => eb.or([likeIgnoringCase(store, sql.ref(code), pattern), likeIgnoringCase(store, sql.ref(text), pattern)]));
  }
  return query;
}

/** One page of a kind's stored rows matching the filter, in code order, and how many match in all. */
export async function masterRowsPage(db: Db, kind: MasterDataKind, filter: string, offset: number, limit: number): Promise<{ rows: StoredRow[]; total: number }> {
  const { code } = KIND_TABLES[kind];
  const [counted, rows] = await Promise.all([
    filtered(db, kind, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    filtered(db, kind, filter).selectAll().orderBy(code).orderBy('id').offset(offset).limit(limit).execute(),
  ]);
  return { rows: rows as StoredRow[], total: Number((counted as { n: number | string }).n) };
}

export async function findMasterRow(db: Db, kind: MasterDataKind, code: string): Promise<StoredRow | undefined> {
  const table = KIND_TABLES[kind];
  const row = await loose(db).selectFrom(table.table).selectAll().where(table.code, '=', code).executeTakeFirst();
  return row as StoredRow | undefined;
}

/** Stored rows → the records the screens show, with each kind's lists and references as codes. */
export async function masterRecords(db: Db, kind: MasterDataKind, rows: readonly StoredRow[]): Promise<MasterRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const text = (row: StoredRow, column: string) => String(row[column] ?? '');
  const flag = (row: StoredRow, column: string) => Number(row[column]) === 1;
  switch (kind) {
    case 'cost-center':
      return rows.map((row) => ({ kind, code: text(row, 'code'), description: text(row, 'description'), active: flag(row, 'active'), costGroup: (row.cost_group as string | null) ?? null }));
    case 'scheme':
      return schemeRecords(db, rows);
    case 'vendor': {
      const links = await db
        .selectFrom('vendor_cost_centers as v')
        .innerJoin('cost_centers as c', 'c.id', 'v.cost_center_id')
        .select(['v.vendor_id as owner', 'c.code'])
        .where('v.vendor_id', 'in', ids)
        .orderBy('c.code')
        .execute();
      return rows.map((row) => ({ kind, code: text(row, 'code'), name: text(row, 'name'), costCenterCodes: links.filter((link) => link.owner === row.id).map((link) => link.code) }));
    }
    case 'warehouse':
      return rows.map((row) => ({ kind, code: text(row, 'code'), name: text(row, 'name') }));
    case 'job':
      return rows.map((row) => ({ kind, code: text(row, 'code'), description: text(row, 'description'), siteAddress: text(row, 'site_address') }));
    case 'work-order': {
      const refs = await db
        .selectFrom('work_orders as w')
        .innerJoin('cost_centers as c', 'c.id', 'w.cost_center_id')
        .leftJoin('jobs as j', 'j.id', 'w.job_id')
        .select(['w.id', 'c.code as costCenterCode', 'j.code as jobCode'])
        .where('w.id', 'in', ids)
        .execute();
      return rows.map((row) => {
        const ref = refs.find((candidate) => candidate.id === row.id);
        return { kind, code: text(row, 'code'), description: text(row, 'description'), jobCode: ref?.jobCode ?? null, costCenterCode: ref?.costCenterCode ?? '', siteAddress: text(row, 'site_address') };
      });
    }
    case 'gl-account':
      return rows.map((row) => ({ kind, code: text(row, 'code'), description: text(row, 'description'), wip: flag(row, 'wip') }));
    case 'item':
      return rows.map((row) => ({ kind, code: text(row, 'code'), description: text(row, 'description'), unitCostMinor: Number(row.unit_cost_minor) }));
    case 'cost-type':
      return rows.map((row) => ({ kind, code: text(row, 'code'), description: text(row, 'description') }));
  }
}

/** The columns a kind's own table stores for a valid record; lists and references are written by `writeLinks`. */
async function ownColumns(db: Db, record: MasterRecord): Promise<Record<string, unknown>> {
  switch (record.kind) {
    case 'cost-center':
      return { code: record.code, description: record.description, active: record.active ? 1 : 0, cost_group: record.costGroup };
    case 'scheme':
      return { name: record.code, description: record.description, cost_center_required: record.costCenterRequired ? 1 : 0 };
    case 'vendor':
    case 'warehouse':
      return { code: record.code, name: record.name };
    case 'job':
      return { code: record.code, description: record.description, site_address: record.siteAddress };
    case 'work-order': {
      const costCenter = await db.selectFrom('cost_centers').select('id').where('code', '=', record.costCenterCode).executeTakeFirstOrThrow();
      const job = record.jobCode === null ? undefined : await db.selectFrom('jobs').select('id').where('code', '=', record.jobCode).executeTakeFirstOrThrow();
      return { code: record.code, description: record.description, job_id: job?.id ?? null, cost_center_id: costCenter.id, site_address: record.siteAddress };
    }
    case 'gl-account':
      return { code: record.code, description: record.description, wip: record.wip ? 1 : 0 };
    case 'item':
      return { code: record.code, description: record.description, unit_cost_minor: record.unitCostMinor };
    case 'cost-type':
      return { code: record.code, description: record.description };
  }
}

async function writeLinks(db: Db, id: number, record: MasterRecord): Promise<void> {
  if (record.kind === 'scheme') await writeSchemeLists(db, id, record);
  if (record.kind === 'vendor') {
    await db.deleteFrom('vendor_cost_centers').where('vendor_id', '=', id).execute();
    const ids = await costCenterIdsByCode(db, record.costCenterCodes);
    const rows = record.costCenterCodes.map((code) => ({ vendor_id: id, cost_center_id: ids.get(code) as number }));
    if (rows.length > 0) await db.insertInto('vendor_cost_centers').values(rows).execute();
  }
}

/** Stores a new record (checked by the rules) and returns its id. */
export async function insertMasterRecord(db: Db, record: MasterRecord): Promise<number> {
  const { table } = KIND_TABLES[record.kind];
  const { id } = (await loose(db).insertInto(table).values(await ownColumns(db, record)).returning('id').executeTakeFirstOrThrow()) as { id: number };
  await writeLinks(db, id, record);
  return id;
}

export async function updateMasterRecord(db: Db, id: number, record: MasterRecord): Promise<void> {
  const { table } = KIND_TABLES[record.kind];
  await loose(db).updateTable(table).set(await ownColumns(db, record)).where('id', '=', id).execute();
  await writeLinks(db, id, record);
}

/** Deletes a record nothing uses, with the lists that belong to it alone (a vendor's shared cost centers). */
export async function deleteMasterRow(db: Db, kind: MasterDataKind, id: number): Promise<void> {
  if (kind === 'vendor') await db.deleteFrom('vendor_cost_centers').where('vendor_id', '=', id).execute();
  if (kind === 'scheme') await deleteSchemeLists(db, id);
  await loose(db).deleteFrom(KIND_TABLES[kind].table).where('id', '=', id).execute();
}

export async function setCostCenterActiveRow(db: Db, id: number, active: boolean): Promise<void> {
  await db.updateTable('cost_centers').set({ active: active ? 1 : 0 }).where('id', '=', id).execute();
}
