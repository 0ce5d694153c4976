import { type Kysely, sql } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Supplier invoices against released POs and the accounting entries they make. Only new tables: no
 * PO, line or vendor row changes. What a PO row has been invoiced is the sum of its invoice lines,
 * never a counter kept on the row, so it cannot drift from the invoices themselves.
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text, identity } = schemaTypes(db);

  await db.schema
    .createTable('supplier_invoices')
    .addColumn('id', integer, identity)
    .addColumn('vendor_id', integer, (c) => c.notNull().references('vendors.id'))
    // As the vendor printed it; number_key is it trimmed and lower-cased, so "inv-7" and "INV-7 " are one invoice.
    .addColumn('number', text, (c) => c.notNull())
    .addColumn('number_key', text, (c) => c.notNull())
    .addColumn('invoice_date', text, (c) => c.notNull())
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id'))
    // The PO revision released to the vendor that the invoice was matched against.
    .addColumn('po_revision', integer, (c) => c.notNull())
    .addColumn('total_minor', integer, (c) => c.notNull().check(sql`total_minor > 0`))
    .addColumn('registered_by', integer, (c) => c.notNull().references('operators.id'))
    .addColumn('registered_at', text, (c) => c.notNull())
    // An invoice is registered once per vendor: the database refuses a second one even if two desks race.
    .addUniqueConstraint('supplier_invoices_vendor_number', ['vendor_id', 'number_key'])
    .execute();
  await db.schema.createIndex('supplier_invoices_by_po').on('supplier_invoices').columns(['po_id', 'id']).execute();

  await db.schema
    .createTable('supplier_invoice_lines')
    .addColumn('id', integer, identity)
    .addColumn('invoice_id', integer, (c) => c.notNull().references('supplier_invoices.id'))
    // The PO row invoiced; an invoiced row cannot be deleted from its PO while this line exists.
    .addColumn('po_line_id', integer, (c) => c.notNull().references('po_lines.id'))
    .addColumn('row_number', integer, (c) => c.notNull())
    .addColumn('quantity_milli', integer, (c) => c.notNull().check(sql`quantity_milli > 0`))
    .addColumn('amount_minor', integer, (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addUniqueConstraint('supplier_invoice_lines_row', ['invoice_id', 'po_line_id'])
    .execute();
  // What a row was invoiced before is read on every registration and every draft.
  await db.schema.createIndex('supplier_invoice_lines_by_po_line').on('supplier_invoice_lines').columns(['po_line_id']).execute();

  await db.schema
    .createTable('accounting_entries')
    .addColumn('id', integer, identity)
    // "AE-000001", from the id once it is known; unique so the accounting system never sees a number twice.
    .addColumn('number', text, (c) => c.notNull().unique())
    .addColumn('entry_date', text, (c) => c.notNull())
    .addColumn('invoice_id', integer, (c) => c.notNull().unique().references('supplier_invoices.id'))
    .addColumn('debit_minor', integer, (c) => c.notNull())
    .addColumn('credit_minor', integer, (c) => c.notNull())
    // Stored as the desk computed it, and the database checks it too: an entry that does not balance is never kept.
    .addColumn('balanced', integer, (c) => c.notNull().check(sql`balanced = 1`))
    .addColumn('created_at', text, (c) => c.notNull())
    // Set when an export of not-yet-exported entries took it.
    .addColumn('exported_at', text)
    .addCheckConstraint('accounting_entries_balance', sql`debit_minor = credit_minor`)
    .execute();
  await db.schema.createIndex('accounting_entries_by_date').on('accounting_entries').columns(['entry_date', 'id']).execute();

  await db.schema
    .createTable('accounting_entry_lines')
    .addColumn('id', integer, identity)
    .addColumn('entry_id', integer, (c) => c.notNull().references('accounting_entries.id'))
    .addColumn('line_number', integer, (c) => c.notNull())
    .addColumn('account_code', text, (c) => c.notNull())
    .addColumn('cost_center', text)
    .addColumn('cost_unit', text)
    .addColumn('project', text)
    // The organisation's own dimensions, JSON {"type": "value"}; '{}' when none.
    .addColumn('other_dimensions', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('debit_minor', integer, (c) => c.notNull().check(sql`debit_minor >= 0`))
    .addColumn('credit_minor', integer, (c) => c.notNull().check(sql`credit_minor >= 0`))
    // The PO row a debit is for; null on the credit.
    .addColumn('po_line_id', integer, (c) => c.references('po_lines.id'))
    .addColumn('po_row_number', integer)
    .addColumn('text', text, (c) => c.notNull())
    // Exactly one side holds the amount.
    .addCheckConstraint('accounting_entry_lines_one_side', sql`(debit_minor > 0 and credit_minor = 0) or (credit_minor > 0 and debit_minor = 0)`)
    .addUniqueConstraint('accounting_entry_lines_number', ['entry_id', 'line_number'])
    .execute();
}
