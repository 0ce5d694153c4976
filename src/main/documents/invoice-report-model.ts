import type { LocaleCode } from '../../shared/locales';

/**
 * Everything the invoice report prints, already read and put into words, so invoice-report.ts does
 * layout only and the same model always prints the same bytes. Money in minor units, quantities in
 * thousandths.
 */
export interface InvoiceReportModel {
  locale: LocaleCode;
  companyName: string;
  invoiceNumber: string;
  /** YYYY-MM-DD. */
  invoiceDate: string;
  vendor: { code: string; name: string };
  poNumber: string;
  poRevision: number;
  registeredBy: string;
  /** ISO instant. */
  registeredAt: string;
  totalMinor: number;
  rows: InvoiceReportRow[];
  entry: {
    number: string;
    date: string;
    lines: InvoiceReportEntryLine[];
    debitMinor: number;
    creditMinor: number;
    exportedAt: string | null;
  };
  /** ISO instant; also the PDF's CreationDate. */
  printedAt: string;
  printedBy: string;
}

export interface InvoiceReportRow {
  rowNumber: number;
  description: string;
  quantityMilli: number;
  amountMinor: number;
  /** Each distinct coding the row is debited on, e.g. "5000 · CC 210 · CU — · P P-100". */
  coding: string[];
  costCenters: string[];
}

export interface InvoiceReportEntryLine {
  lineNumber: number;
  side: 'debit' | 'credit';
  accountCode: string;
  costCenter: string | null;
  costUnit: string | null;
  project: string | null;
  amountMinor: number;
  text: string;
}
