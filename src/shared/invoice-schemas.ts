import { z } from 'zod';
import { MAX_QUANTITY_MILLI } from './money';

/**
 * Supplier invoices, their accounting entries and the entries export as the contracts carry them
 * (issue 11). Money is integer minor units and quantities integer thousandths; the renderer parses
 * what the operator typed through locale-format.ts before it sends anything.
 */

const isoDate = (what: string) => z.iso.date(`${what} must be a date (yyyy-mm-dd)`);
const minor = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be in whole minor units`).safe(`${what} is too large`);

/** Where the invoice's PO is found: by id (from a list) or by the number as typed. */
export const invoicePoRefSchema = z.union([
  z.strictObject({ poId: z.number().int().positive() }),
  z.strictObject({ poNumber: z.string().trim().min(1, 'Enter the PO number').max(32, 'A PO number is at most 32 characters') }),
]);

export const invoiceCodingSchema = z.object({
  purchaseAccount: z.string().nullable(),
  costCenter: z.string().nullable(),
  costUnit: z.string().nullable(),
  project: z.string().nullable(),
  /** The organisation's own dimensions: type code → value. */
  other: z.record(z.string(), z.string()),
});
export type InvoiceCoding = z.infer<typeof invoiceCodingSchema>;

export const invoiceDraftRowSchema = z.object({
  rowNumber: z.number().int(),
  description: z.string(),
  unitCostMinor: z.number().int(),
  orderedQuantityMilli: z.number().int(),
  invoicedQuantityMilli: z.number().int(),
  remainingQuantityMilli: z.number().int(),
  orderedAmountMinor: z.number().int(),
  invoicedAmountMinor: z.number().int(),
  remainingAmountMinor: z.number().int(),
  /** One per distribution, in the order the entry debits them. */
  coding: z.array(invoiceCodingSchema),
});
export type InvoiceDraftRow = z.infer<typeof invoiceDraftRowSchema>;

export const invoicePoSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.string(),
  /** The revision released to the vendor, whose rows are invoiced. */
  revision: z.number().int(),
  vendorCode: z.string(),
  vendorName: z.string(),
  payablesAccount: z.string().nullable(),
});

export const invoiceDraftSchema = z.object({
  po: invoicePoSchema,
  /** False when the PO cannot take an invoice now; `reason` says why. */
  invoiceable: z.boolean(),
  reason: z.string().nullable(),
  canRegister: z.boolean(),
  rows: z.array(invoiceDraftRowSchema),
});
export type InvoiceDraft = z.infer<typeof invoiceDraftSchema>;

export const invoiceLineInputSchema = z.strictObject({
  rowNumber: z.number().int().positive(),
  quantityMilli: z.number().int('A quantity is in whole thousandths').min(0).max(MAX_QUANTITY_MILLI, 'The quantity is too large'),
  amountMinor: minor('The amount'),
});

export const registerSupplierInvoiceInputSchema = z.strictObject({
  poId: z.number().int().positive(),
  vendorCode: z.string().trim().min(1, 'Enter the vendor').max(32),
  number: z.string().trim().max(40, "The vendor's invoice number is at most 40 characters"),
  date: z.string().max(10),
  totalMinor: minor('The invoice total'),
  lines: z.array(invoiceLineInputSchema).max(500, 'An invoice has at most 500 lines'),
});
export type RegisterSupplierInvoiceInput = z.input<typeof registerSupplierInvoiceInputSchema>;

export const invoiceSummarySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  date: z.string(),
  vendorCode: z.string(),
  vendorName: z.string(),
  poId: z.number().int(),
  poNumber: z.string(),
  poRevision: z.number().int(),
  totalMinor: z.number().int(),
  registeredByName: z.string(),
  registeredAt: z.string(),
  entryNumber: z.string(),
  entryExportedAt: z.string().nullable(),
  balanced: z.boolean(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

export const invoiceListInputSchema = z.strictObject({
  poId: z.number().int().positive().optional(),
  vendorCode: z.string().trim().max(32).optional(),
  number: z.string().trim().max(40).optional(),
});

export const invoiceListSchema = z.object({
  canRegister: z.boolean(),
  invoices: z.array(invoiceSummarySchema),
});
export type InvoiceList = z.infer<typeof invoiceListSchema>;

export const entryLineSchema = z.object({
  lineNumber: z.number().int(),
  side: z.enum(['debit', 'credit']),
  accountCode: z.string(),
  amountMinor: z.number().int(),
  costCenter: z.string().nullable(),
  costUnit: z.string().nullable(),
  project: z.string().nullable(),
  other: z.record(z.string(), z.string()),
  poRowNumber: z.number().int().nullable(),
  text: z.string(),
});
export type EntryLineView = z.infer<typeof entryLineSchema>;

export const invoiceDetailSchema = z.object({
  invoice: invoiceSummarySchema,
  lines: z.array(
    z.object({
      rowNumber: z.number().int(),
      description: z.string(),
      quantityMilli: z.number().int(),
      amountMinor: z.number().int(),
      /** The cost centers the row's debits carry, in entry order. */
      costCenters: z.array(z.string()),
    }),
  ),
  entry: z.object({
    number: z.string(),
    date: z.string(),
    lines: z.array(entryLineSchema),
    debitMinor: z.number().int(),
    creditMinor: z.number().int(),
    differenceMinor: z.number().int(),
    balanced: z.boolean(),
    exportedAt: z.string().nullable(),
  }),
  /** Main's sentence on what was registered, in the caller's locale; set only when the call registered the invoice. */
  registeredReason: z.string().nullable(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;

export const exportEntriesInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('dates'), from: isoDate('From'), to: isoDate('To') }),
    z.strictObject({ kind: z.literal('not-exported') }),
  ],
  { error: 'Choose a date range or the entries not yet exported' },
);

export const entriesExportSchema = z.object({
  fileName: z.string(),
  /** The CSV's text, UTF-8, a header row first. */
  csv: z.string(),
  entryCount: z.number().int(),
  lineCount: z.number().int(),
});
export type EntriesExport = z.infer<typeof entriesExportSchema>;

export const invoiceReportSchema = z.object({
  fileName: z.string(),
  /** The PDF's bytes, base64. */
  contentBase64: z.string(),
});
export type InvoiceReport = z.infer<typeof invoiceReportSchema>;
