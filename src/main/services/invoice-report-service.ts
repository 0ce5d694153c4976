import type { ParsedInputOf } from '../../shared/contracts';
import type { InvoiceDetail, InvoiceReport } from '../../shared/invoice-schemas';
import type { LocaleCode } from '../../shared/locales';
import type { InvoiceReportModel } from '../documents/invoice-report-model';
import { renderInvoiceReport } from '../documents/invoice-report';
import { readSetting } from '../store/repositories/settings-repo';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { readInvoiceDetail } from './invoice-read-service';
import { COMPANY_NAME } from './po-document-service';

/** "5000 · CC 210 · CU — · P —": a debit's coding in one line, as the report's rows show it. */
export function codingLine(line: { accountCode: string; costCenter: string | null; costUnit: string | null; project: string | null }): string {
  return `${line.accountCode} · CC ${line.costCenter ?? '—'} · CU ${line.costUnit ?? '—'} · P ${line.project ?? '—'}`;
}

/** The report's model from an invoice as stored; pure, so the same invoice always prints the same document. */
export function invoiceReportModel(detail: InvoiceDetail, facts: { companyName: string; locale: LocaleCode; printedAt: string; printedBy: string }): InvoiceReportModel {
  const { invoice, entry } = detail;
  return {
    locale: facts.locale,
    companyName: facts.companyName,
    invoiceNumber: invoice.number,
    invoiceDate: invoice.date,
    vendor: { code: invoice.vendorCode, name: invoice.vendorName },
    poNumber: invoice.poNumber,
    poRevision: invoice.poRevision,
    registeredBy: invoice.registeredByName,
    registeredAt: invoice.registeredAt,
    totalMinor: invoice.totalMinor,
    rows: detail.lines.map((row) => {
      const debits = entry.lines.filter((line) => line.side === 'debit' && line.poRowNumber === row.rowNumber);
      return {
        rowNumber: row.rowNumber,
        description: row.description,
        quantityMilli: row.quantityMilli,
        amountMinor: row.amountMinor,
        coding: [...new Set(debits.map(codingLine))],
        costCenters: [...new Set(row.costCenters)],
      };
    }),
    entry: {
      number: entry.number,
      date: entry.date,
      lines: entry.lines.map((line) => ({
        lineNumber: line.lineNumber,
        side: line.side,
        accountCode: line.accountCode,
        costCenter: line.costCenter,
        costUnit: line.costUnit,
        project: line.project,
        amountMinor: line.amountMinor,
        text: line.text,
      })),
      debitMinor: entry.debitMinor,
      creditMinor: entry.creditMinor,
      exportedAt: entry.exportedAt,
    },
    printedAt: facts.printedAt,
    printedBy: facts.printedBy,
  };
}

export async function invoiceReport(desk: Desk, caller: Caller, input: ParsedInputOf<'invoiceReport'>): Promise<InvoiceReport> {
  const [detail, locale, companyName] = await Promise.all([readInvoiceDetail(desk.db, input.id), localeOf(desk.db, caller), readSetting(desk.db, COMPANY_NAME)]);
  const model = invoiceReportModel(detail, { companyName: companyName ?? 'Purchasing desk', locale, printedAt: desk.now(), printedBy: caller.operator.displayName });
  const pdf = await renderInvoiceReport(model);
  const safeNumber = detail.invoice.number.replace(/[^A-Za-z0-9._-]+/g, '_');
  return { fileName: `invoice-${detail.invoice.vendorCode}-${safeNumber}.pdf`, contentBase64: pdf.toString('base64') };
}
