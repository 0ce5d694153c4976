import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { toPdfText } from '../../src/main/documents/pdf-text';
import { APPROVED_ON_SUBMIT, DRAFT_BANNER, renderPoDocument } from '../../src/main/documents/po-document';
import type { PoDocumentLine, PoDocumentModel } from '../../src/main/documents/po-document-model';
import { formatDate, formatDateTime } from '../../src/shared/locale-format';
import type { LocaleCode } from '../../src/shared/locales';
import { pdfPageCount, pdfPagesToPng, pdfPageTexts, pdfText, pdfWordBoxes, type WordBox } from '../support/pdf-tools';

// What pdftotext prints is what a reader sees; the PNGs are for a person to look at (.tmp is git-ignored).
const pngDir = resolve(__dirname, '../../.tmp/pdf-pages');

/** pdftotext writes no-break spaces as they are; a test reads them as spaces. */
const flat = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');
const escape = (text: string) => flat(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LONG_DESCRIPTION =
  'Hydraulic hose assembly, 3/4 inch, 2 m long, crimped JIC fittings both ends, spiral guard; for loader fleet 12 — ' +
  'replace at inspection; supplier to tag each hose with the work order and the date of manufacture.';

function line(lineNumber: number, overrides: Partial<PoDocumentLine> = {}): PoDocumentLine {
  return {
    lineNumber,
    itemCode: lineNumber % 4 === 0 ? null : `ITM-${1000 + lineNumber}`,
    description: lineNumber % 7 === 0 ? LONG_DESCRIPTION : `Fasteners, box of 100, size ${lineNumber}`,
    quantityMilli: 2_000,
    unitCostMinor: 1_050,
    totalMinor: 2_100,
    costCenterCode: lineNumber % 2 === 0 ? '220' : '310',
    ...overrides,
  };
}

/** Three lines whose total, 1,234,567.89, reads differently in every locale. */
const threeLines: PoDocumentLine[] = [
  line(1, { description: LONG_DESCRIPTION, quantityMilli: 1_000, unitCostMinor: 100_000_000, totalMinor: 100_000_000, costCenterCode: '210' }),
  line(2, { itemCode: null, quantityMilli: 2_500, unitCostMinor: 1_500, totalMinor: 3_750, costCenterCode: 'HQ' }),
  line(3, { quantityMilli: 1_000, unitCostMinor: 23_453_039, totalMinor: 23_453_039, costCenterCode: '410' }),
];

function model(overrides: Partial<PoDocumentModel> = {}): PoDocumentModel {
  const lines = overrides.lines ?? threeLines;
  return {
    kind: 'released',
    locale: 'en-US',
    company: { name: 'Northwind Fabrication Ltd', address: ['12 Harbour Rd', 'Port Town 4410'] },
    vendor: { code: 'ACME', name: 'Acme Industrial Supply' },
    number: 'PO-000123',
    revision: 2,
    status: 'Released',
    createdAt: '2025-03-04T09:15:00Z',
    releasedAt: '2025-03-05T14:30:00Z',
    printedAt: '2025-03-06T08:00:00Z',
    warehouse: { code: 'HARBOUR', name: 'Harbour warehouse' },
    headerCostCenter: '310',
    approvals: [
      { approverName: 'Sam Patel', role: 'Supervisor', at: '2025-03-05T10:00:00Z', revision: 1 },
      { approverName: 'Dana Admin', role: 'Finance director', at: '2025-03-05T13:45:00Z', revision: 2 },
    ],
    approvedOnSubmit: false,
    operatorName: 'Pat Nguyen',
    ...overrides,
    lines,
    totalMinor: overrides.totalMinor ?? lines.reduce((sum, each) => sum + each.totalMinor, 0),
  };
}

const manyLines = (count: number) => Array.from({ length: count }, (_, index) => line(index + 1));

/** Line numbers of the table rows on each page: a row starts with its number, then its item code or "—". */
function rowNumbers(pageText: string): number[] {
  return [...flat(pageText).matchAll(/^\s*(\d+) +(?:ITM-\d+|—) /gm)].map((match) => Number(match[1]));
}

/** Pairs of words whose boxes intersect: text drawn over text. */
function overlaps(boxes: WordBox[]): string[] {
  const found: string[] = [];
  const byPage = new Map<number, WordBox[]>();
  for (const box of boxes) byPage.set(box.page, [...(byPage.get(box.page) ?? []), box]);
  for (const [page, words] of byPage) {
    const sorted = [...words].sort((a, b) => a.yMin - b.yMin);
    sorted.forEach((a, index) => {
      for (const b of sorted.slice(index + 1)) {
        if (b.yMin >= a.yMax - 0.01) break;
        if (a.xMin < b.xMax - 0.01 && b.xMin < a.xMax - 0.01) found.push(`page ${page}: "${a.text}" and "${b.text}"`);
      }
    });
  }
  return found;
}

describe('PO document, released, three lines', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderPoDocument(model());
    text = flat(pdfText(pdf));
  });

  it('is a one-page PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it('shows the company, the PO number and revision, vendor, warehouse, status and header cost center', () => {
    expect(text).toContain('Northwind Fabrication Ltd');
    expect(text).toContain('12 Harbour Rd');
    expect(text).toMatch(/Purchase order PO-000123/);
    expect(text).toMatch(/revision 2/);
    expect(text).toContain('Status: Released');
    expect(text).toMatch(/Vendor +ACME — Acme Industrial Supply/);
    expect(text).toMatch(/Warehouse +HARBOUR — Harbour warehouse/);
    expect(text).toMatch(/Header cost center +310/);
  });

  it('shows the dates in the locale', () => {
    expect(text).toMatch(new RegExp(`Created +${escape(formatDate('2025-03-04T09:15:00Z', 'en-US'))}`));
    expect(text).toMatch(new RegExp(`Released +${escape(formatDateTime('2025-03-05T14:30:00Z', 'en-US'))}`));
    expect(text).toMatch(new RegExp(`Printed +${escape(formatDateTime('2025-03-06T08:00:00Z', 'en-US'))} by Pat Nguyen`));
  });

  it('has the column headings and every line on one row with its quantity, unit cost, amount and cost center', () => {
    expect(text).toMatch(/# +Item +Description +Qty +Unit cost +Amount +Cost center/);
    expect(text).toMatch(/^ *1 +ITM-1001 +Hydraulic hose assembly.* 1 +1,000,000.00 +1,000,000.00 +210 *$/m);
    expect(text).toMatch(/^ *2 +— +Fasteners, box of 100, size 2 +2.5 +15.00 +37.50 +HQ *$/m);
    expect(text).toMatch(/^ *3 +ITM-1003 +Fasteners, box of 100, size 3 +1 +234,530.39 +234,530.39 +410 *$/m);
  });

  it('wraps a long description without cutting a word of it', () => {
    const words = text.replace(/\s+/g, ' ');
    for (const word of LONG_DESCRIPTION.split(' ')) expect(words).toContain(word);
    expect(text).toMatch(/date of manufacture\./);
  });

  it('shows the total in the locale', () => {
    expect(text).toMatch(/3 lines +Total +1,234,567.89/);
  });

  it('lists the approvals with name, role, when and revision', () => {
    expect(text).toMatch(/Approver +Role +When +Revision/);
    expect(text).toMatch(new RegExp(`Sam Patel +Supervisor +${escape(formatDateTime('2025-03-05T10:00:00Z', 'en-US'))} +1`));
    expect(text).toMatch(new RegExp(`Dana Admin +Finance director +${escape(formatDateTime('2025-03-05T13:45:00Z', 'en-US'))} +2`));
  });

  it('is numbered and carries no draft banner', () => {
    expect(text).toMatch(/PO-000123 revision 2 · printed .* by Pat Nguyen +Page 1 of 1/);
    expect(text).not.toContain('DRAFT');
  });

  it('has no text drawn over other text', () => {
    expect(overlaps(pdfWordBoxes(pdf))).toEqual([]);
  });

  it('becomes one PNG', () => {
    expect(pdfPagesToPng(pdf, pngDir, 'three-lines')).toEqual([resolve(pngDir, 'three-lines-1.png')]);
  });

  it('is the same bytes for the same model, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
      const later = await renderPoDocument(model());
      vi.setSystemTime(new Date('2019-06-30T12:00:00Z'));
      const earlier = await renderPoDocument(model());
      expect(later.equals(pdf)).toBe(true);
      expect(earlier.equals(pdf)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('changes when the model changes', async () => {
    const reprinted = await renderPoDocument(model({ printedAt: '2025-03-07T08:00:00Z' }));
    expect(reprinted.equals(pdf)).toBe(false);
  });
});

describe('PO document in other locales', () => {
  const totals: [LocaleCode, string][] = [
    ['en-US', '1,234,567.89'],
    ['de-DE', '1.234.567,89'],
    ['fr-FR', '1 234 567,89'],
  ];
  it.each(totals)('%s writes the total as %s, and its dates its own way', async (locale, total) => {
    const text = flat(pdfText(await renderPoDocument(model({ locale }))));
    expect(text).toMatch(new RegExp(`Total +${escape(total)}`));
    expect(text).toMatch(new RegExp(`Created +${escape(formatDate('2025-03-04T09:15:00Z', locale))}`));
    for (const [other, otherTotal] of totals) if (other !== locale) expect(text).not.toContain(otherTotal);
  });

  it('de-DE and en-US print different amounts and dates for the same PO', async () => {
    const us = flat(pdfText(await renderPoDocument(model({ locale: 'en-US' }))));
    const de = flat(pdfText(await renderPoDocument(model({ locale: 'de-DE' }))));
    expect(us).toContain('234,530.39');
    expect(de).toContain('234.530,39');
    expect(de).toContain('04.03.2025');
    expect(us).toContain('03/04/2025');
  });
});

describe('PO document, draft preview', () => {
  const draft = () =>
    model({ kind: 'draft-preview', status: 'Awaiting approval', releasedAt: null, approvals: [], revision: 3, lines: manyLines(60) });

  it('carries the banner on every page and says it is not released', async () => {
    const pdf = await renderPoDocument(draft());
    const pages = pdfPageTexts(pdf).map(flat);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(DRAFT_BANNER);
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages[0]).toMatch(/Released +not released/);
    expect(pages[0]).toContain('Status: Awaiting approval');
    expect(pages.at(-1)).toContain('No approval recorded yet.');
    expect(overlaps(pdfWordBoxes(pdf))).toEqual([]);
    const pngs = pdfPagesToPng(pdf, pngDir, 'draft');
    expect(pngs).toHaveLength(pages.length);
  });

  it('says a PO approved on submit was under every approval band', async () => {
    const text = flat(pdfText(await renderPoDocument(model({ approvals: [], approvedOnSubmit: true }))));
    expect(text).toContain(APPROVED_ON_SUBMIT);
  });
});

describe('PO document, 120 lines', () => {
  let pdf: Buffer;
  let pages: string[];
  beforeAll(async () => {
    pdf = await renderPoDocument(model({ lines: manyLines(120) }));
    pages = pdfPageTexts(pdf).map(flat);
  });

  it('spans several pages, each numbered "Page n of N"', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pdfPageCount(pdf)).toBe(pages.length);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });

  it('repeats the table header and the PO on every page', () => {
    pages.forEach((page) => expect(page).toMatch(/# +Item +Description +Qty +Unit cost +Amount +Cost center/));
    pages.slice(1).forEach((page) => expect(page).toContain('Purchase order PO-000123 revision 2 (continued)'));
  });

  it('prints every line exactly once, in order', () => {
    const numbers = pages.flatMap(rowNumbers);
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
  });

  it('ends with the total and the approvals', () => {
    expect(pages.at(-1)).toMatch(/120 lines +Total +2,520.00/);
    expect(pages.at(-1)).toContain('Dana Admin');
  });

  it('has no text drawn over other text on any page', () => {
    const boxes = pdfWordBoxes(pdf);
    expect(new Set(boxes.map((box) => box.page)).size).toBe(pages.length);
    expect(overlaps(boxes)).toEqual([]);
  });

  it('becomes one A4 PNG per page', () => {
    const pngs = pdfPagesToPng(pdf, pngDir, 'lines-120');
    expect(pngs).toHaveLength(pages.length);
    for (const png of pngs) {
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A4 at 60 dpi: 595.28 × 841.89 points → 496.1 × 701.6, which pdftoppm rounds up to 497 × 702 pixels.
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([497, 702]);
    }
  });
});

describe('PO document, 500 lines', () => {
  it('lays out 500 lines on many pages, each line once, nothing overlapping', async () => {
    const pdf = await renderPoDocument(model({ lines: manyLines(500) }));
    const pages = pdfPageTexts(pdf).map(flat);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.flatMap(rowNumbers)).toEqual(Array.from({ length: 500 }, (_, index) => index + 1));
    expect(overlaps(pdfWordBoxes(pdf))).toEqual([]);
    pdfPagesToPng(pdf, pngDir, 'lines-500');
  });
});

describe('PO document refusals and extremes', () => {
  it('refuses a total that is not the sum of its lines', async () => {
    await expect(renderPoDocument(model({ totalMinor: 1 }))).rejects.toThrow(
      'Purchase order PO-000123 revision 2 is not printed: its total 0.01 is not the sum of its lines, 1,234,567.89.',
    );
  });

  it('refuses a printedAt that is not a date', async () => {
    await expect(renderPoDocument(model({ printedAt: 'yesterday' }))).rejects.toThrow('printedAt "yesterday" is not an ISO date and time');
  });

  it('keeps huge amounts on one line, shrunk to fit', async () => {
    const huge = [line(1, { quantityMilli: 1_000_000_000, unitCostMinor: 1_000_000_000, totalMinor: 1_000_000_000_000_000 })];
    const pdf = await renderPoDocument(model({ lines: huge }));
    const text = flat(pdfText(pdf));
    expect(text).toMatch(/^ *1 +ITM-1001 .* 1,000,000 +10,000,000.00 +10,000,000,000,000.00 +310 *$/m);
    expect(text).toMatch(/Total +10,000,000,000,000.00/);
    expect(overlaps(pdfWordBoxes(pdf))).toEqual([]);
  });
});

describe('PO document with row coding', () => {
  it('prints each line’s cost center and, where rows are coded, its purchase account, cost unit and project', async () => {
    const coded = [
      line(1, { costCenterCode: '210', coding: { purchaseAccount: '5000', costUnit: 'CU-7', project: 'P-100' } }),
      line(2, { costCenterCode: '220', coding: { purchaseAccount: '5100', costUnit: null, project: null } }),
      line(3, { costCenterCode: '310', coding: null }),
    ];
    const pdf = await renderPoDocument(model({ lines: coded, totalMinor: 6_300 }));
    const text = flat(pdfText(pdf));
    expect(text).toMatch(/Cost center +Account · unit ·/);
    expect(text).toMatch(/^ *1 +ITM-1001 .* 21.00 +210 +5000 · CU-7 · P-100 *$/m);
    expect(text).toMatch(/^ *2 +ITM-1002 .* 21.00 +220 +5100 · — · — *$/m);
    expect(text).toMatch(/^ *3 +ITM-1003 .* 21.00 +310 +— *$/m);
    expect(overlaps(pdfWordBoxes(pdf))).toEqual([]);
  });

  it('keeps the uncoded document as it was: no coding column when no line carries coding', async () => {
    const text = flat(pdfText(await renderPoDocument(model())));
    expect(text).not.toContain('Account · unit');
  });
});

describe('text for the built-in fonts', () => {
  it('keeps what WinAnsi has and brings the rest as near as it can', () => {
    expect(toPdfText('Åsa Öberg — “Café” €5')).toBe('Åsa Öberg — “Café” €5');
    expect(toPdfText('1\u202f234,50 and 2:30\u202fPM')).toBe('1\u00a0234,50 and 2:30\u00a0PM');
    expect(toPdfText('Łódź Dvořák')).toBe('Lódz Dvorák');
    expect(toPdfText('line\none\ttab')).toBe('line one tab');
    expect(toPdfText('東京')).toBe('??');
  });
});
