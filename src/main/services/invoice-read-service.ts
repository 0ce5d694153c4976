import type { ParsedInputOf } from '../../shared/contracts';
import type { InvoiceDetail, InvoiceDraft, InvoiceList, InvoiceSummary } from '../../shared/invoice-schemas';
import { entryBalance } from '../domain/coding/accounting-entry';
import { type PoStatus, STATUS_TEXT } from '../domain/po-lifecycle';
import type { Db } from '../store/connect';
import { findInvoicePo, findInvoicePoByNumber, type InvoicePoRecord } from '../store/repositories/invoice-po-repo';
import { findEntryLines, findInvoiceHeader, findInvoiceLines, type InvoiceHeaderRow, listInvoiceHeaders } from '../store/repositories/invoice-repo';
import { notFound } from './app-failure';
import type { Caller, Desk } from './desk';
import { readPoInvoiceFacts } from './invoice-facts';

/** Supplier invoices and their entries as every signed-in operator reads them. */

const LIST_LIMIT = 200;

/** Supervisors and admins register invoices and export entries (invoice-service.ts says why). */
export const canRegisterInvoices = (caller: Caller): boolean => caller.operator.role === 'supervisor' || caller.operator.role === 'admin';

const summaryOf = (row: InvoiceHeaderRow): InvoiceSummary => ({
  id: row.id,
  number: row.number,
  date: row.date,
  vendorCode: row.vendorCode,
  vendorName: row.vendorName,
  poId: row.poId,
  poNumber: row.poNumber,
  poRevision: row.poRevision,
  totalMinor: row.totalMinor,
  registeredByName: row.registeredByName,
  registeredAt: row.registeredAt,
  entryNumber: row.entryNumber,
  entryExportedAt: row.entryExportedAt,
  balanced: row.debitMinor === row.creditMinor,
});

export async function listSupplierInvoices(desk: Desk, caller: Caller, input: ParsedInputOf<'listSupplierInvoices'>): Promise<InvoiceList> {
  const rows = await listInvoiceHeaders(desk.db, input, LIST_LIMIT);
  return { canRegister: canRegisterInvoices(caller), invoices: rows.map(summaryOf) };
}

/** The invoice, its rows and its entry as stored; the balance is added up again from the stored lines, not taken on trust. */
export async function readInvoiceDetail(db: Db, id: number): Promise<InvoiceDetail> {
  const header = await findInvoiceHeader(db, id);
  if (!header) throw notFound(`There is no supplier invoice with id ${id}; reopen the list of invoices.`);
  const [lines, entryLines] = await Promise.all([findInvoiceLines(db, id), findEntryLines(db, [header.entryId])]);
  const stored = entryLines.get(header.entryId) ?? [];
  const balance = entryBalance({ lines: stored });
  return {
    invoice: { ...summaryOf(header), balanced: balance.balanced },
    lines: lines.map((line) => ({
      rowNumber: line.rowNumber,
      description: line.description,
      quantityMilli: line.quantityMilli,
      amountMinor: line.amountMinor,
      costCenters: stored.filter((entryLine) => entryLine.poRowNumber === line.rowNumber && entryLine.costCenter !== null).map((entryLine) => entryLine.costCenter as string),
    })),
    entry: {
      number: header.entryNumber,
      date: header.date,
      lines: stored.map((line) => ({ ...line, other: { ...line.other } })),
      debitMinor: balance.debitMinor,
      creditMinor: balance.creditMinor,
      differenceMinor: balance.differenceMinor,
      balanced: balance.balanced,
      exportedAt: header.entryExportedAt,
    },
    registeredReason: null,
  };
}

export async function openSupplierInvoice(desk: Desk, _caller: Caller, input: ParsedInputOf<'openSupplierInvoice'>): Promise<InvoiceDetail> {
  return readInvoiceDetail(desk.db, input.id);
}

/** Why the PO takes no invoice now, or null; the same rule the registration applies (supplier-invoice.ts). */
function notInvoiceableReason(po: InvoicePoRecord): string | null {
  const changeOrderOpen = po.lastReleasedRevision !== null && ['draft', 'submitted', 'approved'].includes(po.status);
  if (po.status === 'released' || changeOrderOpen) return null;
  return `${po.number} is ${STATUS_TEXT[po.status as PoStatus]}; supplier invoices are registered only against a released PO.`;
}

/** The PO's rows with what is ordered, invoiced and left, to prefill a new invoice with what is left. */
export async function invoiceDraftForPo(desk: Desk, caller: Caller, input: ParsedInputOf<'invoiceDraftForPo'>): Promise<InvoiceDraft> {
  const record = 'poId' in input ? await findInvoicePo(desk.db, input.poId) : await findInvoicePoByNumber(desk.db, input.poNumber);
  if (!record) {
    throw notFound('poId' in input ? `Purchase order ${input.poId} does not exist.` : `There is no purchase order ${input.poNumber.trim().toUpperCase()}; type its number as the PO list shows it, e.g. PO-000123.`);
  }
  const facts = await readPoInvoiceFacts(desk.db, record);
  const reason = notInvoiceableReason(record);
  return {
    po: {
      id: record.id,
      number: record.number,
      status: record.status,
      revision: facts.revision,
      vendorCode: record.vendorCode,
      vendorName: record.vendorName,
      payablesAccount: facts.coding.payablesAccount,
    },
    invoiceable: reason === null,
    reason,
    canRegister: canRegisterInvoices(caller),
    rows: facts.domainRows.map((row) => ({
      rowNumber: row.rowNumber,
      description: row.description,
      unitCostMinor: row.unitCostMinor,
      orderedQuantityMilli: row.orderedQuantityMilli,
      invoicedQuantityMilli: row.invoicedQuantityMilli,
      remainingQuantityMilli: Math.max(0, row.orderedQuantityMilli - row.invoicedQuantityMilli),
      orderedAmountMinor: row.orderedAmountMinor,
      invoicedAmountMinor: row.invoicedAmountMinor,
      remainingAmountMinor: Math.max(0, row.orderedAmountMinor - row.invoicedAmountMinor),
      coding: row.distributions.map((distribution) => ({ ...distribution.coding, other: { ...distribution.coding.other } })),
    })),
  };
}
