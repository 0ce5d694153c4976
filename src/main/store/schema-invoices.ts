import type { ColumnType, Generated } from 'kysely';

/** Tables of supplier invoices and accounting entries (migration 0012). Columns of existing tables stay in ./schema.ts. */
export interface InvoiceTables {
  supplier_invoices: SupplierInvoicesTable;
  supplier_invoice_lines: SupplierInvoiceLinesTable;
  accounting_entries: AccountingEntriesTable;
  accounting_entry_lines: AccountingEntryLinesTable;
}

export interface SupplierInvoicesTable {
  id: Generated<number>;
  vendor_id: number;
  number: string;
  /** number trimmed and lower-cased: unique per vendor. */
  number_key: string;
  /** YYYY-MM-DD. */
  invoice_date: string;
  po_id: number;
  po_revision: number;
  total_minor: number;
  registered_by: number;
  registered_at: string;
}

export interface SupplierInvoiceLinesTable {
  id: Generated<number>;
  invoice_id: number;
  po_line_id: number;
  row_number: number;
  quantity_milli: number;
  amount_minor: number;
}

export interface AccountingEntriesTable {
  id: Generated<number>;
  number: string;
  /** YYYY-MM-DD: the invoice date. */
  entry_date: string;
  invoice_id: number;
  debit_minor: number;
  credit_minor: number;
  /** 0/1; the database accepts only 1. */
  balanced: number;
  created_at: string;
  exported_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AccountingEntryLinesTable {
  id: Generated<number>;
  entry_id: number;
  line_number: number;
  account_code: string;
  cost_center: string | null;
  cost_unit: string | null;
  project: string | null;
  /** JSON object: dimension type code → value code. */
  other_dimensions: ColumnType<string, string | undefined, string>;
  debit_minor: number;
  credit_minor: number;
  po_line_id: number | null;
  po_row_number: number | null;
  text: string;
}
