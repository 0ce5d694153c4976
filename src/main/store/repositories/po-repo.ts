import type { PoDetail, PoSummary } from '../../../shared/contracts';
import type { Db } from '../connect';
import type { PoStatusColumn } from '../schema';

export interface PoHeaderValues {
  vendorId: number;
  warehouseId: number;
  costCenterId: number | null;
  totalMinor: number;
}

export interface PoLineValues {
  lineNumber: number;
  itemId: number | null;
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
  totalMinor: number;
  /** The line's single distribution carries the header cost center for now. */
  costCenterId: number | null;
}

export interface StoredPoHeader {
  id: number;
  number: string;
  status: PoStatusColumn;
  createdBy: number;
  version: number;
}

/** Rows per multi-row INSERT; keeps statements well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 100;

export async function insertPurchaseOrder(
  db: Db,
  values: PoHeaderValues & { number: string; createdBy: number; at: string },
): Promise<number> {
  const row = await db
    .insertInto('purchase_orders')
    .values({
      number: values.number,
      vendor_id: values.vendorId,
      warehouse_id: values.warehouseId,
      cost_center_id: values.costCenterId,
      status: 'draft',
      created_by: values.createdBy,
      version: 1,
      total_minor: values.totalMinor,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates the header only if nobody saved since `expectedVersion`; false means the edit is stale. */
export async function updatePurchaseOrderHeader(
  db: Db,
  id: number,
  expectedVersion: number,
  values: PoHeaderValues & { at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('purchase_orders')
    .set({
      vendor_id: values.vendorId,
      warehouse_id: values.warehouseId,
      cost_center_id: values.costCenterId,
      total_minor: values.totalMinor,
      updated_at: values.at,
      version: expectedVersion + 1,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deletePoLines(db: Db, poId: number): Promise<void> {
  await db.deleteFrom('po_lines').where('po_id', '=', poId).execute();
}

export async function insertPoLines(db: Db, poId: number, lines: readonly PoLineValues[]): Promise<void> {
  for (let start = 0; start < lines.length; start += INSERT_CHUNK) {
    const chunk = lines.slice(start, start + INSERT_CHUNK);
    const inserted = await db
      .insertInto('po_lines')
      .values(
        chunk.map((line) => ({
          po_id: poId,
          line_number: line.lineNumber,
          item_id: line.itemId,
          description: line.description,
          quantity_milli: line.quantityMilli,
          unit_cost_minor: line.unitCostMinor,
          total_minor: line.totalMinor,
        })),
      )
      .returning(['id', 'line_number'])
      .execute();
    const idByNumber = new Map(inserted.map((row) => [row.line_number, row.id]));
    await db
      .insertInto('po_line_distributions')
      .values(
        chunk.map((line) => ({
          line_id: idByNumber.get(line.lineNumber) as number,
          cost_center_id: line.costCenterId,
          job_id: null,
          work_order_id: null,
          amount_minor: line.totalMinor,
        })),
      )
      .execute();
  }
}

export async function findPoHeader(db: Db, id: number): Promise<StoredPoHeader | undefined> {
  return db
    .selectFrom('purchase_orders')
    .select(['id', 'number', 'status', 'created_by as createdBy', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

function selectSummaries(db: Db) {
  return db
    .selectFrom('purchase_orders as po')
    .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
    .innerJoin('warehouses as w', 'w.id', 'po.warehouse_id')
    .innerJoin('operators as o', 'o.id', 'po.created_by')
    .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
    .select([
      'po.id',
      'po.number',
      'v.code as vendorCode',
      'v.name as vendorName',
      'w.code as warehouseCode',
      'cc.code as costCenterCode',
      'po.status',
      'po.total_minor as totalMinor',
      'o.display_name as createdBy',
      'po.updated_at as updatedAt',
      'po.version',
    ]);
}

export async function listPoSummaries(db: Db, limit = 5000): Promise<PoSummary[]> {
  const rows = await selectSummaries(db).orderBy('po.id', 'desc').limit(limit).execute();
  return rows.map(({ version: _version, ...summary }) => summary);
}

export async function getPoDetail(db: Db, id: number): Promise<PoDetail | undefined> {
  const header = await selectSummaries(db).where('po.id', '=', id).executeTakeFirst();
  if (!header) return undefined;
  const lines = await db
    .selectFrom('po_lines as l')
    .leftJoin('items as i', 'i.id', 'l.item_id')
    .select([
      'l.id',
      'l.line_number as lineNumber',
      'i.code as itemCode',
      'l.description',
      'l.quantity_milli as quantityMilli',
      'l.unit_cost_minor as unitCostMinor',
      'l.total_minor as totalMinor',
    ])
    .where('l.po_id', '=', id)
    .orderBy('l.line_number')
    .execute();
  return { ...header, lines };
}
