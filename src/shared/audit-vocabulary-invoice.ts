/** The audit log’s actions and rules of supplier invoices and accounting entries, with the words the audit view shows; spread into ./audit-vocabulary.ts. */
export const INVOICE_AUDIT_ACTIONS = {
  'supplier-invoice-registered': 'Supplier invoice registered',
  'supplier-invoice-refused': 'Supplier invoice refused',
  'accounting-entries-exported': 'Accounting entries exported',
} as const;

/** The rules of supplier-invoice matching (src/main/domain/coding/supplier-invoice.ts), one per verdict. */
export const INVOICE_AUDIT_RULES = {
  'invoice-matched': 'Invoice matched with its PO',
  'invoice-po-not-released': 'Invoice needs a released PO',
  'invoice-vendor-mismatch': "Invoice from another vendor than the PO's",
  'invoice-number-required': 'Invoice number required',
  'invoice-duplicate': 'Invoice already registered',
  'invoice-date-invalid': 'Invoice date not a date',
  'vendor-payables-account-missing': 'Vendor has no payables account',
  'invoice-no-lines': 'Invoice without lines',
  'invoice-row-unknown': 'Invoice row not on the PO',
  'invoice-row-repeated': 'Invoice row given twice',
  'invoice-quantity-not-positive': 'Invoiced quantity not above 0',
  'invoice-amount-negative': 'Invoiced amount negative',
  'invoice-quantity-over': 'Quantity over-invoiced',
  'invoice-amount-over': 'Amount over-invoiced',
  'invoice-price-above-order': 'Invoiced price above the order',
  'invoice-row-no-account': 'Invoice row without purchase account',
  'invoice-row-account-unknown': 'Invoice row account not in the chart',
  'invoice-row-mandatory-missing': 'Invoice row missing mandatory coding',
  'invoice-total-mismatch': 'Invoice total not the sum of its lines',
  'invoice-total-zero': 'Invoice totals nothing',
  'entries-export': 'Accounting entries export',
  'invoiced-row': 'Invoiced rows kept on a change order',
} as const;
