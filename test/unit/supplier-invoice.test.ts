import { describe, expect, it } from 'vitest';
import { type AccountingEntry, buildAccountingEntry, type DebitSource, type EntryCoding, entryBalance, entryCodingOf } from '../../src/main/domain/coding/accounting-entry';
import type { ChartOfAccounts } from '../../src/main/domain/coding/chart-of-accounts';
import type { DimensionSet } from '../../src/main/domain/coding/dimensions';
import { ENTRY_EXPORT_COLUMNS, entryExportRows, plainDecimal } from '../../src/main/domain/coding/entry-export';
import { resolveCoding } from '../../src/main/domain/coding/precedence';
import { splitByWeights } from '../../src/main/domain/coding/split';
import { decideSupplierInvoice, type InvoiceFacts, type InvoicePoRow, type SupplierInvoice } from '../../src/main/domain/coding/supplier-invoice';
import type { PoStatus } from '../../src/main/domain/po-lifecycle';
import { lineTotalMinor } from '../../src/shared/money';

const coding = (purchaseAccount: string | null, costCenter: string | null = null, costUnit: string | null = null, project: string | null = null, other: Record<string, string> = {}): EntryCoding => ({
  purchaseAccount,
  costCenter,
  costUnit,
  project,
  other,
});

const CHART: ChartOfAccounts = {
  accounts: [
    { code: '4010', name: 'Raw material', active: true, requirements: { 'cost-center': 'mandatory', project: 'no' } },
    { code: '4020', name: 'Fasteners', active: true, requirements: { project: 'mandatory' } },
    { code: '4900', name: 'Other purchases', active: true, requirements: {} },
  ],
};
const SET: DimensionSet = { types: [], values: [] };

const row = (rowNumber: number, description: string, quantityMilli: number, unitCostMinor: number, over: Partial<InvoicePoRow> = {}): InvoicePoRow => ({
  rowNumber,
  description,
  orderedQuantityMilli: quantityMilli,
  unitCostMinor,
  orderedAmountMinor: lineTotalMinor(quantityMilli, unitCostMinor),
  invoicedQuantityMilli: 0,
  invoicedAmountMinor: 0,
  distributions: [{ weight: 1, coding: coding('4010', '210', 'CU1') }],
  ...over,
});

// PO-000001 from ACME: steel plate 10 at 12.50; bolts 100 at 0.33 of which 40 are invoiced;
// freight split three ways; 2.5 hours at 3.33 (8.325, so 8.33 ordered: half up).
const ROWS: InvoicePoRow[] = [
  row(1, 'Steel plate', 10_000, 1_250),
  row(2, 'Bolts M8', 100_000, 33, { invoicedQuantityMilli: 40_000, invoicedAmountMinor: 1_320, distributions: [{ weight: 1, coding: coding('4020', null, null, 'P-BOLT') }] }),
  row(3, 'Freight', 1_000, 15_000, {
    distributions: [
      { weight: 1, coding: coding('4900', '210') },
      { weight: 1, coding: coding('4900', '220') },
      { weight: 1, coding: coding('4900', '310') },
    ],
  }),
  row(4, 'Fitting', 2_500, 333),
];

const invoice = (lines: SupplierInvoice['lines'], over: Partial<SupplierInvoice> = {}): SupplierInvoice => ({
  number: 'INV-7001',
  vendorCode: 'ACME',
  date: '2025-03-14',
  totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0),
  lines,
  ...over,
});

const facts = (lines: SupplierInvoice['lines'], over: Partial<InvoiceFacts> = {}, invoiceOver: Partial<SupplierInvoice> = {}): InvoiceFacts => ({
  po: { number: 'PO-000001', status: 'released', lastReleasedRevision: 1, vendorCode: 'ACME', rows: ROWS },
  vendor: { code: 'ACME', name: 'Acme Metals', payablesAccount: '2440' },
  invoice: invoice(lines, invoiceOver),
  registeredNumbers: ['INV-6999'],
  chart: CHART,
  set: SET,
  locale: 'en-US',
  ...over,
});

const line = (rowNumber: number, quantityMilli: number, amountMinor: number) => ({ rowNumber, quantityMilli, amountMinor });

describe('the invoice as a whole', () => {
  const ok = [line(1, 10_000, 12_500)];
  const po = (status: PoStatus, lastReleasedRevision: number | null = 1) => ({ po: { number: 'PO-000001', status, lastReleasedRevision, vendorCode: 'ACME', rows: ROWS } });
  type Row = [name: string, f: InvoiceFacts, rule: string, reason: string];
  it.each<Row>([
    ['a draft never released', facts(ok, po('draft', null)), 'invoice-po-not-released', 'PO-000001 is a draft; supplier invoices are registered only against a released PO.'],
    ['a submitted PO', facts(ok, po('submitted', null)), 'invoice-po-not-released', 'PO-000001 is submitted and waiting for approval; supplier invoices are registered only against a released PO.'],
    ['an approved PO not yet released', facts(ok, po('approved', null)), 'invoice-po-not-released', 'PO-000001 is approved; supplier invoices are registered only against a released PO.'],
    ['a closed PO', facts(ok, po('closed')), 'invoice-po-not-released', 'PO-000001 is closed; supplier invoices are registered only against a released PO.'],
    ['a cancelled PO', facts(ok, po('cancelled', null)), 'invoice-po-not-released', 'PO-000001 is cancelled; supplier invoices are registered only against a released PO.'],
    ['another vendor', facts(ok, {}, { vendorCode: 'BOLT' }), 'invoice-vendor-mismatch', 'The invoice is from vendor BOLT, but PO-000001 is ordered from ACME.'],
    ['no invoice number', facts(ok, {}, { number: '  ' }), 'invoice-number-required', "Enter the vendor's invoice number."],
    ['an invoice already registered', facts(ok, {}, { number: 'inv-6999 ' }), 'invoice-duplicate', 'Invoice inv-6999 from Acme Metals is already registered; an invoice is registered once.'],
    ['a date that is not a date', facts(ok, {}, { date: '2025-02-30' }), 'invoice-date-invalid', 'The invoice date, 2025-02-30, is not a date.'],
    ['a blank date', facts(ok, {}, { date: '' }), 'invoice-date-invalid', 'The invoice date, (blank), is not a date.'],
    [
      'a vendor without a payables account',
      facts(ok, { vendor: { code: 'ACME', name: 'Acme Metals', payablesAccount: null } }),
      'vendor-payables-account-missing',
      'Vendor ACME (Acme Metals) has no payables account, so the invoice cannot be credited; set one on the vendor.',
    ],
    ['no lines', facts([]), 'invoice-no-lines', 'Invoice INV-7001 has no lines; match at least one row of PO-000001.'],
  ])('refused: %s', (_name, f, rule, reason) => {
    const decision = decideSupplierInvoice(f);
    expect({ allowed: decision.allowed, rule: decision.rule, reason: decision.reason }).toEqual({ allowed: false, rule, reason });
  });

  it.each<[string, PoStatus]>([
    ['a released PO', 'released'],
    ['a change order in draft on a released PO', 'draft'],
    ['a change order submitted', 'submitted'],
    ['a change order approved, not yet released', 'approved'],
  ])('allowed: %s', (_name, status) => {
    expect(decideSupplierInvoice(facts(ok, po(status))).allowed).toBe(true);
  });

  it('the vendor code compares without case', () => {
    expect(decideSupplierInvoice(facts(ok, {}, { vendorCode: 'acme' })).allowed).toBe(true);
  });

  it('whole numbers only: a fraction of a minor unit is a caller bug', () => {
    expect(() => decideSupplierInvoice(facts([line(1, 10_000, 12.5)]))).toThrow("Row 1's invoiced amount must be a whole number; got 12.5.");
    expect(() => decideSupplierInvoice(facts([line(1, 0.5, 100)]))).toThrow(RangeError);
    expect(() => decideSupplierInvoice(facts(ok, {}, { totalMinor: Number.NaN }))).toThrow("The invoice's total must be a whole number; got NaN.");
  });
});

describe('matching rows: over-invoicing is refused, naming row, ordered, already invoiced and this invoice', () => {
  type Row = [name: string, lines: SupplierInvoice['lines'], rule: string, reason: string];
  it.each<Row>([
    [
      'a thousandth more than ordered',
      [line(1, 10_001, 12_500)],
      'invoice-quantity-over',
      'Row 1 would be over-invoiced: ordered 10, already invoiced 0, this invoice 10.001; at most 10 is left to invoice.',
    ],
    [
      'more than is left after earlier invoices',
      [line(2, 61_000, 1_980)],
      'invoice-quantity-over',
      'Row 2 would be over-invoiced: ordered 100, already invoiced 40, this invoice 61; at most 60 is left to invoice.',
    ],
    [
      'the amount a cent over what is left',
      [line(2, 60_000, 1_981)],
      'invoice-amount-over',
      "Row 2's amount would be over-invoiced: ordered 33.00, already invoiced 13.20, this invoice 19.81; at most 19.80 is left to invoice.",
    ],
    [
      'the amount over on a full row',
      [line(1, 10_000, 12_501)],
      'invoice-amount-over',
      "Row 1's amount would be over-invoiced: ordered 125.00, already invoiced 0.00, this invoice 125.01; at most 125.00 is left to invoice.",
    ],
    ['a partial line above the ordered price', [line(1, 5_000, 6_251)], 'invoice-price-above-order', 'Row 1 is invoiced 62.51 for 5, above the ordered price: 5 at 12.50 is 62.50.'],
    ['a partial line above the price after rounding', [line(4, 1_250, 417)], 'invoice-price-above-order', 'Row 4 is invoiced 4.17 for 1.25, above the ordered price: 1.25 at 3.33 is 4.16.'],
    ['a row not on the PO', [line(7, 1_000, 100)], 'invoice-row-unknown', 'Row 7 is not on PO-000001; its rows are 1, 2, 3, 4.'],
    ['a quantity of 0', [line(1, 0, 100)], 'invoice-quantity-not-positive', "Row 1's invoiced quantity must be more than 0; it is 0."],
    ['a negative quantity', [line(1, -1_000, 100)], 'invoice-quantity-not-positive', "Row 1's invoiced quantity must be more than 0; it is -1."],
    ['a negative amount', [line(1, 1_000, -100)], 'invoice-amount-negative', "Row 1's invoiced amount cannot be negative; it is -1.00."],
  ])('%s', (_name, lines, rule, reason) => {
    const decision = decideSupplierInvoice(facts(lines));
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.problems[0]).toEqual({ rowNumber: lines[0]?.rowNumber, rule, reason });
  });

  it('a row already fully invoiced takes nothing more', () => {
    const full = [row(1, 'Steel plate', 10_000, 1_250, { invoicedQuantityMilli: 10_000, invoicedAmountMinor: 12_500 })];
    const decision = decideSupplierInvoice(facts([line(1, 1, 1)], { po: { number: 'PO-000001', status: 'released', lastReleasedRevision: 1, vendorCode: 'ACME', rows: full } }));
    expect(!decision.allowed && decision.problems.map((p) => p.reason)).toEqual([
      'Row 1 would be over-invoiced: ordered 10, already invoiced 10, this invoice 0.001; at most 0 is left to invoice.',
      "Row 1's amount would be over-invoiced: ordered 125.00, already invoiced 125.00, this invoice 0.01; at most 0.00 is left to invoice.",
    ]);
  });

  it('a row on the invoice twice', () => {
    const decision = decideSupplierInvoice(facts([line(1, 5_000, 6_250), line(1, 5_000, 6_250)]));
    expect(!decision.allowed && decision.problems).toEqual([{ rowNumber: 1, rule: 'invoice-row-repeated', reason: 'Row 1 is on the invoice twice; put its quantity and amount on one line.' }]);
  });

  it('every problem at once, each on its row, in the order of the invoice', () => {
    const decision = decideSupplierInvoice(facts([line(2, 61_000, 1_980), line(1, 5_000, 6_251), line(9, 1_000, 1)], {}, { totalMinor: 9_000 }));
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.problems.map((p) => [p.rowNumber, p.rule])).toEqual([
      [2, 'invoice-quantity-over'],
      [1, 'invoice-price-above-order'],
      [9, 'invoice-row-unknown'],
      [null, 'invoice-total-mismatch'],
    ]);
    expect(decision.rule).toBe('invoice-quantity-over');
    expect(decision.reason).toMatch(/^The invoice cannot be registered: 4 problems\. Row 2 would be over-invoiced: /);
  });

  it('amounts in the operator’s format', () => {
    const decision = decideSupplierInvoice(facts([line(2, 60_000, 1_981)], { locale: 'de-DE' }));
    expect(decision.reason).toBe("Row 2's amount would be over-invoiced: ordered 33,00, already invoiced 13,20, this invoice 19,81; at most 19,80 is left to invoice.");
  });

  type Match = [name: string, lines: SupplierInvoice['lines'], rows: InvoicePoRow[] | null, matches: [number, number, number, boolean][]];
  it.each<Match>([
    ['a whole row, exactly at the limit', [line(1, 10_000, 12_500)], null, [[1, 0, 0, true]]],
    ['the rest of a partly invoiced row', [line(2, 60_000, 1_980)], null, [[2, 0, 0, true]]],
    ['a partial line at the ordered price', [line(1, 4_000, 5_000)], null, [[1, 6_000, 7_500, false]]],
    ['a partial line below the ordered price (a discount)', [line(1, 4_000, 4_000)], null, [[1, 6_000, 8_500, false]]],
    ['the quantity complete for less than ordered', [line(1, 10_000, 12_000)], null, [[1, 0, 500, true]]],
    ['a partial line at its rounded price', [line(4, 1_250, 416)], null, [[4, 1_250, 417, false]]],
    [
      'the line that completes a row may charge what is left, though its own price rounds lower',
      [line(4, 1_250, 417)],
      [row(4, 'Fitting', 2_500, 333, { invoicedQuantityMilli: 1_250, invoicedAmountMinor: 416 })],
      [[4, 0, 0, true]],
    ],
    ['several rows at once', [line(1, 10_000, 12_500), line(3, 1_000, 15_000), line(4, 2_500, 833)], null, [[1, 0, 0, true], [3, 0, 0, true], [4, 0, 0, true]]],
    ['a row invoiced at nothing beside one with an amount', [line(1, 1_000, 0), line(4, 2_500, 833)], null, [[1, 9_000, 12_500, false], [4, 0, 0, true]]],
  ])('matched: %s', (_name, lines, rows, matches) => {
    const over = rows === null ? {} : { po: { number: 'PO-000001', status: 'released' as const, lastReleasedRevision: 1, vendorCode: 'ACME', rows } };
    const decision = decideSupplierInvoice(facts(lines, over));
    expect(decision.allowed).toBe(true);
    if (!decision.allowed) return;
    expect(decision.matches.map((m) => [m.rowNumber, m.openQuantityMilli, m.openAmountMinor, m.fullyInvoiced])).toEqual(matches);
  });

  it('the invoice total must be the sum of its lines', () => {
    const decision = decideSupplierInvoice(facts([line(1, 10_000, 12_500)], {}, { totalMinor: 12_600 }));
    expect(!decision.allowed && decision.problems).toEqual([
      { rowNumber: null, rule: 'invoice-total-mismatch', reason: "The invoice's total, 126.00, is not the sum of its lines, 125.00: they are 1.00 apart." },
    ]);
  });

  it('an invoice of nothing books nothing', () => {
    const decision = decideSupplierInvoice(facts([line(1, 1_000, 0)]));
    expect(!decision.allowed && decision.problems).toEqual([{ rowNumber: null, rule: 'invoice-total-zero', reason: 'Invoice INV-7001 totals 0.00; there is nothing to book.' }]);
  });
});

describe('a row must be codable to be invoiced', () => {
  const rowsWith = (distributions: InvoicePoRow['distributions']) => ({
    po: { number: 'PO-000001', status: 'released' as const, lastReleasedRevision: 1, vendorCode: 'ACME', rows: [row(1, 'Steel plate', 10_000, 1_250, { distributions })] },
  });
  type Row = [name: string, distributions: InvoicePoRow['distributions'], rule: string | null, reason: string | null];
  it.each<Row>([
    ['a coded row', [{ weight: 1, coding: coding('4010', '210') }], null, null],
    ['no purchase account', [{ weight: 1, coding: coding(null, '210') }], 'invoice-row-no-account', 'Row 1 has no purchase account, so it cannot be debited; code it first.'],
    ['an account outside the chart', [{ weight: 1, coding: coding('9999', '210') }], 'invoice-row-account-unknown', "Row 1's purchase account 9999 is not in the chart of accounts."],
    ['a Mandatory cost center missing', [{ weight: 1, coding: coding('4010') }], 'invoice-row-mandatory-missing', 'Row 1 has no cost center, which account 4010 (Raw material) requires.'],
    [
      'one distribution of a split row without its Mandatory project',
      [{ weight: 1, coding: coding('4020', null, null, 'P1') }, { weight: 1, coding: coding('4020') }],
      'invoice-row-mandatory-missing',
      "Row 1's distribution 2 has no project, which account 4020 (Fasteners) requires.",
    ],
  ])('%s', (_name, distributions, rule, reason) => {
    const decision = decideSupplierInvoice(facts([line(1, 10_000, 12_500)], rowsWith(distributions)));
    if (rule === null) expect(decision.allowed).toBe(true);
    else expect(!decision.allowed && decision.problems[0]).toEqual({ rowNumber: 1, rule, reason });
  });

  it('a row invoiced at nothing needs no coding: it books nothing', () => {
    const rows = [row(1, 'Sample', 1_000, 0, { distributions: [{ weight: 1, coding: coding(null) }] }), row(2, 'Steel', 1_000, 100)];
    const decision = decideSupplierInvoice(facts([line(1, 1_000, 0), line(2, 1_000, 100)], { po: { number: 'PO-000001', status: 'released', lastReleasedRevision: 1, vendorCode: 'ACME', rows } }));
    expect(decision.allowed && decision.entry.lines.map((l) => [l.side, l.poRowNumber, l.amountMinor])).toEqual([
      ['debit', 2, 100],
      ['credit', null, 100],
    ]);
  });

  it('a row without its coding is a caller bug', () => {
    expect(() => decideSupplierInvoice(facts([line(1, 10_000, 12_500)], rowsWith([])))).toThrow('Row 1 of PO-000001 came without its coding.');
  });
});

describe('the accounting entry', () => {
  it('a debit per row with its coding, the credit on the payables account, balanced', () => {
    const decision = decideSupplierInvoice(facts([line(1, 8_000, 10_000), line(2, 60_000, 1_980), line(3, 1_000, 10_000)]));
    expect(decision.allowed).toBe(true);
    if (!decision.allowed) return;
    const { entry } = decision;
    expect(entry.lines.map((l) => [l.lineNumber, l.side, l.accountCode, l.amountMinor, l.costCenter, l.costUnit, l.project, l.poRowNumber, l.text])).toEqual([
      [1, 'debit', '4010', 10_000, '210', 'CU1', null, 1, 'PO-000001 row 1: Steel plate'],
      [2, 'debit', '4020', 1_980, null, null, 'P-BOLT', 2, 'PO-000001 row 2: Bolts M8'],
      // 100.00 of freight in three: 33.34, 33.33, 33.33.
      [3, 'debit', '4900', 3_334, '210', null, null, 3, 'PO-000001 row 3: Freight'],
      [4, 'debit', '4900', 3_333, '220', null, null, 3, 'PO-000001 row 3: Freight'],
      [5, 'debit', '4900', 3_333, '310', null, null, 3, 'PO-000001 row 3: Freight'],
      [6, 'credit', '2440', 21_980, null, null, null, null, 'Invoice INV-7001 from Acme Metals'],
    ]);
    expect({ debit: entry.debitMinor, credit: entry.creditMinor }).toEqual({ debit: 21_980, credit: 21_980 });
    expect(entryBalance(entry)).toEqual({ debitMinor: 21_980, creditMinor: 21_980, differenceMinor: 0, balanced: true });
    expect(decision.reason).toBe('Invoice INV-7001 from Acme Metals matches 3 rows of PO-000001, 2 of them now fully invoiced: 219.80 is credited to 2440 and debited on 5 lines.');
  });

  it('the sentence for a single row fully invoiced', () => {
    const decision = decideSupplierInvoice(facts([line(1, 10_000, 12_500)]));
    expect(decision.reason).toBe('Invoice INV-7001 from Acme Metals matches 1 row of PO-000001, every one now fully invoiced: 125.00 is credited to 2440 and debited on 1 line.');
  });

  it('takes the coding from a resolved row, organisation dimensions included', () => {
    const resolved = resolveCoding({ vendor: { 'cost-center': '210' }, 'po-row': { 'purchase-account': '4010', region: 'N', machine: 'M7' } }, ['purchase-account', 'cost-center', 'cost-unit', 'project', 'region', 'machine']);
    expect(entryCodingOf(resolved)).toEqual({ purchaseAccount: '4010', costCenter: '210', costUnit: null, project: null, other: { region: 'N', machine: 'M7' } });
  });

  const source = (rowNumber: number, amountMinor: number, weights: number[]): DebitSource => ({
    rowNumber,
    description: `Row ${rowNumber}`,
    amountMinor,
    distributions: weights.map((weight, index) => ({ weight, coding: coding('4900', `CC${index}`) })),
  });
  const build = (rows: DebitSource[]) => buildAccountingEntry({ invoiceNumber: 'INV-1', vendorCode: 'ACME', vendorName: 'Acme', payablesAccount: '2440', poNumber: 'PO-1', date: '2025-03-14', rows });

  // Deterministic pseudo-random amounts, so a failure can be reproduced.
  const lcg = (seed: number) => () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  const random = lcg(20250314);
  const oddRows = (count: number, maxMinor: number, maxParts: number) =>
    Array.from({ length: count }, (_, index) => source(index + 1, random() % maxMinor, Array.from({ length: 1 + (random() % maxParts) }, () => 1 + (random() % 97))));

  type Balance = [name: string, rows: DebitSource[]];
  it.each<Balance>([
    ['one row, one cent', [source(1, 1, [1])]],
    ['a cent in three', [source(1, 1, [1, 1, 1])]],
    ['two cents in three', [source(1, 2, [1, 1, 1])]],
    ['100.00 in three', [source(1, 10_000, [1, 1, 1])]],
    ['100.00 in seven', [source(1, 10_000, [1, 1, 1, 1, 1, 1, 1])]],
    ['33.33 split 1:2', [source(1, 3_333, [1, 2])]],
    ['999.99 by percentages 33.33 / 33.33 / 33.34', [source(1, 99_999, [3_333, 3_333, 3_334])]],
    ['a part of weight 0', [source(1, 10_000, [0, 1, 3])]],
    ['99 rows of 0.01 each', Array.from({ length: 99 }, (_, i) => source(i + 1, 1, [1]))],
    ['99 rows of 33.33 in three', Array.from({ length: 99 }, (_, i) => source(i + 1, 3_333, [1, 1, 1]))],
    ['250 rows of odd amounts and splits', oddRows(250, 1_000_007, 6)],
    ['500 rows of small odd amounts in many parts', oddRows(500, 997, 9)],
    ['large amounts near the exact limit', [source(1, 4_503_599_627_370_495, [1, 1, 1]), source(2, 4_503_599_627_370_495, [7, 11])]],
  ])('balances to the minor unit: %s', (_name, rows) => {
    const entry = build(rows);
    const total = rows.reduce((sum, r) => sum + r.amountMinor, 0);
    expect(entryBalance(entry)).toEqual({ debitMinor: total, creditMinor: total, differenceMinor: 0, balanced: true });
    for (const r of rows) {
      const debits = entry.lines.filter((l) => l.side === 'debit' && l.poRowNumber === r.rowNumber);
      expect(debits.reduce((sum, l) => sum + l.amountMinor, 0)).toBe(r.amountMinor);
      expect(debits.every((l) => Number.isSafeInteger(l.amountMinor) && l.amountMinor > 0)).toBe(true);
    }
    expect(entry.lines.filter((l) => l.side === 'credit')).toHaveLength(1);
  });

  it('a thousand random invoices all balance', () => {
    for (let i = 0; i < 1_000; i += 1) {
      const rows = oddRows(1 + (random() % 12), 50_000_000, 5);
      if (rows.every((r) => r.amountMinor === 0)) continue;
      const balance = entryBalance(build(rows));
      expect(balance.differenceMinor).toBe(0);
    }
  });

  it('leaves out debit parts of nothing', () => {
    const entry = build([source(1, 1, [1, 1, 1]), source(2, 0, [1])]);
    expect(entry.lines.map((l) => [l.side, l.poRowNumber, l.amountMinor, l.costCenter])).toEqual([
      ['debit', 1, 1, 'CC0'],
      ['credit', null, 1, null],
    ]);
  });

  it('refuses what a caller should never pass', () => {
    expect(() => build([source(1, 10.5, [1])])).toThrow("Row 1's amount must be a whole number of minor units of zero or more; got 10.5.");
    expect(() => build([source(1, -1, [1])])).toThrow(RangeError);
    expect(() => build([{ ...source(1, 100, [1]), distributions: [] }])).toThrow('Row 1 has no distribution to debit.');
    expect(() => build([{ ...source(1, 100, [1]), distributions: [{ weight: 1, coding: coding(null) }] }])).toThrow('Row 1 has no purchase account to debit.');
    expect(() => build([source(1, 0, [1])])).toThrow('Invoice INV-1 totals nothing; there is no entry to book.');
    expect(() => build([source(1, Number.MAX_SAFE_INTEGER, [1]), source(2, Number.MAX_SAFE_INTEGER, [1])])).toThrow("Invoice INV-1's total is too large to book exactly.");
  });

  it('an unbalanced entry is caught when added up', () => {
    const entry = build([source(1, 100, [1])]);
    const tampered = { lines: entry.lines.map((l) => (l.side === 'credit' ? { ...l, amountMinor: 99 } : l)) };
    expect(entryBalance(tampered)).toEqual({ debitMinor: 100, creditMinor: 99, differenceMinor: 1, balanced: false });
  });
});

describe('splitting an amount exactly', () => {
  type Row = [name: string, amount: number, weights: number[], parts: number[]];
  it.each<Row>([
    ['100 in three', 100, [1, 1, 1], [34, 33, 33]],
    ['1 in three: the first gets it', 1, [1, 1, 1], [1, 0, 0]],
    ['2 in three', 2, [1, 1, 1], [1, 1, 0]],
    ['nothing', 0, [1, 2, 3], [0, 0, 0]],
    ['an exact split', 10, [3, 7], [3, 7]],
    ['10 in 1:2: the larger remainder gets the unit', 10, [1, 2], [3, 7]],
    ['a tie goes to the earlier part', 5, [1, 1], [3, 2]],
    ['a weight of 0 gets nothing', 100, [0, 1], [0, 100]],
    ['a weight of 0 among others', 7, [1, 0, 1], [4, 0, 3]],
    ['one part', 12_345, [42], [12_345]],
    ['negative: the mirror of the positive split', -100, [1, 1, 1], [-34, -33, -33]],
    ['negative with parts of nothing', -1, [1, 1], [-1, 0]],
    ['the largest safe amount in two, weights beyond 2^53 together', Number.MAX_SAFE_INTEGER, [Number.MAX_SAFE_INTEGER, 1], [Number.MAX_SAFE_INTEGER - 1, 1]],
  ])('%s', (_name, amount, weights, parts) => {
    const result = splitByWeights(amount, weights);
    expect(result).toEqual(parts);
    expect(result.reduce((sum, part) => sum + part, 0)).toBe(amount);
  });

  it('no part is more than one minor unit from its exact share', () => {
    const weights = [13, 29, 1, 57, 0, 3];
    const total = weights.reduce((s, w) => s + w, 0);
    for (const amount of [1, 97, 1_000, 123_457, 9_999_999]) {
      splitByWeights(amount, weights).forEach((part, i) => expect(Math.abs(part * total - amount * (weights[i] as number))).toBeLessThan(total));
    }
  });

  it.each<[string, number, number[], string]>([
    ['no parts', 100, [], 'An amount cannot be split into no parts.'],
    ['all weights 0', 100, [0, 0], 'Split weights must not all be zero.'],
    ['a negative weight', 100, [1, -1], 'Split weights must be whole numbers of zero or more; got -1.'],
    ['a fractional weight', 100, [0.5], 'Split weights must be whole numbers of zero or more; got 0.5.'],
    ['a fractional amount', 10.5, [1], 'The amount to split must be a whole number of minor units; got 10.5.'],
  ])('refuses %s', (_name, amount, weights, message) => {
    expect(() => splitByWeights(amount, weights)).toThrow(message);
  });
});

describe('the export for the accounting system', () => {
  it.each<[number, string]>([
    [0, '0.00'],
    [5, '0.05'],
    [50, '0.50'],
    [100, '1.00'],
    [123_450, '1234.50'],
    [100_000_000_000, '1000000000.00'],
    [-5, '-0.05'],
    [-123_456, '-1234.56'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i minor units as %s', (minor, text) => {
    expect(plainDecimal(minor)).toBe(text);
  });

  it('refuses an amount that is not whole minor units', () => {
    expect(() => plainDecimal(1.5)).toThrow('An exported amount must be a whole number of minor units; got 1.5.');
  });

  const entryOf = (invoiceNumber: string, lines: Parameters<typeof buildAccountingEntry>[0]['rows']): AccountingEntry =>
    buildAccountingEntry({ invoiceNumber, vendorCode: 'ACME', vendorName: 'Acme Metals', payablesAccount: '2440', poNumber: 'PO-000001', date: '2025-03-14', rows: lines });

  it('a header row in a fixed order, then one row per entry line', () => {
    const entry = entryOf('INV-7001', [
      { rowNumber: 1, description: 'Steel plate', amountMinor: 123_450, distributions: [{ weight: 1, coding: coding('4010', '210', 'CU1', null, { region: 'N', machine: 'M7' }) }] },
      { rowNumber: 3, description: 'Freight', amountMinor: 100, distributions: [{ weight: 1, coding: coding('4900', null, null, 'P1') }, { weight: 2, coding: coding('4900', null, null, 'P2') }] },
    ]);
    expect(entryExportRows([{ entryNumber: 'E-000042', entry }])).toEqual([
      ['Entry', 'Date', 'Invoice', 'Vendor', 'PO', 'PO row', 'Line', 'Account', 'Cost center', 'Cost unit', 'Project', 'Other dimensions', 'Debit', 'Credit', 'Text'],
      ['E-000042', '2025-03-14', 'INV-7001', 'ACME', 'PO-000001', '1', '1', '4010', '210', 'CU1', '', 'machine=M7;region=N', '1234.50', '', 'PO-000001 row 1: Steel plate'],
      ['E-000042', '2025-03-14', 'INV-7001', 'ACME', 'PO-000001', '3', '2', '4900', '', '', 'P1', '', '0.33', '', 'PO-000001 row 3: Freight'],
      ['E-000042', '2025-03-14', 'INV-7001', 'ACME', 'PO-000001', '3', '3', '4900', '', '', 'P2', '', '0.67', '', 'PO-000001 row 3: Freight'],
      ['E-000042', '2025-03-14', 'INV-7001', 'ACME', 'PO-000001', '', '4', '2440', '', '', '', '', '', '1235.50', 'Invoice INV-7001 from Acme Metals'],
    ]);
  });

  it('every row has every column, and the debits and credits of the file balance', () => {
    const entries = [
      { entryNumber: 'E-1', entry: entryOf('A', [{ rowNumber: 1, description: 'x', amountMinor: 10_001, distributions: [1, 1, 1].map((weight) => ({ weight, coding: coding('4900') })) }]) },
      { entryNumber: 'E-2', entry: entryOf('B', [{ rowNumber: 2, description: 'y', amountMinor: 7, distributions: [{ weight: 1, coding: coding('4010', '210') }] }]) },
    ];
    const rows = entryExportRows(entries);
    expect(rows.every((r) => r.length === ENTRY_EXPORT_COLUMNS.length && r.every((cell) => typeof cell === 'string'))).toBe(true);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['E-1', 'E-1', 'E-1', 'E-1', 'E-2', 'E-2']);
    const cents = (text: string | undefined) => (text ? Number(text.replace('.', '')) : 0);
    const debit = rows.slice(1).reduce((sum, r) => sum + cents(r[12]), 0);
    const credit = rows.slice(1).reduce((sum, r) => sum + cents(r[13]), 0);
    expect([debit, credit]).toEqual([10_008, 10_008]);
  });

  it('only the header when there is nothing to export', () => {
    expect(entryExportRows([])).toEqual([[...ENTRY_EXPORT_COLUMNS]]);
  });
});
