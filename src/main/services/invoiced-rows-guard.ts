import type { LocaleCode } from '../../shared/locales';
import { type InvoicedRow, invoicedRowRefusal } from '../domain/coding/invoiced-rows';
import type { Db } from '../store/connect';
import { refused } from './app-failure';

interface StoredRow {
  id: number;
  lineNumber: number;
}

interface PlannedChanges {
  deletedIds: readonly number[];
  kept: readonly { id: number; values: { lineNumber: number; quantityMilli: number; totalMinor: number } }[];
}

/** What has been invoiced on each of the PO's stored rows, summed over every supplier invoice. */
async function invoicedRows(db: Db, stored: readonly StoredRow[]): Promise<InvoicedRow[]> {
  if (stored.length === 0) return [];
  const rows = await db
    .selectFrom('supplier_invoice_lines')
    .select((eb) => ['po_line_id', eb.fn.sum<number | string>('quantity_milli').as('quantity'), eb.fn.sum<number | string>('amount_minor').as('amount')])
    .where(
      'po_line_id',
      'in',
      stored.map((line) => line.id),
    )
    .groupBy('po_line_id')
    .execute();
  const numberOf = new Map(stored.map((line) => [line.id, line.lineNumber]));
  return rows.map((row) => ({ lineId: row.po_line_id, lineNumber: numberOf.get(row.po_line_id) ?? 0, quantityMilli: Number(row.quantity), amountMinor: Number(row.amount) }));
}

/** Refuses a change order that deletes an invoiced row or takes it below what was invoiced; nothing is written. */
export async function refuseUninvoicing(db: Db, stored: readonly StoredRow[], inputLines: readonly { id?: number }[], plan: PlannedChanges, locale: LocaleCode): Promise<void> {
  const invoiced = await invoicedRows(db, stored);
  if (invoiced.length === 0) return;
  const kept = plan.kept.map((line) => ({ ...line, index: inputLines.findIndex((input) => input.id === line.id) }));
  const refusal = invoicedRowRefusal(invoiced, plan.deletedIds, kept, locale);
  if (refusal) throw refused(refusal.message, refusal.field).withAudit({ rule: 'invoiced-row' });
}
