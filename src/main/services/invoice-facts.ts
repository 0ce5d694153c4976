import type { InvoicePo, InvoicePoRow } from '../domain/coding/supplier-invoice';
import type { Db } from '../store/connect';
import { type InvoicePoRecord, type InvoicePoRowRecord, invoiceableRows } from '../store/repositories/invoice-po-repo';
import { invoicedByLine } from '../store/repositories/invoice-repo';
import { type InvoiceCodingFacts, loadInvoiceCodingFacts } from './invoice-coding-facts';

/**
 * What matching an invoice with its PO needs, read in one place for the draft (outside a
 * transaction) and the registration (inside it, after the PO is locked): the rows released to the
 * vendor, what earlier invoices charged for each, and each row's coding per distribution.
 */
export interface PoInvoiceFacts {
  po: InvoicePo;
  revision: number;
  rows: readonly InvoicePoRowRecord[];
  domainRows: readonly InvoicePoRow[];
  coding: InvoiceCodingFacts;
  lineIdByRow: ReadonlyMap<number, number>;
}

export async function readPoInvoiceFacts(db: Db, record: InvoicePoRecord): Promise<PoInvoiceFacts> {
  const { revision, rows } = await invoiceableRows(db, record);
  const lineIds = rows.map((row) => row.lineId);
  const [invoiced, coding] = await Promise.all([invoicedByLine(db, lineIds), loadInvoiceCodingFacts(db, record.id, record.vendorId, lineIds)]);
  const domainRows = rows.map(
    (row): InvoicePoRow => ({
      rowNumber: row.rowNumber,
      description: row.description,
      orderedQuantityMilli: row.quantityMilli,
      unitCostMinor: row.unitCostMinor,
      orderedAmountMinor: row.totalMinor,
      invoicedQuantityMilli: invoiced.get(row.lineId)?.quantityMilli ?? 0,
      invoicedAmountMinor: invoiced.get(row.lineId)?.amountMinor ?? 0,
      distributions: coding.distributionsByLine.get(row.lineId) ?? [],
    }),
  );
  return {
    po: { number: record.number, status: record.status, lastReleasedRevision: record.lastReleasedRevision, vendorCode: record.vendorCode, rows: domainRows },
    revision,
    rows,
    domainRows,
    coding,
    lineIdByRow: new Map(rows.map((row) => [row.rowNumber, row.lineId])),
  };
}
