/** Supplier invoices, their accounting entries and the entries export (issue 11). */
export const invoiceChannels = {
  listSupplierInvoices: 'invoices:list',
  openSupplierInvoice: 'invoices:open',
  invoiceDraftForPo: 'invoices:draft-for-po',
  registerSupplierInvoice: 'invoices:register',
  exportAccountingEntries: 'invoices:export-entries',
  invoiceReport: 'invoices:report',
} as const;
