import type { Db } from '../connect';
import type { PoStatusColumn } from '../schema';

/** A PO as invoicing reads it: its header, and the rows of the revision released to the vendor. */
export interface InvoicePoRecord {
  id: number;
  number: string;
  status: PoStatusColumn;
  revision: number;
  lastReleasedRevision: number | null;
  vendorId: number;
  vendorCode: string;
  vendorName: string;
}

export interface InvoicePoRowRecord {
  lineId: number;
  rowNumber: number;
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
  totalMinor: number;
}

function selectInvoicePo(db: Db) {
  return db
    .selectFrom('purchase_orders as po')
    .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
    .select([
      'po.id',
      'po.number',
      'po.status',
      'po.revision',
      'po.last_released_revision as lastReleasedRevision',
      'v.id as vendorId',
      'v.code as vendorCode',
      'v.name as vendorName',
    ]);
}

export async function findInvoicePo(db: Db, id: number): Promise<InvoicePoRecord | undefined> {
  return selectInvoicePo(db).where('po.id', '=', id).executeTakeFirst();
}

/** By number as the desk shows it ("PO-000123"), or by its digits alone ("123"). */
export async function findInvoicePoByNumber(db: Db, number: string): Promise<InvoicePoRecord | undefined> {
  const typed = number.trim().toUpperCase();
  const exact = await selectInvoicePo(db).where('po.number', '=', typed).executeTakeFirst();
  if (exact || !/^\d+$/.test(typed)) return exact;
  return selectInvoicePo(db).where('po.number', '=', `PO-${typed.padStart(6, '0')}`).executeTakeFirst();
}

/** What invoicing reads of a released revision's kept snapshot (services/po-revision-snapshot.ts has the whole). */
interface SnapshotRows {
  lines: { id: number; lineNumber: number; description: string; quantityMilli: number; unitCostMinor: number; totalMinor: number }[];
}

/** The PO's rows as they are now (a row's distributions are read with its coding, invoice-coding-facts.ts). */
async function currentRows(db: Db, poId: number): Promise<InvoicePoRowRecord[]> {
  return db
    .selectFrom('po_lines as l')
    .select(['l.id as lineId', 'l.line_number as rowNumber', 'l.description', 'l.quantity_milli as quantityMilli', 'l.unit_cost_minor as unitCostMinor', 'l.total_minor as totalMinor'])
    .where('l.po_id', '=', poId)
    .orderBy('l.line_number')
    .execute();
}

/**
 * The rows the vendor was sent: the PO's own while it is released; while a change order is open, the
 * rows of the last released revision as it was kept at release, since that is what is delivered and
 * invoiced. A released revision's rows that a change order has since deleted are left out: their
 * line is gone, so nothing could record their invoice.
 */
export async function invoiceableRows(db: Db, po: InvoicePoRecord): Promise<{ revision: number; rows: InvoicePoRowRecord[] }> {
  const current = await currentRows(db, po.id);
  if (po.status === 'released' || po.lastReleasedRevision === null || po.lastReleasedRevision === po.revision) return { revision: po.revision, rows: current };
  const stored = await db.selectFrom('po_revisions').select('snapshot').where('po_id', '=', po.id).where('revision', '=', po.lastReleasedRevision).executeTakeFirst();
  if (!stored) return { revision: po.revision, rows: current };
  const snapshot = JSON.parse(stored.snapshot) as SnapshotRows;
  const existing = new Set(current.map((row) => row.lineId));
  return {
    revision: po.lastReleasedRevision,
    rows: snapshot.lines
      .filter((line) => existing.has(line.id))
      .map((line) => ({
        lineId: line.id,
        rowNumber: line.lineNumber,
        description: line.description,
        quantityMilli: line.quantityMilli,
        unitCostMinor: line.unitCostMinor,
        totalMinor: line.totalMinor,
      })),
  };
}
