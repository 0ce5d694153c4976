import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { SavePoInput } from '../../src/shared/contracts';
import { pdfText } from '../support/pdf-tools';
import { expect, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * A supplier invoice from the Invoices view: Bob's PO on ACME is released (set up through
 * `window.api`, the life cycle's own calls), then Sam, a supervisor, registers the vendor's invoice
 * against it by keyboard — an over-invoiced row refused beside the row, then the corrected invoice
 * registered and its balanced entry shown — exports the entries as CSV and prints the invoice report.
 * The demo's coding puts every line on its G/L account as purchase account and gives ACME a
 * payables account.
 */

const SHOTS = resolve(__dirname, '../../.tmp/shots-invoices');

async function releasedPo(page: Page): Promise<{ id: number; number: string }> {
  const input: SavePoInput = {
    vendorCode: 'ACME',
    warehouseCode: 'MAIN',
    costCenterCode: '210',
    costCenterEntered: true,
    lines: [
      { itemCode: null, description: 'Hex bolts M8, box of 100', quantityMilli: 10_000, unitCostMinor: 1250, glAccountCode: '5000' },
      { itemCode: null, description: 'Spring washers, pack', quantityMilli: 4_000, unitCostMinor: 3000, glAccountCode: '5000' },
    ],
  };
  const outcome = await page.evaluate(async (po) => {
    const saved = await window.api.savePo(po);
    if (!saved.ok) return saved.error.message;
    for (const step of ['submit', 'release'] as const) {
      const opened = await window.api.openPo({ id: saved.value.id, mode: 'view' });
      if (!opened.ok) return opened.error.message;
      const moved = await window.api.changePoStatus({ id: saved.value.id, version: opened.value.version, step });
      if (!moved.ok) return moved.error.message;
    }
    return { id: saved.value.id, number: saved.value.number };
  }, input);
  if (typeof outcome === 'string') throw new Error(`The PO was not released: ${outcome}`);
  return outcome;
}


test('a supervisor registers an invoice against a released PO by keyboard: over-invoicing refused beside the row, then the balanced entry shown, exported and reported', async ({ page }) => {
  await signIn(page, 'bob');
  const po = await releasedPo(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'sam');

  await page.getByRole('button', { name: 'Invoices', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Supplier invoices', level: 1 })).toBeVisible();
  await expect(page.getByText('No supplier invoices yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Register invoice…' }).click();
  const poField = page.getByLabel('Released PO');
  await expect(poField).toBeFocused();
  await poField.fill(po.number);
  await poField.press('Enter');

  const rows = page.getByRole('table', { name: `Rows of ${po.number} to invoice` });
  await expect(rows).toBeVisible();
  const quantity = (row: number) => page.getByLabel(`Row ${row} quantity invoiced`);
  const amount = (row: number) => page.getByLabel(`Row ${row} amount invoiced`);
  // Prefilled with what is left: everything, since nothing was invoiced yet.
  await expect(quantity(1)).toHaveValue('10');
  await expect(amount(1)).toHaveValue('125.00');
  await expect(amount(2)).toHaveValue('120.00');
  await expect(page.getByLabel('Invoice total')).toHaveValue('245.00');

  const number = page.getByLabel('Vendor’s invoice number');
  await expect(number).toBeFocused();
  await number.fill('ACME-INV-301');
  await quantity(1).fill('12');
  await amount(1).fill('150.00');
  await expect(page.getByLabel('Invoice total')).toHaveValue('270.00');
  await quantity(1).press('Enter');

  const refusal = 'Row 1 would be over-invoiced: ordered 10, already invoiced 0, this invoice 12; at most 10 is left to invoice.';
  await expect(rows.getByRole('alert').filter({ hasText: refusal })).toBeVisible();
  await expect(rows.getByRole('alert').filter({ hasText: "Row 1's amount would be over-invoiced: ordered 125.00, already invoiced 0.00, this invoice 150.00" })).toBeVisible();
  await expect(quantity(1)).toBeFocused();
  await expect(quantity(1)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^Nothing was registered\./)).toBeVisible();
  await screenshotsAtBothSizes(page, 'invoice-refused', SHOTS);

  // What was typed is kept; the operator corrects row 1 to a partial delivery.
  await expect(quantity(1)).toHaveValue('12');
  await quantity(1).fill('4');
  await amount(1).fill('50.00');
  await expect(page.getByLabel('Invoice total')).toHaveValue('170.00');
  await amount(1).press('Enter');

  const detail = page.getByRole('region', { name: 'Invoice ACME-INV-301 from ACME' });
  await expect(detail).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Invoice ACME-INV-301 from`);
  const entry = detail.getByRole('table', { name: /^Accounting entry AE-\d{6}$/ });
  await expect(entry.getByRole('row')).toHaveCount(5);
  await expect(entry.getByRole('row').nth(1)).toContainText('5000');
  await expect(entry.getByRole('row').nth(1)).toContainText('210');
  await expect(entry.getByRole('row').nth(1)).toContainText('50.00');
  await expect(entry.getByRole('row').nth(2)).toContainText('120.00');
  await expect(entry.getByLabel('Debits 170.00')).toBeVisible();
  await expect(entry.getByLabel('Credit 170.00')).toBeVisible();
  await expect(detail.getByText('Balanced', { exact: true })).toBeVisible();
  await expect(detail.getByText('Debits 170.00 equal the credit 170.00 to the minor unit.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Supplier invoices' }).getByRole('row')).toHaveCount(2);
  await screenshotsAtBothSizes(page, 'invoice-registered', SHOTS);

  // Export: the not-yet-exported entries, by keyboard.
  await page.getByRole('button', { name: 'Export entries…' }).click();
  await expect(page.getByRole('radio', { name: /Not yet exported/ })).toBeFocused();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(csvDownload.suggestedFilename()).toMatch(/^accounting-entries-new-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await csvDownload.path())).toString('utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Entry,Date,Invoice,Vendor,PO,PO row,Line,Account,Cost center,Cost unit,Project,Other dimensions,Debit,Credit,Text');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(`ACME-INV-301,ACME,${po.number},1,1,5000,210,`);
  expect(lines[1]).toContain(',50.00,,');
  expect(lines[3]).toContain(',,170.00,');
  await expect(page.getByRole('status')).toContainText('Exported 1 entry (3 lines)');
  await expect(page.getByRole('button', { name: 'Export entries…' })).toBeFocused();

  // The invoice report: the invoice, its rows' cost centers and the entry.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: 'Invoice report (PDF)' }).click()]);
  expect(pdfDownload.suggestedFilename()).toBe('invoice-ACME-ACME-INV-301.pdf');
  const bytes = await readFile(await pdfDownload.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes);
  expect(text).toContain('Supplier invoice ACME-INV-301');
  expect(text).toContain('Cost center');
  expect(text).toContain('210');
  expect(text).toContain('Balanced');
});

test('an operator reads invoices but cannot register one', async ({ page }) => {
  await signIn(page, 'bob');
  await page.getByRole('button', { name: 'Invoices', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Supplier invoices', level: 1 })).toBeVisible();
  await expect(page.getByText('No supplier invoices yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Register invoice…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export entries…' })).toHaveCount(0);
});
