import type { Page } from '@playwright/test';
import { expect, saveScreenshot, signIn, test } from './desk-fixture';

async function newPo(page: Page) {
  await page.getByRole('button', { name: 'New PO' }).click();
  await expect(page.getByLabel('Vendor', { exact: true })).toBeVisible();
}

async function chooseVendor(page: Page, code: string) {
  const vendor = page.getByLabel('Vendor', { exact: true });
  await vendor.fill(code);
  await vendor.press('Tab');
}

async function chooseWarehouse(page: Page, code: string) {
  const warehouse = page.getByLabel('Warehouse', { exact: true });
  if ((await warehouse.evaluate((element) => element.tagName)) === 'SELECT') await warehouse.selectOption(code);
  else {
    await warehouse.fill(code);
    await warehouse.press('Tab');
  }
}

test('a new PO gets its cost center by default, with the reason, and is found in the list after saving', async ({ page }) => {
  await signIn(page, 'alice');
  await newPo(page);
  await chooseVendor(page, 'ACME');
  await chooseWarehouse(page, 'MAIN');
  await expect(page.getByLabel('Cost center', { exact: true })).toHaveValue('210');
  await expect(page.locator('#cost-center-reason')).toHaveText(/210 because it is the only one vendor ACME shares with you/);

  await page.getByLabel('Line 1 description').fill('Hex bolts M8');
  await page.getByLabel('Line 1 quantity').fill('2');
  await page.getByLabel('Line 1 unit cost').fill('12.50');
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await expect(page.getByLabel('PO total')).toContainText('25.00');
  await saveScreenshot(page, 'po-entry-defaulted-cost-center');

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toContainText('PO-000003');

  await page.getByRole('button', { name: 'Purchase orders' }).click();
  const row = page.getByRole('row', { name: /PO-000003/ });
  await expect(row).toContainText('ACME');
  await expect(row).toContainText('210');
  await expect(row).toContainText('MAIN');
  await expect(row).toContainText('Draft');
  await expect(row).toContainText('25.00');
  await saveScreenshot(page, 'po-list');
});

test('a vendor that shares no cost center with the operator is refused, naming both lists', async ({ page }) => {
  await signIn(page, 'alice');
  await newPo(page);
  await chooseVendor(page, 'FLEETCO');
  const reason = page.locator('#vendor-reason');
  await expect(reason).toHaveAttribute('data-status', 'refused');
  await expect(reason).toContainText('shares no cost center with you');
  await expect(reason).toContainText('410');
  await expect(reason).toContainText('210, 220, 110');
  await expect(page.getByLabel('Vendor', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('a warehouse whose override excludes the cost center is refused, and saving keeps nothing', async ({ page }) => {
  await signIn(page, 'alice');
  await newPo(page);
  await chooseVendor(page, 'BOLT');
  const costCenter = page.getByLabel('Cost center', { exact: true });
  await costCenter.fill('210');
  await costCenter.press('Tab');
  await chooseWarehouse(page, 'HARBOUR');
  const reason = page.locator('#warehouse-reason');
  await expect(reason).toHaveAttribute('data-status', 'refused');
  await expect(reason).toContainText('The override for warehouse HARBOUR allows 310, 320');
  await expect(reason).toContainText("this PO's cost center is 210");
  await page.getByLabel('Line 1 description').fill('Shackles');
  await page.getByLabel('Line 1 quantity').fill('4');
  await page.getByLabel('Line 1 unit cost').fill('8');
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await saveScreenshot(page, 'po-entry-refused-warehouse');

  await page.keyboard.press('Control+s');
  // The refusal stands once, beside the warehouse; the summary on top links to it.
  const summary = page.getByRole('alert', { name: 'Why the PO was not saved' });
  await expect(summary.getByRole('button', { name: 'Warehouse' })).toBeVisible();
  await expect(page.getByText('The override for warehouse HARBOUR allows 310, 320', { exact: false })).toHaveCount(1);
  await expect(page.getByLabel('Warehouse', { exact: true })).toBeFocused();

  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  // Only the two demo POs: the refused one was never written.
  await expect(page.getByRole('row', { name: /PO-0000/ })).toHaveCount(2);
});

test('the keyboard alone enters a PO: Tab through the header, Enter adds a line', async ({ page }) => {
  await signIn(page, 'bob');
  await page.keyboard.press('Alt+n');
  const vendor = page.getByLabel('Vendor', { exact: true });
  await expect(vendor).toBeFocused();
  await vendor.fill('BOLT');
  await vendor.press('Tab');
  await expect(page.getByLabel('Cost center', { exact: true })).toHaveValue('210');
  await expect(page.locator('#cost-center-reason')).toContainText('only one your scheme SOLO allows');
  await chooseWarehouse(page, 'NORTH');
  await page.getByLabel('Line 1 description').fill('Gloves');
  await page.getByLabel('Line 1 quantity').fill('10');
  await page.getByLabel('Line 1 unit cost').fill('8.99');
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await page.getByLabel('Line 1 unit cost').press('Enter');
  await expect(page.getByLabel('Line 2 item')).toBeFocused();
  await page.getByLabel('Line 2 description').fill('Filters');
  await page.getByLabel('Line 2 quantity').fill('1.5');
  await page.getByLabel('Line 2 unit cost').fill('45.75');
  await expect(page.getByLabel('Line 2 G/L account')).toHaveValue('5000');
  await expect(page.getByLabel('PO total')).toContainText('158.53');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toContainText('PO-000003');
});
