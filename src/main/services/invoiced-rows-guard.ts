import type { LocaleCode } from '../../shared/locales';
import { type InvoicedRow, invoicedRowRefusal } from '../domain/coding/invoiced-rows';
import type { Db } from '../store/connect';
import { invoicedByLine } from '../store/repositories/invoice-repo';
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
  const invoiced = await invoicedByLine(
    db,
    stored.map((line) => line.id),
  );
  return stored.flatMap((line) => {
    const sofar = invoiced.get(line.id);
    return sofar ? [{ lineId: line.id, lineNumber: line.lineNumber, ...sofar }] : [];
  });
}

/** Refuses a change order that deletes an invoiced row or takes it below what was invoiced; nothing is written. */
export async function refuseUninvoicing(db: Db, stored: readonly StoredRow[], inputLines: readonly { id?: number }[], plan: PlannedChanges, locale: LocaleCode): Promise<void> {
  const invoiced = await invoicedRows(db, stored);
  if (invoiced.length === 0) return;
  const kept = plan.kept.map((line) => ({ ...line, index: inputLines.findIndex((input) => input.id === line.id) }));
  const refusal = invoicedRowRefusal(invoiced, plan.deletedIds, kept, locale);
  if (refusal) throw refused(refusal.message, refusal.field).withAudit({ rule: 'invoiced-row' });
}
