import type { PoLine, PoSummary } from '../../../shared/contracts';
import type { Db } from '../connect';
import type { CostCenterSourceColumn, DistributionTypeColumn, PoStatusColumn } from '../schema';
import { insertRows } from './bulk-insert';
import { precompiled } from './precompiled';

export interface PoHeaderValues {
  vendorId: number;
  warehouseId: number;
  costCenterId: number | null;
  costCenterSource: CostCenterSourceColumn;
  costCenterEnteredBy: number | null;
  totalMinor: number;
}

export interface PoLineValues {
  lineNumber: number;
  itemId: number | null;
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
  totalMinor: number;
  /** Each line has one distribution, which carries its coding. */
  distribution: DistributionValues;
}

export interface DistributionValues {
  distributionType: DistributionTypeColumn;
  costCenterId: number | null;
  jobId: number | null;
  workOrderId: number | null;
  costTypeId: number | null;
  glAccountId: number | null;
}

export interface StoredPoHeader {
  id: number;
  number: string;
  status: PoStatusColumn;
  createdBy: number;
  version: number;
  revision: number;
  warehouseCode: string;
  costCenterCode: string | null;
  costCenterSource: CostCenterSourceColumn;
  costCenterEnteredBy: number | null;
}

/** A stored line with its distribution's codes, as change mode judges it. */
export interface StoredLine extends PoLine {
  itemId: number | null;
  costCenterId: number | null;
  jobId: number | null;
  workOrderId: number | null;
  costTypeId: number | null;
  glAccountId: number | null;
  /** The work order's site, else the job's; '' when the line has neither. */
  siteAddress: string;
}

/** Rows per multi-row INSERT: a whole 500-line PO at 8 columns stays well under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 500;

const insertDraftPo = precompiled(
  (
    db,
    number: string,
    vendorId: number,
    warehouseId: number,
    costCenterId: number | null,
    costCenterSource: CostCenterSourceColumn,
    costCenterEnteredBy: number | null,
    createdBy: number,
    totalMinor: number,
    at: string,
  ) =>
    db
      .insertInto('purchase_orders')
      .values({
        number,
        vendor_id: vendorId,
        warehouse_id: warehouseId,
        cost_center_id: costCenterId,
        cost_center_source: costCenterSource,
        cost_center_entered_by: costCenterEnteredBy,
        status: 'draft',
        created_by: createdBy,
        version: 1,
        total_minor: totalMinor,
        created_at: at,
        updated_at: at,
      })
      .returning('id'),
);

export async function insertPurchaseOrder(
  db: Db,
  values: PoHeaderValues & { number: string; createdBy: number; at: string },
): Promise<number> {
  const [row] = await insertDraftPo(
    db,
    values.number,
    values.vendorId,
    values.warehouseId,
    values.costCenterId,
    values.costCenterSource,
    values.costCenterEnteredBy,
    values.createdBy,
    values.totalMinor,
    values.at,
  );
  if (!row) throw new Error(`The purchase order ${values.number} was not inserted.`);
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
      cost_center_source: values.costCenterSource,
      cost_center_entered_by: values.costCenterEnteredBy,
      total_minor: values.totalMinor,
      updated_at: values.at,
      version: expectedVersion + 1,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

const distributionRow = (lineId: number, line: PoLineValues) => ({
  line_id: lineId,
  distribution_type: line.distribution.distributionType,
  cost_center_id: line.distribution.costCenterId,
  job_id: line.distribution.jobId,
  work_order_id: line.distribution.workOrderId,
  cost_type_id: line.distribution.costTypeId,
  gl_account_id: line.distribution.glAccountId,
  amount_minor: line.totalMinor,
});

/** Deletes the given lines of one PO; their distributions go with them. */
export async function deletePoLinesById(db: Db, poId: number, lineIds: readonly number[]): Promise<void> {
  if (lineIds.length === 0) return;
  await db.deleteFrom('po_lines').where('po_id', '=', poId).where('id', 'in', [...lineIds]).execute();
}

/**
 * Moves the PO's line numbers out of the way (negated) so kept lines can take their new numbers
 * one by one without tripping the (po, line number) uniqueness.
 */
export async function renumberPoLinesAside(db: Db, poId: number): Promise<void> {
  await db
    .updateTable('po_lines')
    .set((eb) => ({ line_number: eb.neg(eb.ref('line_number')) }))
    .where('po_id', '=', poId)
    .execute();
}

/** Rewrites one stored line and its distribution in place, so its id — and its audit trail — survive. */
export async function updatePoLine(db: Db, lineId: number, line: PoLineValues): Promise<void> {
  await db
    .updateTable('po_lines')
    .set({
      line_number: line.lineNumber,
      item_id: line.itemId,
      description: line.description,
      quantity_milli: line.quantityMilli,
      unit_cost_minor: line.unitCostMinor,
      total_minor: line.totalMinor,
    })
    .where('id', '=', lineId)
    .execute();
  const { line_id: _lineId, ...distribution } = distributionRow(lineId, line);
  await db.updateTable('po_line_distributions').set(distribution).where('line_id', '=', lineId).execute();
}

const LINE_COLUMNS = ['po_id', 'line_number', 'item_id', 'description', 'quantity_milli', 'unit_cost_minor', 'total_minor'] as const;
const DISTRIBUTION_COLUMNS = [
  'line_id',
  'distribution_type',
  'cost_center_id',
  'job_id',
  'work_order_id',
  'cost_type_id',
  'gl_account_id',
  'amount_minor',
] as const;

/** Inserts lines with their distributions; answers the new line ids by line number. */
export async function insertPoLines(db: Db, poId: number, lines: readonly PoLineValues[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let start = 0; start < lines.length; start += INSERT_CHUNK) {
    const chunk = lines.slice(start, start + INSERT_CHUNK);
    const inserted = await insertRows(
      db,
      'po_lines',
      LINE_COLUMNS,
      chunk.map((line) => [poId, line.lineNumber, line.itemId, line.description, line.quantityMilli, line.unitCostMinor, line.totalMinor]),
      { returning: ['id', 'line_number'] },
    );
    const idByNumber = new Map(inserted.map((row) => [row.line_number, row.id]));
    for (const [lineNumber, id] of idByNumber) ids.set(lineNumber, id);
    await insertRows(
      db,
      'po_line_distributions',
      DISTRIBUTION_COLUMNS,
      chunk.map((line) => {
        const row = distributionRow(idByNumber.get(line.lineNumber) as number, line);
        return DISTRIBUTION_COLUMNS.map((column) => row[column]);
      }),
    );
  }
  return ids;
}

export async function findPoHeader(db: Db, id: number): Promise<StoredPoHeader | undefined> {
  return db
    .selectFrom('purchase_orders as po')
    .innerJoin('warehouses as w', 'w.id', 'po.warehouse_id')
    .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
    .select([
      'po.id',
      'po.number',
      'po.status',
      'po.created_by as createdBy',
      'po.version',
      'po.revision',
      'w.code as warehouseCode',
      'cc.code as costCenterCode',
      'po.cost_center_source as costCenterSource',
      'po.cost_center_entered_by as costCenterEnteredBy',
    ])
    .where('po.id', '=', id)
    .executeTakeFirst();
}

function selectSummaries(db: Db) {
  return db
    .selectFrom('purchase_orders as po')
    .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
    .innerJoin('warehouses as w', 'w.id', 'po.warehouse_id')
    .innerJoin('operators as o', 'o.id', 'po.created_by')
    .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
    .select([...PO_SUMMARY_COLUMNS, 'po.version']);
}

/** A PO's line in the list, over `purchase_orders as po` joined to vendors v, warehouses w, operators o and cost centers cc. */
export const PO_SUMMARY_COLUMNS = [
  'po.id',
  'po.number',
  'v.code as vendorCode',
  'v.name as vendorName',
  'w.code as warehouseCode',
  'cc.code as costCenterCode',
  'po.status',
  'po.revision',
  'po.status_note as statusNote',
  'po.total_minor as totalMinor',
  'o.display_name as createdBy',
  'po.updated_at as updatedAt',
] as const;

export async function listPoSummaries(db: Db, limit = 5000): Promise<PoSummary[]> {
  const rows = await selectSummaries(db).orderBy('po.id', 'desc').limit(limit).execute();
  return rows.map(({ version: _version, ...summary }) => summary);
}

export type PoDetailWithoutAccess = PoSummary & {
  version: number;
  costCenterSource: CostCenterSourceColumn;
  /** Display name of the operator who entered the cost center. */
  costCenterEnteredBy: string | null;
  lines: StoredLine[];
};

export async function getPoDetail(db: Db, id: number): Promise<PoDetailWithoutAccess | undefined> {
  const header = await selectSummaries(db)
    .leftJoin('operators as entered', 'entered.id', 'po.cost_center_entered_by')
    .select(['po.cost_center_source as costCenterSource', 'entered.display_name as costCenterEnteredBy'])
    .where('po.id', '=', id)
    .executeTakeFirst();
  if (!header) return undefined;
  return { ...header, lines: await findStoredLines(db, id) };
}

/** Every line on order for the PO, whatever the reader's cost-center security (rule 6). */
export async function findStoredLines(db: Db, poId: number): Promise<StoredLine[]> {
  const rows = await db
    .selectFrom('po_lines as l')
    .innerJoin('po_line_distributions as d', 'd.line_id', 'l.id')
    .leftJoin('items as i', 'i.id', 'l.item_id')
    .leftJoin('cost_centers as cc', 'cc.id', 'd.cost_center_id')
    .leftJoin('jobs as j', 'j.id', 'd.job_id')
    .leftJoin('work_orders as wo', 'wo.id', 'd.work_order_id')
    .leftJoin('jobs as woj', 'woj.id', 'wo.job_id')
    .leftJoin('cost_types as ct', 'ct.id', 'd.cost_type_id')
    .leftJoin('gl_accounts as gl', 'gl.id', 'd.gl_account_id')
    .select([
      'l.id',
      'l.line_number as lineNumber',
      'l.item_id as itemId',
      'd.cost_center_id as costCenterId',
      'd.job_id as jobId',
      'd.work_order_id as workOrderId',
      'd.cost_type_id as costTypeId',
      'd.gl_account_id as glAccountId',
      'i.code as itemCode',
      'l.description',
      'l.quantity_milli as quantityMilli',
      'l.unit_cost_minor as unitCostMinor',
      'l.total_minor as totalMinor',
      'd.distribution_type as distributionType',
      'j.code as jobCode',
      'j.site_address as jobSite',
      'wo.code as workOrderCode',
      'wo.site_address as workOrderSite',
      'woj.site_address as workOrderJobSite',
      'ct.code as costTypeCode',
      'gl.code as glAccountCode',
      'gl.wip as glAccountWip',
      'cc.code as costCenterCode',
    ])
    .where('l.po_id', '=', poId)
    .orderBy('l.line_number')
    .execute();
  return rows.map(({ jobSite, workOrderSite, workOrderJobSite, glAccountWip, ...line }) => ({
    ...line,
    glAccountWip: glAccountWip === 1,
    siteAddress: workOrderSite || workOrderJobSite || jobSite || '',
  }));
}

/** How a stored PO's cost center was set, with the name of whoever entered it. */
export async function findPoCostCenterOrigin(db: Db, id: number) {
  return db
    .selectFrom('purchase_orders as po')
    .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
    .leftJoin('operators as entered', 'entered.id', 'po.cost_center_entered_by')
    .select(['cc.code as costCenterCode', 'po.cost_center_source as source', 'entered.display_name as enteredBy'])
    .where('po.id', '=', id)
    .executeTakeFirst();
}
