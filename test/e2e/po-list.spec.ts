import type { Page } from '@playwright/test';
import { expect, saveScreenshot, signIn, test } from './desk-fixture';

/**
 * The PO list asks main for one page of 50 at a time. POs are saved through the app's own
 * `window.api` (the real dispatcher and services), each save's change notice refreshing the list.
 */

const table = (page: Page) => page.getByRole('table', { name: 'Purchase orders' });
const bodyRows = (page: Page) => table(page).locator('tbody tr');
const pageStatus = (page: Page) => page.getByRole('navigation', { name: 'Pages' }).locator('.po-list-page-status');
const header = (page: Page, name: string) => table(page).getByRole('columnheader', { name: new RegExp(`^${name}`) });

/** Saves `count` new POs as the signed-in operator (Pat: GENERAL at NORTH on 310, HARBOUR at MAIN on 320, alternately). */
async function savePosAsPat(page: Page, count: number): Promise<void> {
  const failures = await page.evaluate(async (n) => {
    const problems: string[] = [];
    for (let i = 0; i < n; i++) {
      const harbour = i % 2 === 1;
      const result = await window.api.savePo({
        vendorCode: harbour ? 'HARBOUR' : 'GENERAL',
        warehouseCode: harbour ? 'MAIN' : 'NORTH',
        costCenterCode: harbour ? '320' : '310',
        costCenterEntered: true,
        lines: [{ itemCode: null, description: `List line ${i + 1}`, quantityMilli: 1000 * (1 + (i % 9)), unitCostMinor: 1234 + i, glAccountCode: '5000' }],
      });
      if (!result.ok) problems.push(result.error.message);
    }
    return problems;
  }, count);
  expect(failures).toEqual([]);
}

/** Steps through `window.api` as the signed-in operator, each at the version main has then. */
async function stepAll(page: Page, steps: { number: string; step: 'submit' | 'release' | 'cancel' | 'change-order'; reason?: string }[]): Promise<void> {
  const failures = await page.evaluate(async (list) => {
    const problems: string[] = [];
    const found = await window.api.listPos({ pageSize: 200 });
    if (!found.ok) return [found.error.message];
    for (const { number, step, reason } of list) {
      const id = found.value.rows.find((row) => row.number === number)?.id;
      const opened = id === undefined ? null : await window.api.openPo({ id, mode: 'view' });
      if (!opened?.ok) {
        problems.push(`${number} not found`);
        continue;
      }
      const result = await window.api.changePoStatus({ id: opened.value.id, version: opened.value.version, step, ...(reason ? { reason } : {}) });
      if (!result.ok) problems.push(`${number} ${step}: ${result.error.message}`);
    }
    return problems;
  }, steps);
  expect(failures).toEqual([]);
}

test('pages through more than 50 POs, sorts by a header, filters, and opens a PO with Enter or C', async ({ page }) => {
  await signIn(page, 'pat');
  await expect(pageStatus(page)).toHaveText('Page 1 of 1 · 2 POs');
  await savePosAsPat(page, 58);

  // Live refresh: every save's change notice asked main again; nothing was clicked.
  await expect(pageStatus(page)).toHaveText('Page 1 of 2 · 60 POs');
  await expect(bodyRows(page)).toHaveCount(50);
  await expect(header(page, 'Number')).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(page).first()).toContainText('PO-000060');
  await saveScreenshot(page, 'po-list-page-1');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(pageStatus(page)).toHaveText('Page 2 of 2 · 60 POs');
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(bodyRows(page).last()).toContainText('PO-000001');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();

  // Keyboard: PageUp and PageDown turn the page, arrows move the selection.
  await expect(bodyRows(page).first()).toBeFocused();
  await page.keyboard.press('PageUp');
  await expect(pageStatus(page)).toHaveText('Page 1 of 2 · 60 POs');
  await expect(bodyRows(page).first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(bodyRows(page).nth(2)).toBeFocused();
  await expect(bodyRows(page).nth(2)).toContainText('PO-000058');
  await page.keyboard.press('PageDown');
  await expect(pageStatus(page)).toHaveText('Page 2 of 2 · 60 POs');
  await expect(bodyRows(page).first()).toContainText('PO-000010');

  // Sorting by clicking a header, and by Enter on one; the order comes from main.
  await table(page).getByRole('button', { name: /^Total/ }).click();
  await expect(header(page, 'Total')).toHaveAttribute('aria-sort', 'descending');
  await expect(header(page, 'Number')).toHaveAttribute('aria-sort', 'none');
  await expect(pageStatus(page)).toHaveText('Page 1 of 2 · 60 POs');
  const totals = await bodyRows(page).locator('td.num').allTextContents();
  const amounts = totals.map((text) => Number(text.replace(/[^0-9.]/g, '')));
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  await table(page).getByRole('button', { name: /^Number/ }).focus();
  await page.keyboard.press('Enter');
  await expect(header(page, 'Number')).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('Enter');
  await expect(header(page, 'Number')).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(page).first()).toContainText('PO-000001');

  // Filters: search (sent once typing pauses), status, mine.
  await page.getByLabel('Search').fill('marine');
  await expect(pageStatus(page)).toHaveText('Page 1 of 1 · 29 POs');
  await expect(bodyRows(page)).toHaveCount(29);
  for (const text of await bodyRows(page).allTextContents()) expect(text).toContain('HARBOUR');
  await page.getByLabel('Status').selectOption('closed');
  await expect(pageStatus(page)).toHaveText('Page 1 of 1 · 0 POs');
  await expect(page.getByText('No purchase orders match the filter.')).toBeVisible();
  await page.getByLabel('Status').selectOption('draft');
  await expect(pageStatus(page)).toHaveText('Page 1 of 1 · 29 POs');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(pageStatus(page)).toHaveText('Page 1 of 2 · 60 POs');
  await expect(page.getByLabel('Search')).toHaveValue('');
  await page.getByLabel('Mine only').check();
  // PO-000002 is Alice's; the other 59 are Pat's.
  await expect(pageStatus(page)).toHaveText('Page 1 of 2 · 59 POs');
  await page.getByLabel('Mine only').uncheck();

  // Search by PO number prefix, then Enter in the box goes to the first row; Enter views it.
  const search = page.getByLabel('Search');
  await search.fill('po-00002');
  await search.press('Enter');
  await expect(pageStatus(page)).toHaveText('Page 1 of 1 · 10 POs');
  await expect(bodyRows(page).first()).toBeFocused();
  await expect(bodyRows(page).first()).toContainText('PO-000020');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'PO-000021' })).toBeVisible();
  await expect(page.getByText('Viewing', { exact: true })).toBeVisible();

  // Back in the list the filter and order are as they were; C opens the selected PO for change.
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await expect(page.getByLabel('Search')).toHaveValue('po-00002');
  await expect(header(page, 'Number')).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(page)).toHaveCount(10);
  await bodyRows(page).nth(3).focus();
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { name: 'PO-000023' })).toBeVisible();
  await expect(page.getByText('Changing', { exact: true })).toBeVisible();
});

test('a saved PO appears in the list with its vendor, cost center, warehouse, status and total by the operator\u2019s locale', async ({ page }) => {
  await signIn(page, 'alice');
  const saved = await page.evaluate(async () => {
    const result = await window.api.savePo({
      vendorCode: 'ACME',
      warehouseCode: 'MAIN',
      costCenterCode: '210',
      costCenterEntered: true,
      lines: [{ itemCode: null, description: 'Hex bolts M8', quantityMilli: 2000, unitCostMinor: 617_025, glAccountCode: '5000' }],
    });
    return result.ok ? result.value.number : result.error.message;
  });
  expect(saved).toBe('PO-000003');
  const row = page.getByRole('row', { name: /PO-000003/ });
  for (const text of ['ACME', '210', 'MAIN', 'Draft', '12,340.50', 'Alice Moreau']) await expect(row).toContainText(text);

  // Swedish: a space groups thousands, a comma marks decimals; dates as year-month-day.
  await page.evaluate(() => window.api.setMyLocale({ locale: 'sv-SE' }));
  await expect(row).toContainText('12\u00a0340,50');
  await expect(row.locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
});

for (const [width, height] of [
  [1024, 700],
  [1920, 1080],
] as const) {
  test(`fits ${width}×${height}: no sideways scroll, every column header readable`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, 'pat');
    await savePosAsPat(page, 12);
    // Where a PO stands and why takes the most room: a long cancel reason, a note from approval on submit, a revision 2.
    await stepAll(page, [
      { number: 'PO-000014', step: 'cancel', reason: 'Ordered twice: PO-000013 covers the same delivery, confirmed by the vendor on the phone' },
      { number: 'PO-000013', step: 'submit' },
      { number: 'PO-000012', step: 'submit' },
      { number: 'PO-000012', step: 'release' },
      { number: 'PO-000012', step: 'change-order' },
    ]);
    await expect(pageStatus(page)).toHaveText('Page 1 of 1 · 14 POs');
    await expect(bodyRows(page).nth(0)).toContainText('Cancelled by Pat Nguyen: Ordered twice');
    await expect(bodyRows(page).nth(1)).toContainText('Approved');
    await expect(bodyRows(page).nth(2)).toContainText('rev. 2');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const headers = await table(page).locator('thead .sort-label').evaluateAll((labels) =>
      labels.map((label) => ({ text: label.textContent, cut: label.scrollWidth > label.clientWidth, width: label.getBoundingClientRect().width })),
    );
    expect(headers.map((each) => each.text)).toEqual(['Number', 'Vendor', 'Cost center', 'Warehouse', 'Status', 'Total', 'Created by', 'Updated']);
    for (const each of headers) expect(each, `${each.text} header`).toMatchObject({ cut: false });
    // Every cell shows its PO number and code whole; only long names may be cut, with the full text in the title.
    // The status cell wraps its why onto lines of its own, and is never wider than its column.
    const cut = await bodyRows(page)
      .locator('td:not(:nth-child(2)):not(:nth-child(7))')
      .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
    expect(cut).toEqual([]);
    await saveScreenshot(page, `po-list-${width}x${height}`);
  });
}
