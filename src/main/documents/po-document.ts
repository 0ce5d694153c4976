import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, formatMoney, formatQuantity } from '../../shared/locale-format';
import type { PoDocumentLine, PoDocumentModel } from './po-document-model';
import { A4, BODY_BOTTOM, BODY_TOP, CONTENT_WIDTH, FONT, FONT_BOLD, MARGIN_X, PdfFlow, type TableColumn, pdfBytes } from './pdf-flow';

export const DRAFT_BANNER = 'DRAFT PREVIEW — not an order';
export const APPROVED_ON_SUBMIT = 'Approved on submit: under every approval band';

const poTitle = (model: PoDocumentModel) => `Purchase order ${model.number} revision ${model.revision}`;

const CODING_HEADER = 'Account · unit · project';

/**
 * # / Item / Description / Qty / Unit cost / Amount / Cost center, and the rows' coding when any line
 * carries it; Description takes the width the others leave.
 */
function lineColumns(withCoding: boolean): readonly TableColumn[] {
  const fixed: TableColumn[] = [
    { header: '#', width: 26, align: 'right' },
    { header: 'Item', width: 64 },
    { header: 'Description', width: 0 },
    { header: 'Qty', width: 58, align: 'right', oneLine: true },
    { header: 'Unit cost', width: 66, align: 'right', oneLine: true },
    { header: 'Amount', width: 76, align: 'right', oneLine: true },
    { header: 'Cost center', width: 60 },
    ...(withCoding ? [{ header: CODING_HEADER, width: 92 }] : []),
  ];
  const used = fixed.reduce((sum, column) => sum + column.width, 0);
  return fixed.map((column) => (column.header === 'Description' ? { ...column, width: CONTENT_WIDTH - used } : column));
}

const hasCoding = (model: PoDocumentModel) => model.lines.some((line) => line.coding);

/** "5000 · — · P-100": the purchase account, cost unit and project, a dash for none. */
export const codingCell = (coding: PoDocumentLine['coding']): string =>
  coding ? [coding.purchaseAccount, coding.costUnit, coding.project].map((code) => code ?? '—').join(' · ') : '—';

const APPROVAL_COLUMNS: readonly TableColumn[] = [
  { header: 'Approver', width: 170 },
  { header: 'Role', width: 130 },
  { header: 'When', width: 120 },
  { header: 'Revision', width: CONTENT_WIDTH - 420 },
];

/** A printed total that disagrees with its lines must never leave the desk, so it is refused here. */
function checkTotals(model: PoDocumentModel): void {
  const sum = model.lines.reduce((total, line) => total + line.totalMinor, 0);
  if (sum !== model.totalMinor) {
    throw new Error(
      `${poTitle(model)} is not printed: its total ${formatMoney(model.totalMinor, model.locale)} is not the sum of its lines, ${formatMoney(sum, model.locale)}.`,
    );
  }
}

function printedDate(model: PoDocumentModel): Date {
  const date = new Date(model.printedAt);
  if (Number.isNaN(date.getTime())) throw new Error(`${poTitle(model)} is not printed: printedAt "${model.printedAt}" is not an ISO date and time.`);
  return date;
}

/**
 * On every draft page: the banner in the top band and a red frame round the page. No diagonal text
 * watermark: its letters get mixed into the text that viewers copy and search, and into what screen
 * readers read; the frame is drawn, not written, so it marks the page without touching its text.
 */
function drawDraftMarks(flow: PdfFlow): void {
  const { doc } = flow;
  doc.save().rect(12, 12, A4.width - 24, A4.height - 24).lineWidth(3).strokeColor('#c0392b').strokeOpacity(0.55).stroke().restore();
  const top = 22;
  const height = 26;
  doc.save().rect(MARGIN_X, top, CONTENT_WIDTH, height).fillAndStroke('#fdecea', '#c0392b').restore();
  flow.lineAt(DRAFT_BANNER, MARGIN_X, top + 8, CONTENT_WIDTH, { font: FONT_BOLD, size: 11, color: '#a93226', align: 'center' });
}

function decoratePage(model: PoDocumentModel, flow: PdfFlow, pageNumber: number): number {
  if (model.kind === 'draft-preview') drawDraftMarks(flow);
  if (pageNumber === 1) return BODY_TOP;
  // Later pages say whose continuation they are, so a loose page still identifies its PO.
  const half = CONTENT_WIDTH / 2;
  flow.lineAt(`${poTitle(model)} (continued)`, MARGIN_X, BODY_TOP, half, { font: FONT_BOLD, size: 9, color: '#444444' });
  flow.lineAt(model.company.name, MARGIN_X + half, BODY_TOP, half, { size: 9, color: '#444444', align: 'right' });
  flow.rule(BODY_TOP + 14);
  return BODY_TOP + 22;
}

function drawHeader(model: PoDocumentModel, flow: PdfFlow): void {
  const top = flow.y;
  const leftWidth = CONTENT_WIDTH * 0.5;
  const rightWidth = CONTENT_WIDTH * 0.46;
  const rightX = MARGIN_X + CONTENT_WIDTH - rightWidth;

  let left = top;
  left += flow.textAt(model.company.name, MARGIN_X, left, leftWidth, { font: FONT_BOLD, size: 14 }) + 3;
  for (const line of model.company.address) left += flow.textAt(line, MARGIN_X, left, leftWidth, { size: 9, color: '#333333' });

  let right = top;
  right += flow.textAt(poTitle(model), rightX, right, rightWidth, { font: FONT_BOLD, size: 14, align: 'right' }) + 3;
  right += flow.textAt(`Status: ${model.status}`, rightX, right, rightWidth, { size: 10, align: 'right' });

  flow.y = Math.max(left, right) + 10;
  flow.rule(flow.y);
  flow.y += 10;
}

function drawDetails(model: PoDocumentModel, flow: PdfFlow): void {
  const { locale } = model;
  const leftPairs: [string, string][] = [
    ['Vendor', `${model.vendor.code} — ${model.vendor.name}`],
    ['Warehouse', `${model.warehouse.code} — ${model.warehouse.name}`],
    ['Header cost center', model.headerCostCenter ?? 'none (set on each line)'],
    ...(model.customerPoNumber ? ([['Customer PO', model.customerPoNumber]] as [string, string][]) : []),
  ];
  const rightPairs: [string, string][] = [
    ['Created', formatDate(model.createdAt, locale)],
    ['Released', model.releasedAt === null ? 'not released' : formatDateTime(model.releasedAt, locale)],
    ['Printed', `${formatDateTime(model.printedAt, locale)} by ${model.operatorName}`],
  ];
  const gap = 20;
  const half = (CONTENT_WIDTH - gap) / 2;
  const labelWidth = 92;
  const valueWidth = half - labelWidth;
  const pair = (pairs: [string, string][], index: number, x: number, measure: boolean): number => {
    const [label, value] = pairs[index] ?? ['', ''];
    if (measure) return Math.max(flow.heightOf(label, labelWidth - 6, { font: FONT_BOLD }), flow.heightOf(value, valueWidth));
    flow.textAt(label, x, flow.y, labelWidth - 6, { font: FONT_BOLD, color: '#333333' });
    return flow.textAt(value, x + labelWidth, flow.y, valueWidth);
  };
  for (let index = 0; index < Math.max(leftPairs.length, rightPairs.length); index += 1) {
    const height = Math.max(pair(leftPairs, index, MARGIN_X, true), pair(rightPairs, index, MARGIN_X + half + gap, true));
    pair(leftPairs, index, MARGIN_X, false);
    pair(rightPairs, index, MARGIN_X + half + gap, false);
    flow.y += height + 4;
  }
  flow.y += 10;
}

function drawLines(model: PoDocumentModel, flow: PdfFlow): void {
  const { locale } = model;
  const withCoding = hasCoding(model);
  flow.table(
    lineColumns(withCoding),
    model.lines.map((line) => [
      String(line.lineNumber),
      line.itemCode ?? '—',
      line.description,
      formatQuantity(line.quantityMilli, locale),
      formatMoney(line.unitCostMinor, locale),
      formatMoney(line.totalMinor, locale),
      line.costCenterCode ?? '—',
      ...(withCoding ? [codingCell(line.coding)] : []),
    ]),
  );
}

function drawTotal(model: PoDocumentModel, flow: PdfFlow): void {
  // The total spans the Unit cost and Amount columns (empty on this row), ending where the amounts end.
  const columns = lineColumns(hasCoding(model));
  const unitCostColumn = columns.findIndex((column) => column.header === 'Unit cost');
  const totalX = MARGIN_X + columns.slice(0, unitCostColumn).reduce((sum, column) => sum + column.width, 0);
  const totalWidth = columns.slice(unitCostColumn, unitCostColumn + 2).reduce((sum, column) => sum + column.width, 0) - 4;
  const total = formatMoney(model.totalMinor, model.locale);
  const totalStyle = { font: FONT_BOLD, size: 10, align: 'right' as const };
  const height = flow.heightOf(total, totalWidth, totalStyle) + 10;
  flow.breakUnlessRoom(height);
  const y = flow.y + 5;
  const count = model.lines.length;
  flow.textAt(`${count} ${count === 1 ? 'line' : 'lines'}`, MARGIN_X + 4, y, 120, { size: 9, color: '#444444' });
  flow.lineAt('Total', totalX - 124, y, 120, totalStyle);
  flow.lineAt(total, totalX, y, totalWidth, { ...totalStyle, size: flow.fittingSize(total, totalWidth, totalStyle) });
  flow.y += height;
  flow.rule(flow.y, '#000000', 0.8);
  flow.rule(flow.y + 2, '#000000', 0.8);
  flow.y += 18;
}

function drawApprovals(model: PoDocumentModel, flow: PdfFlow): void {
  const titleHeight = flow.heightOf('Approvals', CONTENT_WIDTH, { font: FONT_BOLD, size: 11 }) + 6;
  // The title stays with what follows it: a header and one row, or the sentence.
  flow.breakUnlessRoom(titleHeight + 36);
  flow.textAt('Approvals', MARGIN_X, flow.y, CONTENT_WIDTH, { font: FONT_BOLD, size: 11 });
  flow.y += titleHeight;
  if (model.approvals.length === 0) {
    const sentence = model.approvedOnSubmit ? APPROVED_ON_SUBMIT : 'No approval recorded yet.';
    flow.y += flow.textAt(sentence, MARGIN_X, flow.y, CONTENT_WIDTH, { size: 9 }) + 6;
    return;
  }
  flow.table(
    APPROVAL_COLUMNS,
    model.approvals.map((approval) => [approval.approverName, approval.role, formatDateTime(approval.at, model.locale), String(approval.revision)]),
  );
}

function drawFooter(model: PoDocumentModel, flow: PdfFlow, pageNumber: number, pageCount: number): void {
  const y = BODY_BOTTOM + 12;
  flow.rule(y - 5, '#9a9a9a', 0.5);
  const pageText = `Page ${pageNumber} of ${pageCount}`;
  const pageWidth = 90;
  const printed = `${model.number} revision ${model.revision} · printed ${formatDateTime(model.printedAt, model.locale)} by ${model.operatorName}`;
  flow.textAt(printed, MARGIN_X, y, CONTENT_WIDTH - pageWidth - 10, { size: 7.5, color: '#444444' });
  flow.lineAt(pageText, MARGIN_X + CONTENT_WIDTH - pageWidth, y, pageWidth, { size: 8, align: 'right' });
}

/**
 * The PO as an A4 PDF: header, vendor and warehouse, the lines table (its header repeated on every page
 * it runs onto), the total, the approvals, "Page n of m" on every page, and on a draft preview the
 * banner on every page.
 *
 * The same model gives the same bytes: pdfkit's only clock reading is the info CreationDate, which is
 * set from printedAt, and the file ID it derives from the info dictionary follows; nothing else in the
 * output depends on time or chance. (Dates are shown in the machine's time zone, like the desk itself.)
 */
export async function renderPoDocument(model: PoDocumentModel): Promise<Buffer> {
  checkTotals(model);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    margin: 0,
    lang: model.locale,
    displayTitle: true,
    info: {
      Title: poTitle(model),
      Author: model.company.name,
      Subject: `${model.kind === 'draft-preview' ? 'Draft preview' : 'Purchase order'} for ${model.vendor.code} — ${model.vendor.name}`,
      Creator: 'Purchasing desk',
      Producer: 'Purchasing desk (PDFKit)',
      CreationDate: printedDate(model),
    },
  });
  const ended = pdfBytes(doc);

  const flow = new PdfFlow(doc, (current, pageNumber) => decoratePage(model, current, pageNumber));
  flow.newPage();
  doc.font(FONT);
  drawHeader(model, flow);
  drawDetails(model, flow);
  drawLines(model, flow);
  drawTotal(model, flow);
  drawApprovals(model, flow);
  flow.finishPages((pageNumber, pageCount) => drawFooter(model, flow, pageNumber, pageCount));
  doc.end();
  return ended;
}
