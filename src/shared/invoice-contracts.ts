import { z } from 'zod';
import { contract } from './contract';
import {
  entriesExportSchema,
  exportEntriesInputSchema,
  invoiceDetailSchema,
  invoiceDraftSchema,
  invoiceListInputSchema,
  invoiceListSchema,
  invoicePoRefSchema,
  invoiceReportSchema,
  registerSupplierInvoiceInputSchema,
} from './invoice-schemas';

/**
 * Supplier invoices, their accounting entries and the entries export (issue 11). Built with `contract`
 * from ./contract; never imports ./contracts. Shapes are in ./invoice-schemas.ts. Supervisors and
 * admins register invoices and export entries (accounts payable is their work, not the buyer's);
 * every signed-in operator reads invoices, entries and the report.
 */
const byId = z.strictObject({ id: z.number().int().positive() });

export const invoiceContracts = {
  /** Newest first; filtered by PO, vendor code or part of the invoice number. */
  listSupplierInvoices: contract('listSupplierInvoices', invoiceListInputSchema, invoiceListSchema),
  /** One invoice with its rows and its entry: lines, totals, balanced yes or no. */
  openSupplierInvoice: contract('openSupplierInvoice', byId, invoiceDetailSchema),
  /** The PO's rows with ordered, invoiced and remaining quantity and amount, to prefill an invoice. */
  invoiceDraftForPo: contract('invoiceDraftForPo', invoicePoRefSchema, invoiceDraftSchema),
  /** Matches the invoice with the PO and books its entry, in one transaction; a refusal writes nothing and names each row's problem in `issues`. */
  registerSupplierInvoice: contract('registerSupplierInvoice', registerSupplierInvoiceInputSchema, invoiceDetailSchema),
  /** The entries of a date range (invoice date), or those not yet exported (which marks them exported), as CSV. */
  exportAccountingEntries: contract('exportAccountingEntries', exportEntriesInputSchema, entriesExportSchema),
  /** The invoice report: the invoice, its rows with their coding, and its entry, as a PDF. */
  invoiceReport: contract('invoiceReport', byId, invoiceReportSchema),
} as const;
