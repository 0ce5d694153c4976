/**
 * The lines-grid benchmark's large POs: written straight into a demo database with Kysely, as
 * demo-data.ts writes its two POs, but in multi-row chunks. Every line's coding stays inside
 * operator pat's scheme WIDE (no overrides), so pat may open each PO for change and edit every line.
 */
import { lineTotalMinor } from '../src/shared/money';
import type { Db } from '../src/main/store/connect';
import type { DistributionTypeColumn } from '../src/main/store/schema';

/** Rows per multi-row INSERT: 500 rows × 9 columns stays far below SQLite's 32,766 variables. */
const CHUNK = 500;
const OPERATOR = 'pat';
const COST_CENTERS = ['210', '220', '310', '320', '410', '110', 'HQ'];
const EXPENSE_GL = ['5000', '5100', '5200'];

export interface BenchPo {
  id: number;
  number: string;
  lineCount: number;
}

type IdOf = (code: string) => number;

async function idsByCode(db: Db, table: 'cost_centers' | 'gl_accounts' | 'jobs' | 'work_orders' | 'cost_types' | 'vendors' | 'warehouses'): Promise<IdOf> {
  const rows = await db.selectFrom(table).select(['id', 'code']).execute();
  const ids = new Map(rows.map((row) => [row.code, row.id]));
  return (code) => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`the demo data has no ${table} row ${code}`);
    return id;
  };
}

interface LinePlan {
  itemId: number;
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
  totalMinor: number;
  type: DistributionTypeColumn;
  costCenterId: number;
  glAccountId: number;
  jobId: number | null;
  workOrderId: number | null;
  costTypeId: number | null;
}

/** Inserts one draft PO of pat's with `lineCount` lines (one distribution each) and returns it. */
export async function insertLargePo(db: Db, lineCount: number): Promise<BenchPo> {
  const [cc, gl, job, costType, vendor, warehouse] = await Promise.all([
    idsByCode(db, 'cost_centers'),
    idsByCode(db, 'gl_accounts'),
    idsByCode(db, 'jobs'),
    idsByCode(db, 'cost_types'),
    idsByCode(db, 'vendors'),
    idsByCode(db, 'warehouses'),
  ]);
  const items = await db.selectFrom('items').select(['id', 'description', 'unit_cost_minor']).orderBy('id').execute();
  const workOrders = await db.selectFrom('work_orders').select(['id', 'code', 'job_id', 'cost_center_id']).execute();
  const wo2001 = workOrders.find((row) => row.code === 'WO-2001');
  const operator = await db.selectFrom('operators').select('id').where('sign_in_name', '=', OPERATOR).executeTakeFirst();
  if (!wo2001 || !operator || items.length === 0) throw new Error('the demo data lacks WO-2001, operator pat or items');

  // Mostly expense lines over WIDE's cost centers; every tenth a job-cost line, every 25th a direct work-order cost line.
  const plans: LinePlan[] = Array.from({ length: lineCount }, (_, index) => {
    const item = items[index % items.length] as (typeof items)[number];
    const quantityMilli = (1 + (index % 40)) * 1000 + (index % 4) * 250;
    const unitCostMinor = item.unit_cost_minor;
    const base = {
      itemId: item.id,
      description: `${item.description} — bench line ${index + 1}`,
      quantityMilli,
      unitCostMinor,
      totalMinor: lineTotalMinor(quantityMilli, unitCostMinor),
    };
    if (index % 25 === 24) {
      return { ...base, type: 'direct-wo-cost', costCenterId: wo2001.cost_center_id, glAccountId: gl('5100'), jobId: wo2001.job_id, workOrderId: wo2001.id, costTypeId: null };
    }
    if (index % 10 === 9) {
      return { ...base, type: 'job-cost', costCenterId: cc('220'), glAccountId: gl('5000'), jobId: job('J-200'), workOrderId: null, costTypeId: costType('M') };
    }
    return {
      ...base,
      type: 'expense',
      costCenterId: cc(COST_CENTERS[index % COST_CENTERS.length] as string),
      glAccountId: gl(EXPENSE_GL[index % EXPENSE_GL.length] as string),
      jobId: null,
      workOrderId: null,
      costTypeId: null,
    };
  });

  return db.transaction().execute(async (trx) => {
    const next = await trx.selectFrom('settings').select('value').where('key', '=', 'next_po_number').executeTakeFirstOrThrow();
    const sequence = Number(next.value);
    const number = `PO-${String(sequence).padStart(6, '0')}`;
    const at = new Date().toISOString();
    const { id: poId } = await trx
      .insertInto('purchase_orders')
      .values({
        number,
        vendor_id: vendor('GENERAL'),
        warehouse_id: warehouse('MAIN'),
        cost_center_id: cc('210'),
        cost_center_source: 'entered',
        cost_center_entered_by: operator.id,
        status: 'draft',
        created_by: operator.id,
        version: 1,
        total_minor: plans.reduce((sum, plan) => sum + plan.totalMinor, 0),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    for (let start = 0; start < plans.length; start += CHUNK) {
      const chunk = plans.slice(start, start + CHUNK);
      await trx
        .insertInto('po_lines')
        .values(
          chunk.map((plan, offset) => ({
            po_id: poId,
            line_number: start + offset + 1,
            item_id: plan.itemId,
            description: plan.description,
            quantity_milli: plan.quantityMilli,
            unit_cost_minor: plan.unitCostMinor,
            total_minor: plan.totalMinor,
          })),
        )
        .execute();
    }
    // The lines' ids by line number, read back rather than trusting RETURNING's order.
    const lineIds = await trx.selectFrom('po_lines').select(['id', 'line_number']).where('po_id', '=', poId).orderBy('line_number').execute();
    if (lineIds.length !== plans.length) throw new Error(`wrote ${plans.length} lines, read back ${lineIds.length}`);
    for (let start = 0; start < plans.length; start += CHUNK) {
      await trx
        .insertInto('po_line_distributions')
        .values(
          plans.slice(start, start + CHUNK).map((plan, offset) => ({
            line_id: (lineIds[start + offset] as (typeof lineIds)[number]).id,
            distribution_type: plan.type,
            cost_center_id: plan.costCenterId,
            job_id: plan.jobId,
            work_order_id: plan.workOrderId,
            cost_type_id: plan.costTypeId,
            gl_account_id: plan.glAccountId,
            amount_minor: plan.totalMinor,
          })),
        )
        .execute();
    }
    await trx.updateTable('settings').set({ value: String(sequence + 1) }).where('key', '=', 'next_po_number').execute();
    return { id: poId, number, lineCount };
  });
}
