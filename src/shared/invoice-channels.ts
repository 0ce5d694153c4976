/** Supplier invoices, their accounting entries and the entries export (issue 11). */
export const invoiceChannels = {} as const;
