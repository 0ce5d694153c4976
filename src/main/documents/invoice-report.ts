import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, formatMoney, formatQuantity } from '../../shared/locale-format';
import type { InvoiceReportModel } from './invoice-report-model';
import { BODY_BOTTOM, BODY_TOP, CONTENT_WIDTH, FONT, FONT_BOLD, MARGIN_X, PdfFlow, type TableColumn, pdfBytes } from './pdf-flow';

/**
 * The invoice report as an A4 PDF, laid out by pdf-flow.ts like the PO document: the invoice and
 * its PO, its rows with their cost centers and coding, then its accounting entry (debits, the
 * credit, both totals and whether they balance), "Page n of m" on every page.
 */

const title = (model: InvoiceReportModel) => `Supplier invoice ${model.invoiceNumber}`;

const widthFilled = (columns: TableColumn[], flexible: string): TableColumn[] => {
  const used = columns.reduce((sum, column) => sum + column.width, 0);
  return columns.map((column) => (column.header === flexible ? { ...column, width: CONTENT_WIDTH - used } : column));
};

const ROW_COLUMNS = widthFilled(
  [
    { header: 'Row', width: 30, align: 'right' },
    { header: 'Description', width: 0 },
    { header: 'Qty', width: 58, align: 'right', oneLine: true },
    { header: 'Amount', width: 76, align: 'right', oneLine: true },
    { header: 'Cost center', width: 66 },
    { header: 'Account · unit · project', width: 130 },
  ],
  'Description',
);

const ENTRY_COLUMNS = widthFilled(
  [
    { header: '#', width: 22, align: 'right' },
    { header: 'Account', width: 52 },
    { header: 'Cost center', width: 62 },
    { header: 'Cost unit', width: 56 },
    { header: 'Project', width: 56 },
    { header: 'Text', width: 0 },
    { header: 'Debit', width: 70, align: 'right', oneLine: true },
    { header: 'Credit', width: 70, align: 'right', oneLine: true },
  ],
  'Text',
);

function checkBalance(model: InvoiceReportModel): void {
  const debit = model.entry.lines.filter((line) => line.side === 'debit').reduce((sum, line) => sum + line.amountMinor, 0);
  const credit = model.entry.lines.filter((line) => line.side === 'credit').reduce((sum, line) => sum + line.amountMinor, 0);
  if (debit !== model.entry.debitMinor || credit !== model.entry.creditMinor || debit !== credit) {
    throw new Error(`${title(model)} is not printed: its entry's lines add up to debits ${debit} and credit ${credit} minor units, not the stated, balanced totals.`);
  }
}

function decoratePage(model: InvoiceReportModel, flow: PdfFlow, pageNumber: number): number {
  if (pageNumber === 1) return BODY_TOP;
  flow.lineAt(`${title(model)} (continued)`, MARGIN_X, BODY_TOP, CONTENT_WIDTH, { font: FONT_BOLD, size: 9, color: '#444444' });
  flow.rule(BODY_TOP + 14);
  return BODY_TOP + 22;
}

function drawHeading(model: InvoiceReportModel, flow: PdfFlow): void {
  const { locale } = model;
  flow.y += flow.textAt(model.companyName, MARGIN_X, flow.y, CONTENT_WIDTH, { font: FONT_BOLD, size: 11, color: '#333333' }) + 2;
  flow.y += flow.textAt(title(model), MARGIN_X, flow.y, CONTENT_WIDTH, { font: FONT_BOLD, size: 15 }) + 8;
  const pairs: [string, string][] = [
    ['Vendor', `${model.vendor.code} — ${model.vendor.name}`],
    ['Invoice date', formatDate(model.invoiceDate, locale)],
    ['Purchase order', `${model.poNumber} revision ${model.poRevision}`],
    ['Invoice total', formatMoney(model.totalMinor, locale)],
    ['Registered', `${formatDateTime(model.registeredAt, locale)} by ${model.registeredBy}`],
    ['Accounting entry', `${model.entry.number} of ${formatDate(model.entry.date, locale)}${model.entry.exportedAt ? `, exported ${formatDateTime(model.entry.exportedAt, locale)}` : ', not exported yet'}`],
  ];
  const labelWidth = 110;
  for (const [label, value] of pairs) {
    const height = Math.max(flow.heightOf(label, labelWidth - 6, { font: FONT_BOLD }), flow.heightOf(value, CONTENT_WIDTH - labelWidth));
    flow.textAt(label, MARGIN_X, flow.y, labelWidth - 6, { font: FONT_BOLD, color: '#333333' });
    flow.textAt(value, MARGIN_X + labelWidth, flow.y, CONTENT_WIDTH - labelWidth);
    flow.y += height + 3;
  }
  flow.y += 10;
}

function section(flow: PdfFlow, text: string): void {
  const height = flow.heightOf(text, CONTENT_WIDTH, { font: FONT_BOLD, size: 11 }) + 6;
  flow.breakUnlessRoom(height + 36);
  flow.textAt(text, MARGIN_X, flow.y, CONTENT_WIDTH, { font: FONT_BOLD, size: 11 });
  flow.y += height;
}

function drawRows(model: InvoiceReportModel, flow: PdfFlow): void {
  const { locale } = model;
  section(flow, 'Invoiced rows');
  flow.table(
    ROW_COLUMNS,
    model.rows.map((row) => [
      String(row.rowNumber),
      row.description,
      formatQuantity(row.quantityMilli, locale),
      formatMoney(row.amountMinor, locale),
      row.costCenters.length === 0 ? '—' : row.costCenters.join(', '),
      row.coding.join('; '),
    ]),
  );
  flow.y += 14;
}

function drawEntry(model: InvoiceReportModel, flow: PdfFlow): void {
  const { locale } = model;
  section(flow, `Accounting entry ${model.entry.number}`);
  flow.table(
    ENTRY_COLUMNS,
    model.entry.lines.map((line) => [
      String(line.lineNumber),
      line.accountCode,
      line.costCenter ?? '—',
      line.costUnit ?? '—',
      line.project ?? '—',
      line.text,
      line.side === 'debit' ? formatMoney(line.amountMinor, locale) : '',
      line.side === 'credit' ? formatMoney(line.amountMinor, locale) : '',
    ]),
  );
  const debitColumn = ENTRY_COLUMNS.findIndex((column) => column.header === 'Debit');
  const debitX = MARGIN_X + ENTRY_COLUMNS.slice(0, debitColumn).reduce((sum, column) => sum + column.width, 0);
  const style = { font: FONT_BOLD, size: 9, align: 'right' as const };
  flow.breakUnlessRoom(34);
  const y = flow.y + 5;
  flow.lineAt('Totals', debitX - 124, y, 120, style);
  flow.lineAt(formatMoney(model.entry.debitMinor, locale), debitX, y, 66, style);
  flow.lineAt(formatMoney(model.entry.creditMinor, locale), debitX + 70, y, 66, style);
  flow.y += 18;
  flow.rule(flow.y, '#000000', 0.8);
  flow.y += 6;
  flow.y += flow.textAt('Balanced: debits equal the credit to the minor unit.', MARGIN_X, flow.y, CONTENT_WIDTH, { size: 9 }) + 4;
}

function drawFooter(model: InvoiceReportModel, flow: PdfFlow, pageNumber: number, pageCount: number): void {
  const y = BODY_BOTTOM + 12;
  flow.rule(y - 5, '#9a9a9a', 0.5);
  const pageWidth = 90;
  flow.textAt(`${title(model)} · ${model.vendor.code} · printed ${formatDateTime(model.printedAt, model.locale)} by ${model.printedBy}`, MARGIN_X, y, CONTENT_WIDTH - pageWidth - 10, {
    size: 7.5,
    color: '#444444',
  });
  flow.lineAt(`Page ${pageNumber} of ${pageCount}`, MARGIN_X + CONTENT_WIDTH - pageWidth, y, pageWidth, { size: 8, align: 'right' });
}

export async function renderInvoiceReport(model: InvoiceReportModel): Promise<Buffer> {
  checkBalance(model);
  const printedAt = new Date(model.printedAt);
  if (Number.isNaN(printedAt.getTime())) throw new Error(`${title(model)} is not printed: printedAt "${model.printedAt}" is not an ISO date and time.`);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    margin: 0,
    lang: model.locale,
    displayTitle: true,
    info: {
      Title: title(model),
      Author: model.companyName,
      Subject: `Invoice ${model.invoiceNumber} from ${model.vendor.code} — ${model.vendor.name}, ${model.poNumber}`,
      Creator: 'Purchasing desk',
      Producer: 'Purchasing desk (PDFKit)',
      CreationDate: printedAt,
    },
  });
  const ended = pdfBytes(doc);
  const flow = new PdfFlow(doc, (current, pageNumber) => decoratePage(model, current, pageNumber));
  flow.newPage();
  doc.font(FONT);
  drawHeading(model, flow);
  drawRows(model, flow);
  drawEntry(model, flow);
  flow.finishPages((pageNumber, pageCount) => drawFooter(model, flow, pageNumber, pageCount));
  doc.end();
  return ended;
}
