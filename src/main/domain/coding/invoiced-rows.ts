import type { LocaleCode } from '../../../shared/locales';
import { formatMoney, formatQuantity } from '../../../shared/locale-format';

/**
 * A change order may not take back what a supplier has already invoiced: an invoiced row is not
 * deleted, and its quantity and amount do not fall below what was invoiced on it.
 */
export interface InvoicedRow {
  lineId: number;
  lineNumber: number;
  quantityMilli: number;
  amountMinor: number;
}

export interface KeptRow {
  id: number;
  /** Where the row is in the saved lines, so the refusal is shown beside it. */
  index: number;
  values: { lineNumber: number; quantityMilli: number; totalMinor: number };
}

export interface InvoicedRowRefusal {
  message: string;
  /** The field the refusal is shown beside: `lines.<index>.quantityMilli` or `.unitCostMinor`, or `lines` for a deleted row. */
  field: string;
}

export function invoicedRowRefusal(invoiced: readonly InvoicedRow[], deletedIds: readonly number[], kept: readonly KeptRow[], locale: LocaleCode): InvoicedRowRefusal | null {
  const byLine = new Map(invoiced.map((row) => [row.lineId, row]));
  for (const id of deletedIds) {
    const row = byLine.get(id);
    if (row) {
      return {
        message: `Line ${row.lineNumber} cannot be deleted: ${formatQuantity(row.quantityMilli, locale)} of it (${formatMoney(row.amountMinor, locale)}) is already on a supplier invoice. Nothing was saved.`,
        field: 'lines',
      };
    }
  }
  for (const line of kept) {
    const row = byLine.get(line.id);
    if (!row) continue;
    if (line.values.quantityMilli < row.quantityMilli) {
      return {
        message: `Line ${line.values.lineNumber}'s quantity cannot go below ${formatQuantity(row.quantityMilli, locale)}: that much is already on a supplier invoice. Nothing was saved.`,
        field: `lines.${line.index}.quantityMilli`,
      };
    }
    if (line.values.totalMinor < row.amountMinor) {
      return {
        message: `Line ${line.values.lineNumber}'s amount cannot go below ${formatMoney(row.amountMinor, locale)}: that much is already on a supplier invoice. Nothing was saved.`,
        field: `lines.${line.index}.unitCostMinor`,
      };
    }
  }
  return null;
}
