import { toPdfText } from './pdf-text';

/**
 * Top-to-bottom layout on A4 pages with pdfkit: this module decides every page break itself and
 * measures each block before drawing it, so nothing overlaps and a table's header comes back on every
 * page it runs onto. pdfkit's own automatic page break is never relied on: the document has zero
 * margins (so pdfkit never breaks on its own while text stays on the page) and a page pdfkit adds by
 * itself is reported as a layout fault instead of silently shifting the text.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN_X = 42;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN_X;
/** Page body: below the banner band, above the footer. */
export const BODY_TOP = 62;
export const BODY_BOTTOM = A4.height - 48;

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
const LINE_GAP = 1.5;

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
}

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
  /** Amounts and quantities: shrunk to fit one line, because a number broken over two lines misreads. */
  oneLine?: boolean;
}

const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
const TABLE_SIZE = 8.5;

export class PdfFlow {
  /** Where the next block starts on the current page. */
  y = BODY_TOP;
  private pagesAddedByFlow = 0;
  private pagesAdded = 0;

  /** `decoratePage` draws what every page carries under the content and returns where the body starts. */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly decoratePage: (flow: PdfFlow, pageNumber: number) => number,
  ) {
    doc.on('pageAdded', () => {
      this.pagesAdded += 1;
    });
  }

  newPage(): void {
    this.pagesAddedByFlow += 1;
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = this.decoratePage(this, this.pagesAddedByFlow);
  }

  get pageNumber(): number {
    return this.pagesAddedByFlow;
  }

  /** Room left on this page, in points. */
  get room(): number {
    return BODY_BOTTOM - this.y;
  }

  /** Starts a new page unless `height` fits below the cursor; true when it broke. */
  breakUnlessRoom(height: number): boolean {
    if (height <= this.room) return false;
    this.newPage();
    return true;
  }

  private applyStyle(style: TextStyle): void {
    this.doc
      .font(style.font ?? FONT)
      .fontSize(style.size ?? 9)
      .fillColor(style.color ?? '#000000');
  }

  heightOf(text: string, width: number, style: TextStyle = {}): number {
    this.applyStyle(style);
    return this.doc.heightOfString(toPdfText(text), { width, lineGap: LINE_GAP });
  }

  /** Draws wrapped text in a box of `width` at (x, y) and returns its height; it never moves the cursor. */
  textAt(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    const printable = toPdfText(text);
    this.applyStyle(style);
    const height = this.doc.heightOfString(printable, { width, lineGap: LINE_GAP });
    this.doc.text(printable, x, y, { width, lineGap: LINE_GAP, align: style.align ?? 'left' });
    return height;
  }

  /** The size, at most `size`, at which `text` fits `width` on one line. */
  fittingSize(text: string, width: number, style: TextStyle & { size: number }): number {
    this.applyStyle(style);
    const natural = this.doc.widthOfString(toPdfText(text));
    return natural <= width ? style.size : Math.floor(((style.size * width) / natural) * 10) / 10;
  }

  /** One line of text that must not wrap, e.g. a footer; aligned here because pdfkit aligns only wrapped text. */
  lineAt(text: string, x: number, y: number, width: number, style: TextStyle = {}): void {
    const printable = toPdfText(text);
    this.applyStyle(style);
    const textWidth = this.doc.widthOfString(printable);
    const left = style.align === 'right' ? x + width - textWidth : style.align === 'center' ? x + (width - textWidth) / 2 : x;
    this.doc.text(printable, left, y, { lineBreak: false });
  }

  rule(y: number, color = '#9a9a9a', width = 0.6): void {
    this.doc.save().moveTo(MARGIN_X, y).lineTo(MARGIN_X + CONTENT_WIDTH, y).lineWidth(width).strokeColor(color).stroke().restore();
  }

  /**
   * A table whose rows are as tall as their tallest cell. A row that does not fit goes whole to the
   * next page, under the repeated header; the header never stands alone at the foot of a page.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const headers = columns.map((column) => column.header);
    const headerHeight = this.rowHeight(
      columns.map((column) => ({ ...column, oneLine: false })),
      headers,
      FONT_BOLD,
    );
    const heights = rows.map((row) => this.rowHeight(columns, row, FONT));
    const tallest = Math.max(0, ...heights);
    if (headerHeight + tallest > BODY_BOTTOM - BODY_TOP - 40) {
      throw new Error(`A table row is ${Math.ceil(tallest)} points tall and cannot fit on one page; a cell's text is far longer than any field allows.`);
    }
    this.breakUnlessRoom(headerHeight + (heights[0] ?? 0));
    this.drawRow(columns, headers, headerHeight, 'header');
    rows.forEach((row, index) => {
      const height = heights[index] ?? 0;
      if (this.breakUnlessRoom(height)) this.drawRow(columns, headers, headerHeight, 'header');
      this.drawRow(columns, row, height, index % 2 === 1 ? 'shaded' : 'plain');
    });
  }

  private rowHeight(columns: readonly TableColumn[], cells: readonly string[], font: string): number {
    const tallest = Math.max(
      ...columns.map((column, index) => {
        const style = { font, size: TABLE_SIZE };
        // A one-line cell is never taller than one line at the table's size, however much it shrinks.
        return this.heightOf(column.oneLine ? 'X' : (cells[index] ?? ''), column.width - 2 * CELL_PAD_X, style);
      }),
    );
    return tallest + 2 * CELL_PAD_Y;
  }

  private drawRow(columns: readonly TableColumn[], cells: readonly string[], height: number, look: 'header' | 'shaded' | 'plain'): void {
    const fill = look === 'header' ? '#e3e3e3' : look === 'shaded' ? '#f4f4f4' : null;
    if (fill) this.doc.save().rect(MARGIN_X, this.y, CONTENT_WIDTH, height).fill(fill).restore();
    let x = MARGIN_X;
    columns.forEach((column, index) => {
      const text = cells[index] ?? '';
      const width = column.width - 2 * CELL_PAD_X;
      const style: TextStyle & { size: number } = { font: look === 'header' ? FONT_BOLD : FONT, size: TABLE_SIZE, align: column.align ?? 'left' };
      if (column.oneLine && look !== 'header') {
        const size = this.fittingSize(text, width, style);
        // A shrunk number sits lower so that its baseline meets its neighbours'.
        const drop = (TABLE_SIZE - size) * 0.72;
        this.lineAt(text, x + CELL_PAD_X, this.y + CELL_PAD_Y + drop, width, { ...style, size });
      } else {
        this.textAt(text, x + CELL_PAD_X, this.y + CELL_PAD_Y, width, style);
      }
      x += column.width;
    });
    this.y += height;
    this.rule(this.y, look === 'header' ? '#707070' : '#cfcfcf', look === 'header' ? 0.8 : 0.4);
  }

  /** Calls `draw` on every page with its number and the page count, after all pages exist. */
  finishPages(draw: (pageNumber: number, pageCount: number) => void): void {
    if (this.pagesAdded !== this.pagesAddedByFlow) {
      throw new Error(`The document layout overflowed: pdfkit added ${this.pagesAdded - this.pagesAddedByFlow} page(s) of its own, so some text would be misplaced.`);
    }
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = 0; index < count; index += 1) {
      this.doc.switchToPage(start + index);
      draw(index + 1, count);
    }
    if (this.pagesAdded !== this.pagesAddedByFlow) throw new Error('The page footers overflowed onto a page of their own.');
  }
}

/** The bytes a PDFKit document writes, once it has ended. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
