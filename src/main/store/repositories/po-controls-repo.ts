import type { Db } from '../connect';

/** What a PO carries under the purchasing controls (migration 0010), kept beside it in po_purchasing_controls. */
export interface PoControls {
  billingEntityId: number | null;
  billingEntityCode: string | null;
  billingEntityName: string | null;
  customerPoNumber: string | null;
  projectCode: string | null;
  budgetOrderId: number | null;
  budgetOrderNumber: string | null;
  budgetOrderCustomerPoNumber: string | null;
}

/** The PO's controls; a PO that carries none has no row and reads as all null. */
export async function findPoControls(db: Db, poId: number): Promise<PoControls | undefined> {
  const row = await db
    .selectFrom('po_purchasing_controls as c')
    .leftJoin('billing_entities as be', 'be.id', 'c.billing_entity_id')
    .leftJoin('budget_orders as bo', 'bo.id', 'c.budget_order_id')
    .select([
      'c.billing_entity_id as billingEntityId',
      'be.code as billingEntityCode',
      'be.name as billingEntityName',
      'c.customer_po_number as customerPoNumber',
      'c.project_code as projectCode',
      'c.budget_order_id as budgetOrderId',
      'bo.number as budgetOrderNumber',
      'bo.customer_po_number as budgetOrderCustomerPoNumber',
    ])
    .where('c.po_id', '=', poId)
    .executeTakeFirst();
  return row;
}

export interface PoControlValues {
  billingEntityId: number | null;
  customerPoNumber: string | null;
  projectCode: string | null;
  budgetOrderId: number | null;
}

const carriesNone = (values: PoControlValues) => values.billingEntityId === null && values.customerPoNumber === null && values.projectCode === null && values.budgetOrderId === null;

/**
 * Written in the saving transaction, right after the PO's own row. A PO that carries nothing and
 * had nothing writes nothing, so an ordinary save costs no extra statement.
 */
export async function writePoControls(db: Db, poId: number, values: PoControlValues, hadRow: boolean): Promise<void> {
  if (!hadRow && carriesNone(values)) return;
  const row = { billing_entity_id: values.billingEntityId, customer_po_number: values.customerPoNumber, project_code: values.projectCode, budget_order_id: values.budgetOrderId };
  await db
    .insertInto('po_purchasing_controls')
    .values({ po_id: poId, ...row })
    .onConflict((conflict) => conflict.column('po_id').doUpdateSet(row))
    .execute();
}
