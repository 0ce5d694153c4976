/** Supplier invoices, their accounting entries and the entries export (issue 11). Built with `contract` from ./contract; never imports ./contracts. */
export const invoiceContracts = {} as const;
