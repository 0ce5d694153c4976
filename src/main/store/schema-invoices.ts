/** Tables of supplier invoices and accounting entries (migration 0012). Columns of existing tables stay in ./schema.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InvoiceTables {}
