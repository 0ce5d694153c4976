import type { AccountingEntry, EntryLine } from '../../domain/coding/accounting-entry';
import type { Db } from '../connect';
import { sql } from 'kysely';
import { escapeLike, likeIgnoringCase, lockKeysForTransaction, lockRowsForUpdate, storeKindOf } from '../dialect';

/** Supplier invoices and their lines as stored (migration 0012). */

export const invoiceNumberKey = (number: string): string => number.trim().toLowerCase();

export interface InvoicedSoFar {
  quantityMilli: number;
  amountMinor: number;
}

/** What registered invoices charged for each of the given PO rows; a row never invoiced is absent. */
export async function invoicedByLine(db: Db, lineIds: readonly number[]): Promise<Map<number, InvoicedSoFar>> {
  const totals = new Map<number, InvoicedSoFar>();
  if (lineIds.length === 0) return totals;
  const rows = await db
    .selectFrom('supplier_invoice_lines')
    .select(['po_line_id', (eb) => eb.fn.sum<number>('quantity_milli').as('quantity'), (eb) => eb.fn.sum<number>('amount_minor').as('amount')])
    .where('po_line_id', 'in', [...lineIds])
    .groupBy('po_line_id')
    .execute();
  // PostgreSQL's sum of bigint is numeric, read as text: Number() on both is exact below 2^53.
  for (const row of rows) totals.set(row.po_line_id, { quantityMilli: Number(row.quantity), amountMinor: Number(row.amount) });
  return totals;
}

/** The numbers of the vendor's invoices already registered, as the vendor printed them. */
export async function registeredInvoiceNumbers(db: Db, vendorId: number): Promise<string[]> {
  const rows = await db.selectFrom('supplier_invoices').select('number').where('vendor_id', '=', vendorId).orderBy('id').execute();
  return rows.map((row) => row.number);
}

/**
 * Holds, to the end of the transaction, the PO being invoiced and the vendor's invoice number, so
 * two desks registering at once take turns: the second sees what the first invoiced (PostgreSQL;
 * SQLite's one write lock already does this).
 */
export async function lockForInvoicing(db: Db, poId: number, vendorId: number, number: string): Promise<void> {
  await lockKeysForTransaction(db, [`supplier-invoice:${vendorId}:${invoiceNumberKey(number)}`]);
  await lockRowsForUpdate(db, 'purchase_orders', [poId]);
}

export interface NewInvoice {
  vendorId: number;
  number: string;
  date: string;
  poId: number;
  poRevision: number;
  totalMinor: number;
  registeredBy: number;
  lines: readonly { poLineId: number; rowNumber: number; quantityMilli: number; amountMinor: number }[];
}

export const entryNumberOf = (id: number): string => `AE-${String(id).padStart(6, '0')}`;

/** The invoice, its lines, its entry and the entry's lines; answers the invoice's id and the entry's number. */
export async function insertInvoiceWithEntry(
  db: Db,
  invoice: NewInvoice,
  entry: AccountingEntry,
  lineIdByRow: ReadonlyMap<number, number>,
  at: string,
): Promise<{ invoiceId: number; entryId: number; entryNumber: string }> {
  const { id: invoiceId } = await db
    .insertInto('supplier_invoices')
    .values({
      vendor_id: invoice.vendorId,
      number: invoice.number,
      number_key: invoiceNumberKey(invoice.number),
      invoice_date: invoice.date,
      po_id: invoice.poId,
      po_revision: invoice.poRevision,
      total_minor: invoice.totalMinor,
      registered_by: invoice.registeredBy,
      registered_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('supplier_invoice_lines')
    .values(invoice.lines.map((line) => ({ invoice_id: invoiceId, po_line_id: line.poLineId, row_number: line.rowNumber, quantity_milli: line.quantityMilli, amount_minor: line.amountMinor })))
    .execute();
  // The number comes from the entry's own id, known only once it is inserted; the placeholder is unique too.
  const { id: entryId } = await db
    .insertInto('accounting_entries')
    .values({
      number: `pending-${invoiceId}`,
      entry_date: entry.date,
      invoice_id: invoiceId,
      debit_minor: entry.debitMinor,
      credit_minor: entry.creditMinor,
      balanced: entry.debitMinor === entry.creditMinor ? 1 : 0,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entryNumber = entryNumberOf(entryId);
  await db.updateTable('accounting_entries').set({ number: entryNumber }).where('id', '=', entryId).execute();
  await db
    .insertInto('accounting_entry_lines')
    .values(
      entry.lines.map((line) => ({
        entry_id: entryId,
        line_number: line.lineNumber,
        account_code: line.accountCode,
        cost_center: line.costCenter,
        cost_unit: line.costUnit,
        project: line.project,
        other_dimensions: JSON.stringify(line.other),
        debit_minor: line.side === 'debit' ? line.amountMinor : 0,
        credit_minor: line.side === 'credit' ? line.amountMinor : 0,
        po_line_id: line.poRowNumber === null ? null : (lineIdByRow.get(line.poRowNumber) ?? null),
        po_row_number: line.poRowNumber,
        text: line.text,
      })),
    )
    .execute();
  return { invoiceId, entryId, entryNumber };
}

export interface InvoiceFilter {
  poId?: number | undefined;
  vendorCode?: string | undefined;
  /** Part of the invoice number, without case. */
  number?: string | undefined;
}

export interface InvoiceHeaderRow {
  id: number;
  number: string;
  date: string;
  vendorId: number;
  vendorCode: string;
  vendorName: string;
  poId: number;
  poNumber: string;
  poRevision: number;
  totalMinor: number;
  registeredByName: string;
  registeredAt: string;
  entryId: number;
  entryNumber: string;
  entryExportedAt: string | null;
  debitMinor: number;
  creditMinor: number;
}

function selectInvoiceHeaders(db: Db) {
  return db
    .selectFrom('supplier_invoices as i')
    .innerJoin('vendors as v', 'v.id', 'i.vendor_id')
    .innerJoin('purchase_orders as po', 'po.id', 'i.po_id')
    .innerJoin('operators as o', 'o.id', 'i.registered_by')
    .innerJoin('accounting_entries as e', 'e.invoice_id', 'i.id')
    .select([
      'i.id',
      'i.number',
      'i.invoice_date as date',
      'v.id as vendorId',
      'v.code as vendorCode',
      'v.name as vendorName',
      'po.id as poId',
      'po.number as poNumber',
      'i.po_revision as poRevision',
      'i.total_minor as totalMinor',
      'o.display_name as registeredByName',
      'i.registered_at as registeredAt',
      'e.id as entryId',
      'e.number as entryNumber',
      'e.exported_at as entryExportedAt',
      'e.debit_minor as debitMinor',
      'e.credit_minor as creditMinor',
    ]);
}

/** Newest first, at most `limit`. */
export async function listInvoiceHeaders(db: Db, filter: InvoiceFilter, limit: number): Promise<InvoiceHeaderRow[]> {
  let query = selectInvoiceHeaders(db);
  if (filter.poId !== undefined) query = query.where('i.po_id', '=', filter.poId);
  if (filter.vendorCode) query = query.where((eb) => eb(eb.fn('lower', ['v.code']), '=', (filter.vendorCode as string).trim().toLowerCase()));
  const number = filter.number?.trim();
  if (number) query = query.where(likeIgnoringCase(storeKindOf(db), sql.ref('i.number'), `%${escapeLike(number)}%`));
  return query.orderBy('i.id', 'desc').limit(limit).execute();
}

export async function findInvoiceHeader(db: Db, id: number): Promise<InvoiceHeaderRow | undefined> {
  return selectInvoiceHeaders(db).where('i.id', '=', id).executeTakeFirst();
}

export interface InvoiceLineRow {
  poLineId: number;
  rowNumber: number;
  description: string;
  quantityMilli: number;
  amountMinor: number;
}

export async function findInvoiceLines(db: Db, invoiceId: number): Promise<InvoiceLineRow[]> {
  return db
    .selectFrom('supplier_invoice_lines as il')
    .innerJoin('po_lines as l', 'l.id', 'il.po_line_id')
    .select(['il.po_line_id as poLineId', 'il.row_number as rowNumber', 'l.description', 'il.quantity_milli as quantityMilli', 'il.amount_minor as amountMinor'])
    .where('il.invoice_id', '=', invoiceId)
    .orderBy('il.row_number')
    .execute();
}

/** The stored entry lines of the given entries, as the domain's EntryLine, in line order. */
export async function findEntryLines(db: Db, entryIds: readonly number[]): Promise<Map<number, EntryLine[]>> {
  const byEntry = new Map<number, EntryLine[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await db.selectFrom('accounting_entry_lines').selectAll().where('entry_id', 'in', [...entryIds]).orderBy('entry_id').orderBy('line_number').execute();
  for (const row of rows) {
    const debit = row.debit_minor > 0;
    const line: EntryLine = {
      lineNumber: row.line_number,
      side: debit ? 'debit' : 'credit',
      accountCode: row.account_code,
      amountMinor: debit ? row.debit_minor : row.credit_minor,
      costCenter: row.cost_center,
      costUnit: row.cost_unit,
      project: row.project,
      other: JSON.parse(row.other_dimensions) as Record<string, string>,
      poRowNumber: row.po_row_number,
      text: row.text,
    };
    byEntry.set(row.entry_id, [...(byEntry.get(row.entry_id) ?? []), line]);
  }
  return byEntry;
}

export type ExportSelection = { kind: 'dates'; from: string; to: string } | { kind: 'not-exported' };

/** Entries chosen for an export, in entry-number order. */
export async function entriesForExport(db: Db, selection: ExportSelection): Promise<InvoiceHeaderRow[]> {
  let query = selectInvoiceHeaders(db);
  query = selection.kind === 'dates' ? query.where('e.entry_date', '>=', selection.from).where('e.entry_date', '<=', selection.to) : query.where('e.exported_at', 'is', null);
  return query.orderBy('e.id').execute();
}

export async function markEntriesExported(db: Db, entryIds: readonly number[], at: string): Promise<void> {
  if (entryIds.length === 0) return;
  await db.updateTable('accounting_entries').set({ exported_at: at }).where('id', 'in', [...entryIds]).where('exported_at', 'is', null).execute();
}
