import Papa from 'papaparse';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { InvoiceDetail } from '../../src/shared/invoice-schemas';
import { ENTRY_EXPORT_COLUMNS } from '../../src/main/domain/coding/entry-export';
import type { Desk } from '../../src/main/services/desk';
import { expectOk, line, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/**
 * Supplier invoices on both stores, through the real dispatcher. Alice enters POs on BOLT (210,
 * 220, 310) at MAIN; under 10,000.00 a PO is approved on submit, and she releases it. Sam
 * (supervisor) registers the invoices. Coding: every line is on G/L 5000, which is the row's
 * purchase account at the distribution level; the chart has 5000 and BOLT's payables account is
 * 2400, set here in row coding's tables because this suite is about the invoice, not the admin
 * screens that keep them.
 */

async function codeForInvoicing(desk: Desk): Promise<void> {
  const db = desk.db;
  const payables = await db.selectFrom('gl_accounts').select('id').where('code', '=', '2400').executeTakeFirst();
  const payablesId = payables?.id ?? (await db.insertInto('gl_accounts').values({ code: '2400', description: 'Accounts payable', wip: 0 }).returning('id').executeTakeFirstOrThrow()).id;
  const gl5000 = (await db.selectFrom('gl_accounts').select('id').where('code', '=', '5000').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('coding_chart_accounts')
    .values({ gl_account_id: gl5000, active: 1, cost_center: 'mandatory', cost_unit: 'yes', project: 'yes' })
    .onConflict((oc) => oc.column('gl_account_id').doUpdateSet({ active: 1, cost_center: 'mandatory', cost_unit: 'yes', project: 'yes' }))
    .execute();
  const bolt = (await db.selectFrom('vendors').select('id').where('code', '=', 'BOLT').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('coding_vendors')
    .values({ vendor_id: bolt, supplier_group_id: null, supplier_type: 'domestic', payables_account_id: payablesId })
    .onConflict((oc) => oc.column('vendor_id').doUpdateSet({ payables_account_id: payablesId }))
    .execute();
}

/** Every row an invoice registration could write, so a refusal can be shown to have written nothing. */
async function invoiceTables(desk: Desk) {
  const db = desk.db;
  return {
    invoices: await db.selectFrom('supplier_invoices').selectAll().orderBy('id').execute(),
    lines: await db.selectFrom('supplier_invoice_lines').selectAll().orderBy('id').execute(),
    entries: await db.selectFrom('accounting_entries').selectAll().orderBy('id').execute(),
    entryLines: await db.selectFrom('accounting_entry_lines').selectAll().orderBy('id').execute(),
  };
}

forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
    await codeForInvoicing(t.desk);
  });
  afterEach(async () => {
    await t.close();
  });

  /** Alice's PO on BOLT: 10 × 12.50 (125.00) and 4 × 30.00 (120.00), submitted and released. */
  async function releasedPo(): Promise<{ id: number; number: string }> {
    const alice = await t.signIn('alice');
    const saved = expectOk(
      await t.call(alice, 'savePo', {
        vendorCode: 'BOLT',
        warehouseCode: 'MAIN',
        costCenterCode: '210',
        costCenterEntered: true,
        lines: [line('Hex bolts M8', 10_000, 1250), line('Washers, pack', 4_000, 3000)],
      }),
    );
    const approved = expectOk(await t.call(alice, 'changePoStatus', { id: saved.id, version: saved.version, step: 'submit' }));
    expect(approved.status).toBe('approved');
    const released = expectOk(await t.call(alice, 'changePoStatus', { id: saved.id, version: approved.version, step: 'release' }));
    expect(released.status).toBe('released');
    return { id: saved.id, number: saved.number };
  }

  const invoice = (poId: number, number: string, lines: { rowNumber: number; quantityMilli: number; amountMinor: number }[], extra: Record<string, unknown> = {}) => ({
    poId,
    vendorCode: 'BOLT',
    number,
    date: '2026-03-15',
    totalMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0),
    lines,
    ...extra,
  });

  const debitsOf = (detail: InvoiceDetail) => detail.entry.lines.filter((l) => l.side === 'debit').map((l) => [l.poRowNumber, l.accountCode, l.costCenter, l.amountMinor]);

  it('registers an invoice against a released PO: the rows matched, a balanced entry booked, audited, and the draft shows what is left', async () => {
    const po = await releasedPo();
    const sam = await t.signIn('sam');
    const draft = expectOk(await t.call(sam, 'invoiceDraftForPo', { poNumber: po.number.toLowerCase() }));
    expect(draft).toMatchObject({ invoiceable: true, reason: null, canRegister: true, po: { id: po.id, vendorCode: 'BOLT', payablesAccount: '2400' } });
    expect(draft.rows.map((r) => [r.rowNumber, r.remainingQuantityMilli, r.remainingAmountMinor, r.coding[0]?.purchaseAccount, r.coding[0]?.costCenter])).toEqual([
      [1, 10_000, 12_500, '5000', '210'],
      [2, 4_000, 12_000, '5000', '210'],
    ]);

    const detail = expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'INV-7001', [{ rowNumber: 1, quantityMilli: 4_000, amountMinor: 5_000 }, { rowNumber: 2, quantityMilli: 4_000, amountMinor: 12_000 }])));
    expect(detail.invoice).toMatchObject({ number: 'INV-7001', vendorCode: 'BOLT', poNumber: po.number, totalMinor: 17_000, registeredByName: 'Sam Patel', balanced: true, entryNumber: expect.stringMatching(/^AE-\d{6}$/) });
    expect(debitsOf(detail)).toEqual([
      [1, '5000', '210', 5_000],
      [2, '5000', '210', 12_000],
    ]);
    expect(detail.entry.lines.at(-1)).toMatchObject({ side: 'credit', accountCode: '2400', amountMinor: 17_000, poRowNumber: null });
    expect(detail.entry).toMatchObject({ debitMinor: 17_000, creditMinor: 17_000, differenceMinor: 0, balanced: true, exportedAt: null });
    expect(detail.registeredReason).toMatch(/^Invoice INV-7001 from .* matches 2 rows of PO-\d+, 1 of them now fully invoiced: 170\.00 is credited to 2400/);
    expect(detail.lines.map((l) => [l.rowNumber, l.costCenters])).toEqual([
      [1, ['210']],
      [2, ['210']],
    ]);

    const after = expectOk(await t.call(sam, 'invoiceDraftForPo', { poId: po.id }));
    expect(after.rows.map((r) => [r.invoicedQuantityMilli, r.remainingQuantityMilli, r.invoicedAmountMinor, r.remainingAmountMinor])).toEqual([
      [4_000, 6_000, 5_000, 7_500],
      [4_000, 0, 12_000, 0],
    ]);
    const audit = await t.desk.db.selectFrom('audit_log').select(['action', 'rule', 'po_id', 'vendor_code', 'after_value']).where('action', '=', 'supplier-invoice-registered').execute();
    expect(audit).toEqual([{ action: 'supplier-invoice-registered', rule: 'invoice-matched', po_id: po.id, vendor_code: 'BOLT', after_value: expect.stringMatching(/entry AE-\d{6}, debits 170\.00 = credit 170\.00$/) }]);

    // Everyone reads: the operator lists and opens it, but may not register.
    const alice = await t.signIn('alice');
    const list = expectOk(await t.call(alice, 'listSupplierInvoices', { poId: po.id }));
    expect(list).toMatchObject({ canRegister: false, invoices: [{ id: detail.invoice.id, number: 'INV-7001', balanced: true }] });
    expect(expectOk(await t.call(alice, 'listSupplierInvoices', { number: '700' })).invoices).toHaveLength(1);
    expect(expectOk(await t.call(alice, 'listSupplierInvoices', { vendorCode: 'acme' })).invoices).toHaveLength(0);
    expect(expectOk(await t.call(alice, 'openSupplierInvoice', { id: detail.invoice.id })).entry.balanced).toBe(true);
    expect(await t.call(alice, 'registerSupplierInvoice', invoice(po.id, 'INV-7002', [{ rowNumber: 1, quantityMilli: 1_000, amountMinor: 1_250 }]))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^Only a supervisor or an administrator registers supplier invoices/) },
    });
  });

  it('refuses over-invoicing row by row, naming the amounts in the caller’s locale, and writes nothing', async () => {
    const po = await releasedPo();
    const sam = await t.signIn('sam');
    expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'INV-1', [{ rowNumber: 1, quantityMilli: 6_000, amountMinor: 7_500 }])));
    const before = await invoiceTables(t.desk);

    const refused = await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'INV-2', [{ rowNumber: 1, quantityMilli: 5_000, amountMinor: 5_000 }, { rowNumber: 2, quantityMilli: 4_000, amountMinor: 12_001 }]));
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines.0.quantityMilli' } });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.issues).toEqual([
      { path: 'lines.0.quantityMilli', message: "Row 1 would be over-invoiced: ordered 10, already invoiced 6, this invoice 5; at most 4 is left to invoice." },
      { path: 'lines.1.amountMinor', message: "Row 2's amount would be over-invoiced: ordered 120.00, already invoiced 0.00, this invoice 120.01; at most 120.00 is left to invoice." },
    ]);
    expect(await invoiceTables(t.desk)).toEqual(before);

    // Sam reads German: the same refusal in his numbers.
    expectOk(await t.call(sam, 'setMyLocale', { locale: 'de-DE' }));
    const german = await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'INV-3', [{ rowNumber: 2, quantityMilli: 1_500, amountMinor: 123_456 }]));
    if (german.ok) throw new Error('expected a refusal');
    expect(german.error.issues?.[0]?.message).toBe("Row 2's amount would be over-invoiced: ordered 120,00, already invoiced 0,00, this invoice 1.234,56; at most 120,00 is left to invoice.");
    expect(await invoiceTables(t.desk)).toEqual(before);
    const refusals = await t.desk.db.selectFrom('audit_log').select(['rule', 'po_id']).where('action', '=', 'supplier-invoice-refused').orderBy('id').execute();
    expect(refusals).toEqual([
      { rule: 'invoice-quantity-over', po_id: po.id },
      { rule: 'invoice-amount-over', po_id: po.id },
    ]);

    // Exactly what is left is accepted, and the row is then fully invoiced.
    const rest = expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'INV-4', [{ rowNumber: 1, quantityMilli: 4_000, amountMinor: 5_000 }])));
    expect(rest.entry.balanced).toBe(true);
    expect(expectOk(await t.call(sam, 'invoiceDraftForPo', { poId: po.id })).rows[0]).toMatchObject({ remainingQuantityMilli: 0, remainingAmountMinor: 0 });
  });

  it('keeps what was invoiced on a change order: an invoiced row is not deleted nor taken below its invoiced quantity, and nothing is written', async () => {
    const po = await releasedPo();
    const sam = await t.signIn('sam');
    expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'INV-CO-1', [{ rowNumber: 1, quantityMilli: 4_000, amountMinor: 5_000 }])));
    const alice = await t.signIn('alice');
    const released = expectOk(await t.call(alice, 'openPo', { id: po.id, mode: 'view' }));
    const changing = expectOk(await t.call(alice, 'changePoStatus', { id: po.id, version: released.version, step: 'change-order' }));
    const [first, second] = changing.lines;
    const header = { id: changing.id, version: changing.version, vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210' };
    const before = await t.desk.db.selectFrom('po_lines').selectAll().where('po_id', '=', po.id).orderBy('id').execute();

    const deleting = await t.call(alice, 'savePo', { ...header, lines: [{ ...line('Washers, pack', 4_000, 3000), id: second?.id }] });
    expect(deleting).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines', message: 'Line 1 cannot be deleted: 4 of it (50.00) is already on a supplier invoice. Nothing was saved.' } });
    const shrinking = await t.call(alice, 'savePo', { ...header, lines: [{ ...line('Hex bolts M8', 3_000, 1250), id: first?.id }, { ...line('Washers, pack', 4_000, 3000), id: second?.id }] });
    expect(shrinking).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines.0.quantityMilli', message: expect.stringMatching(/^Line 1's quantity cannot go below 4: /) } });
    expect(await t.desk.db.selectFrom('po_lines').selectAll().where('po_id', '=', po.id).orderBy('id').execute()).toEqual(before);
    // A header project would reach the invoiced row, whose booked coding has none: refused too.
    const recoding = await t.call(alice, 'savePo', {
      ...header,
      coding: { organisationCode: null, values: { project: 'P-QUAY' } },
      lines: [{ ...line('Hex bolts M8', 10_000, 1250), id: first?.id }, { ...line('Washers, pack', 4_000, 3000), id: second?.id }],
    });
    expect(recoding).toMatchObject({
      ok: false,
      error: { code: 'refused', field: 'lines.0.coding.project', message: expect.stringMatching(/^Row 1 has been invoiced; its project \(none\) is booked in the accounting entry, and this change would make it P-QUAY\. /) },
    });
    expect(await t.desk.db.selectFrom('po_lines').selectAll().where('po_id', '=', po.id).orderBy('id').execute()).toEqual(before);

    // The uninvoiced row may go, and the invoiced one may grow.
    const changed = expectOk(await t.call(alice, 'savePo', { ...header, lines: [{ ...line('Hex bolts M8', 12_000, 1250), id: first?.id }] }));
    expect(changed.lines.map((l) => [l.lineNumber, l.quantityMilli])).toEqual([[1, 12_000]]);
  });

  it('splits a row over three distributions exactly, so the entry balances to the minor unit', async () => {
    const po = await releasedPo();
    const db = t.desk.db;
    // Row 1 split three ways, equal amounts, on 210, 220 and 110 (the store holds several distributions per line; entry writes one today).
    const rowOne = await db.selectFrom('po_lines').select('id').where('po_id', '=', po.id).where('line_number', '=', 1).executeTakeFirstOrThrow();
    const [first] = await db.selectFrom('po_line_distributions').selectAll().where('line_id', '=', rowOne.id).execute();
    if (!first) throw new Error('row 1 has no distribution');
    const costCenter = async (code: string) => (await db.selectFrom('cost_centers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    await db.updateTable('po_line_distributions').set({ amount_minor: 4_000 }).where('id', '=', first.id).execute();
    const { id: _id, ...copy } = first;
    await db.insertInto('po_line_distributions').values([
      { ...copy, amount_minor: 4_000, cost_center_id: await costCenter('220') },
      { ...copy, amount_minor: 4_000, cost_center_id: await costCenter('110') },
    ]).execute();

    const sam = await t.signIn('sam');
    const detail = expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'SPLIT-1', [{ rowNumber: 1, quantityMilli: 8_000, amountMinor: 10_000 }, { rowNumber: 2, quantityMilli: 1_000, amountMinor: 2_999 }])));
    expect(debitsOf(detail)).toEqual([
      [1, '5000', '210', 3_334],
      [1, '5000', '220', 3_333],
      [1, '5000', '110', 3_333],
      [2, '5000', '210', 2_999],
    ]);
    expect(detail.entry).toMatchObject({ debitMinor: 12_999, creditMinor: 12_999, differenceMinor: 0, balanced: true });
    expect(detail.lines[0]?.costCenters).toEqual(['210', '220', '110']);
    const stored = await db.selectFrom('accounting_entry_lines').select(['debit_minor', 'credit_minor']).execute();
    const debit = stored.reduce((sum, row) => sum + row.debit_minor, 0);
    const credit = stored.reduce((sum, row) => sum + row.credit_minor, 0);
    expect([debit, credit]).toEqual([12_999, 12_999]);
  });

  it('registers an invoice number once per vendor, whatever its case and spaces, and refuses a PO that is not released', async () => {
    const po = await releasedPo();
    const sam = await t.signIn('sam');
    expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'INV-55', [{ rowNumber: 1, quantityMilli: 1_000, amountMinor: 1_250 }])));
    const before = await invoiceTables(t.desk);
    const again = await t.call(sam, 'registerSupplierInvoice', invoice(po.id, '  inv-55 ', [{ rowNumber: 1, quantityMilli: 1_000, amountMinor: 1_250 }]));
    expect(again).toMatchObject({ ok: false, error: { code: 'refused', field: 'number', message: expect.stringMatching(/^Invoice inv-55 from .* is already registered; an invoice is registered once\.$/) } });
    expect(await invoiceTables(t.desk)).toEqual(before);

    const alice = await t.signIn('alice');
    const draftPo = expectOk(await t.call(alice, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] }));
    const draft = expectOk(await t.call(sam, 'invoiceDraftForPo', { poId: draftPo.id }));
    expect(draft).toMatchObject({ invoiceable: false, reason: `${draftPo.number} is a draft; supplier invoices are registered only against a released PO.` });
    expect(await t.call(sam, 'registerSupplierInvoice', invoice(draftPo.id, 'INV-56', [{ rowNumber: 1, quantityMilli: 1_000, amountMinor: 1_250 }]))).toMatchObject({
      ok: false,
      error: { code: 'refused', field: 'poId', message: draft.reason },
    });
    expect(await t.call(sam, 'invoiceDraftForPo', { poNumber: 'PO-999999' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await invoiceTables(t.desk)).toEqual(before);
  });

  it('exports the entries as CSV: not-yet-exported once, a date range as often as asked', async () => {
    const po = await releasedPo();
    const sam = await t.signIn('sam');
    const one = expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'EXP-1', [{ rowNumber: 1, quantityMilli: 2_000, amountMinor: 2_500 }])));
    const two = expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'EXP-2', [{ rowNumber: 2, quantityMilli: 1_000, amountMinor: 3_000 }], { date: '2026-04-02' })));

    const fresh = expectOk(await t.call(sam, 'exportAccountingEntries', { kind: 'not-exported' }));
    expect(fresh).toMatchObject({ entryCount: 2, lineCount: 4, fileName: expect.stringMatching(/^accounting-entries-new-\d{4}-\d{2}-\d{2}\.csv$/) });
    const parsed = Papa.parse<string[]>(fresh.csv.trimEnd(), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      [...ENTRY_EXPORT_COLUMNS],
      [one.invoice.entryNumber, '2026-03-15', 'EXP-1', 'BOLT', po.number, '1', '1', '5000', '210', '', '', '', '25.00', '', `${po.number} row 1: Hex bolts M8`],
      [one.invoice.entryNumber, '2026-03-15', 'EXP-1', 'BOLT', po.number, '', '2', '2400', '', '', '', '', '', '25.00', expect.stringMatching(/^Invoice EXP-1 from /)],
      [two.invoice.entryNumber, '2026-04-02', 'EXP-2', 'BOLT', po.number, '2', '1', '5000', '210', '', '', '', '30.00', '', `${po.number} row 2: Washers, pack`],
      [two.invoice.entryNumber, '2026-04-02', 'EXP-2', 'BOLT', po.number, '', '2', '2400', '', '', '', '', '', '30.00', expect.stringMatching(/^Invoice EXP-2 from /)],
    ]);
    expect(expectOk(await t.call(sam, 'openSupplierInvoice', { id: one.invoice.id })).entry.exportedAt).not.toBeNull();
    expect(expectOk(await t.call(sam, 'exportAccountingEntries', { kind: 'not-exported' }))).toMatchObject({ entryCount: 0, lineCount: 0 });

    const march = expectOk(await t.call(sam, 'exportAccountingEntries', { kind: 'dates', from: '2026-03-01', to: '2026-03-31' }));
    expect(march).toMatchObject({ entryCount: 1, lineCount: 2, fileName: 'accounting-entries-2026-03-01-to-2026-03-31.csv' });
    expect(march.csv.split('\r\n')[1]).toContain('EXP-1');
    expect(await t.call(sam, 'exportAccountingEntries', { kind: 'dates', from: '2026-04-01', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'refused', field: 'from' } });
    const alice = await t.signIn('alice');
    expect(await t.call(alice, 'exportAccountingEntries', { kind: 'not-exported' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const exports = await t.desk.db.selectFrom('audit_log').select('action').where('action', '=', 'accounting-entries-exported').execute();
    expect(exports).toHaveLength(3);
  });

  it('prints the invoice report as a PDF', async () => {
    const po = await releasedPo();
    const sam = await t.signIn('sam');
    const detail = expectOk(await t.call(sam, 'registerSupplierInvoice', invoice(po.id, 'REP/1', [{ rowNumber: 1, quantityMilli: 2_000, amountMinor: 2_500 }])));
    const report = expectOk(await t.call(sam, 'invoiceReport', { id: detail.invoice.id }));
    expect(report.fileName).toBe('invoice-BOLT-REP_1.pdf');
    expect(Buffer.from(report.contentBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
