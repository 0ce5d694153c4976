import type { LocaleCode } from '../../shared/locales';

/**
 * Everything a printed purchase order shows, already read from the store and put into words, so the
 * renderer (po-document.ts) does layout only and the same model always prints the same document.
 * Money is integer minor units and quantities integer thousandths, as everywhere in the desk.
 */
export interface PoDocumentModel {
  /** A draft preview is any status not yet released; it carries a "DRAFT PREVIEW — not an order" banner on every page. */
  kind: 'draft-preview' | 'released';
  /** Numbers and dates are printed in this locale. */
  locale: LocaleCode;
  company: { name: string; address: string[] };
  vendor: { code: string; name: string };
  /** As the desk shows it, e.g. "PO-000123". */
  number: string;
  revision: number;
  /** The status in words, e.g. "Approved". */
  status: string;
  /** ISO instants. */
  createdAt: string;
  releasedAt: string | null;
  /** Also the PDF's CreationDate, which keeps the bytes the same for the same model. */
  printedAt: string;
  warehouse: { code: string; name: string };
  headerCostCenter: string | null;
  /** The customer's own PO number, from the PO's billing entity; absent or null: none is printed. */
  customerPoNumber?: string | null;
  lines: PoDocumentLine[];
  totalMinor: number;
  /** Empty with approvedOnSubmit: the document says the PO was under every approval band. */
  approvals: PoDocumentApproval[];
  approvedOnSubmit: boolean;
  /** Who printed it. */
  operatorName: string;
}

export interface PoDocumentLine {
  lineNumber: number;
  itemCode: string | null;
  /** At most 200 characters; the document wraps it, never cuts it. */
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
  totalMinor: number;
  costCenterCode: string | null;
  /**
   * The row's accounting coding (issue 11), when the desk codes rows: absent or null on every line
   * and the document is laid out as it always was. Codes only; null: none on the row.
   */
  coding?: PoDocumentCoding | null;
}

export interface PoDocumentCoding {
  purchaseAccount: string | null;
  costUnit: string | null;
  project: string | null;
}

export interface PoDocumentApproval {
  approverName: string;
  role: string;
  /** ISO instant. */
  at: string;
  /** The revision that was approved. */
  revision: number;
}
