import { describe, expect, it } from 'vitest';
import type { InvoiceDetail, InvoiceDraft } from '../../src/shared/invoice-schemas';
import { distributionsOf } from '../../src/main/services/invoice-coding-facts';
import { codingLine, invoiceReportModel } from '../../src/main/services/invoice-report-service';
import { problemPath } from '../../src/main/services/invoice-service';
import { errorsOfRefusal, linesTotal, newInvoiceForm, readInvoiceForm, shownTotal } from '../../src/renderer/src/features/invoices/invoice-draft';

/** The pure parts of supplier invoices around the domain rules: where a refusal is shown, how a row splits, the form as typed, the report's rows. */

const coding = { purchaseAccount: '5000', costCenter: '210', costUnit: null, project: 'P-1', other: {} };

describe('distributionsOf: a row is debited once per distribution, weighted by its amount', () => {
  it.each([
    ['one distribution: the row coding as it is, weight 1', [{ lineId: 1, amountMinor: 500, glAccountCode: '5000', costCenterCode: '210' }], [[1, '5000', '210']]],
    ['no stored distribution: the row coding', [], [[1, '5000', '210']]],
    [
      'three distributions: each its own cost center and account, weights its amounts',
      [
        { lineId: 1, amountMinor: 200, glAccountCode: null, costCenterCode: '210' },
        { lineId: 1, amountMinor: 300, glAccountCode: '5100', costCenterCode: '220' },
        { lineId: 1, amountMinor: 500, glAccountCode: null, costCenterCode: null },
      ],
      [
        [200, '5000', '210'],
        [300, '5100', '220'],
        [500, '5000', '210'],
      ],
    ],
    [
      'several distributions of no amount: equal weights',
      [
        { lineId: 1, amountMinor: 0, glAccountCode: null, costCenterCode: '110' },
        { lineId: 1, amountMinor: 0, glAccountCode: null, costCenterCode: '220' },
      ],
      [
        [1, '5000', '110'],
        [1, '5000', '220'],
      ],
    ],
  ])('%s', (_case, stored, expected) => {
    expect(distributionsOf(coding, stored).map((d) => [d.weight, d.coding.purchaseAccount, d.coding.costCenter])).toEqual(expected);
  });
});

describe('problemPath: each refusal beside the field it is about', () => {
  it.each([
    [{ rowNumber: 3, rule: 'invoice-quantity-over' }, 'lines.1.quantityMilli'],
    [{ rowNumber: 1, rule: 'invoice-amount-over' }, 'lines.0.amountMinor'],
    [{ rowNumber: 1, rule: 'invoice-price-above-order' }, 'lines.0.amountMinor'],
    [{ rowNumber: 3, rule: 'invoice-row-no-account' }, 'lines.1.rowNumber'],
    [{ rowNumber: 9, rule: 'invoice-row-unknown' }, 'lines'],
    [{ rowNumber: null, rule: 'invoice-duplicate' }, 'number'],
    [{ rowNumber: null, rule: 'invoice-total-mismatch' }, 'totalMinor'],
    [{ rowNumber: null, rule: 'invoice-po-not-released' }, 'poId'],
  ])('%o → %s', (problem, path) => {
    expect(problemPath({ ...problem, reason: '' }, [1, 3])).toBe(path);
  });
});

const draft: InvoiceDraft = {
  po: { id: 7, number: 'PO-000007', status: 'released', revision: 1, vendorCode: 'ACME', vendorName: 'Acme', payablesAccount: '2440' },
  invoiceable: true,
  reason: null,
  canRegister: true,
  rows: [
    { rowNumber: 1, description: 'Bolts', unitCostMinor: 1250, orderedQuantityMilli: 10_000, invoicedQuantityMilli: 4_000, remainingQuantityMilli: 6_000, orderedAmountMinor: 12_500, invoicedAmountMinor: 5_000, remainingAmountMinor: 7_500, coding: [coding] },
    { rowNumber: 2, description: 'Nuts', unitCostMinor: 100, orderedQuantityMilli: 1_000, invoicedQuantityMilli: 1_000, remainingQuantityMilli: 0, orderedAmountMinor: 100, invoicedAmountMinor: 100, remainingAmountMinor: 0, coding: [coding] },
  ],
};

describe('the invoice form as typed', () => {
  it('is prefilled with what is left, in the operator’s format; a fully invoiced row is left out', () => {
    const form = newInvoiceForm(draft, 'de-DE', '2026-03-01');
    expect(form.rows).toEqual([
      { rowNumber: 1, include: true, quantity: '6', amount: '75,00' },
      { rowNumber: 2, include: false, quantity: '', amount: '' },
    ]);
    expect(shownTotal(form)).toBe('75,00');
  });

  it('reads what was typed exactly, and a typed total is never replaced by the lines’ sum', () => {
    const form = { ...newInvoiceForm(draft, 'en-US', '2026-03-01'), number: ' INV-9 ' };
    form.rows[0] = { rowNumber: 1, include: true, quantity: '2.5', amount: '31.25' };
    expect(linesTotal(form)).toBe(3_125);
    expect(readInvoiceForm(form)).toEqual({
      ok: true,
      input: { poId: 7, vendorCode: 'ACME', number: 'INV-9', date: '2026-03-01', totalMinor: 3_125, lines: [{ rowNumber: 1, quantityMilli: 2_500, amountMinor: 3_125 }] },
      rowNumbers: [1],
    });
    const typedTotal = { ...form, total: '30.00' };
    expect(shownTotal(typedTotal)).toBe('30.00');
    expect(readInvoiceForm(typedTotal)).toMatchObject({ ok: true, input: { totalMinor: 3_000 } });
  });

  it.each([
    ['an amount with too many decimals', { amount: '1.234' }, { rows: { 1: { amount: 'Row 1: Amount has at most 2 decimals: 1.234 has 3; nothing is rounded.' } } }],
    ['a quantity that is not a number', { quantity: 'ten' }, { rows: { 1: { quantity: 'Row 1: Quantity ten is not a number: use digits only, without letters or signs.' } } }],
    ['no row chosen', { include: false }, { fields: { lines: 'Choose at least one row to invoice.' } }],
  ])('refuses %s before anything is sent', (_case, patch, expected) => {
    const form = { ...newInvoiceForm(draft, 'en-US', '2026-03-01'), number: 'INV-9' };
    form.rows[0] = { ...(form.rows[0] as (typeof form.rows)[number]), ...patch };
    const reading = readInvoiceForm(form);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.errors).toMatchObject(expected);
  });

  it('puts main’s refusal beside the row it names, counting only the rows sent', () => {
    const errors = errorsOfRefusal(
      [
        { path: 'lines.0.quantityMilli', message: 'Row 3 would be over-invoiced.' },
        { path: 'lines.0.amountMinor', message: "Row 3's amount would be over-invoiced." },
        { path: 'number', message: 'Invoice INV-9 is already registered.' },
        { path: 'lines', message: 'Row 9 is not on the PO.' },
      ],
      [3],
      'refused',
    );
    expect(errors).toEqual({
      fields: { number: 'Invoice INV-9 is already registered.', lines: 'Row 9 is not on the PO.' },
      rows: { 3: { quantity: 'Row 3 would be over-invoiced.', amount: "Row 3's amount would be over-invoiced." } },
    });
    expect(errorsOfRefusal([], [1], 'The invoice cannot be registered.')).toEqual({ fields: { lines: 'The invoice cannot be registered.' }, rows: {} });
  });
});

describe('the invoice report’s rows', () => {
  it('name each row’s cost centers and every coding it is debited on, once each', () => {
    const line = (lineNumber: number, costCenter: string, amountMinor: number) => ({ lineNumber, side: 'debit' as const, accountCode: '5000', amountMinor, costCenter, costUnit: null, project: null, other: {}, poRowNumber: 1, text: 'x' });
    const detail = {
      invoice: { id: 1, number: 'I', date: '2026-03-01', vendorCode: 'ACME', vendorName: 'Acme', poId: 7, poNumber: 'PO-000007', poRevision: 1, totalMinor: 300, registeredByName: 'Sam', registeredAt: '2026-03-01T10:00:00.000Z', entryNumber: 'AE-000001', entryExportedAt: null, balanced: true },
      lines: [{ rowNumber: 1, description: 'Bolts', quantityMilli: 1_000, amountMinor: 300, costCenters: ['210', '220', '210'] }],
      entry: {
        number: 'AE-000001',
        date: '2026-03-01',
        lines: [line(1, '210', 100), line(2, '220', 100), line(3, '210', 100), { ...line(4, '', 300), side: 'credit' as const, accountCode: '2440', costCenter: null, poRowNumber: null }],
        debitMinor: 300,
        creditMinor: 300,
        differenceMinor: 0,
        balanced: true,
        exportedAt: null,
      },
      registeredReason: null,
    } satisfies InvoiceDetail;
    const model = invoiceReportModel(detail, { companyName: 'Co', locale: 'en-US', printedAt: '2026-03-02T00:00:00.000Z', printedBy: 'Sam' });
    expect(model.rows).toEqual([{ rowNumber: 1, description: 'Bolts', quantityMilli: 1_000, amountMinor: 300, costCenters: ['210', '220'], coding: ['5000 · CC 210 · CU — · P —', '5000 · CC 220 · CU — · P —'] }]);
    expect(codingLine({ accountCode: '4010', costCenter: null, costUnit: 'U1', project: 'P-100' })).toBe('4010 · CC — · CU U1 · P P-100');
  });
});
