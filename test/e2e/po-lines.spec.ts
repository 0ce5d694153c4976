import type { Page } from '@playwright/test';
import { expect, saveScreenshot, signIn, test } from './desk-fixture';

/**
 * Demo PO-000001 is Pat's: line 1 (210) Alice may change, line 2 (410, fleet) she may only see,
 * line 3 is direct work-order cost from WO-2001, line 4 sits on WIP G/L 1400, whose NORTH
 * override allows only 220. PO-000002 uses job J-100 at 12 Harbour Rd (site override 310, 320).
 */
async function openFromList(page: Page, number: string, mode: 'View' | 'Change') {
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.getByRole('button', { name: `${mode} ${number}` }).click();
  await expect(page.getByRole('heading', { name: number })).toBeVisible();
}

async function commit(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

test('changing a work order takes the cost center with it; a disallowed one is refused and the line keeps its own', async ({ page }) => {
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'New PO' }).click();
  await commit(page, 'Vendor', 'BOLT');
  await page.getByLabel('Warehouse', { exact: true }).selectOption('MAIN');
  await commit(page, 'Cost center', '210');
  await page.getByLabel('Line 1 description').fill('Pump seal kit');
  await page.getByLabel('Line 1 quantity').fill('2');
  await page.getByLabel('Line 1 unit cost').fill('35');
  await commit(page, 'Line 1 G/L account', '5100');

  const costCenter = page.getByLabel('Line 1 cost center');
  const reason = page.locator('[id$="-cost-center-reason"]').first();
  await commit(page, 'Line 1 work order', 'WO-2001');
  await expect(costCenter).toHaveValue('210');
  await expect(reason).toHaveText('From work order WO-2001.');

  await commit(page, 'Line 1 work order', 'WO-2002');
  await expect(costCenter).toHaveValue('220');
  await expect(page.getByLabel('Line 1 job')).toHaveValue('J-200');
  await expect(reason).toHaveText('From work order WO-2002.');

  await commit(page, 'Line 1 work order', 'WO-1001');
  await expect(page.getByLabel('Line 1 work order')).toHaveValue('WO-2002');
  await expect(page.getByLabel('Line 1 job')).toHaveValue('J-200');
  await expect(costCenter).toHaveValue('220');
  await expect(page.getByLabel('Line 1 work order')).toHaveAttribute('aria-invalid', 'true');
  const note = page.getByLabel('Line 1 note');
  await expect(note).toContainText('work order WO-1001 charges cost center 310; your scheme NORTH allows 210, 220, 110');
  await expect(note).toContainText('The line keeps work order WO-2002 and cost center 220.');
  await saveScreenshot(page, 'lines-work-order-refused');

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved PO-000003');
  await expect(costCenter).toHaveValue('220');
});

test('a direct work-order cost line shows its cost center read-only, with the reason', async ({ page }) => {
  await signIn(page, 'alice');
  await openFromList(page, 'PO-000001', 'Change');
  const costCenter = page.getByLabel('Line 3 cost center');
  await expect(costCenter).toHaveValue('210');
  await expect(costCenter).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Line 3 type')).toHaveValue('direct-wo-cost');
  await expect(page.locator('.grid-row').nth(2)).toContainText('From work order WO-2001; direct work-order cost keeps it.');
  // The rest of the line stays editable.
  await expect(page.getByLabel('Line 3 quantity')).not.toHaveAttribute('readonly', '');
});

test('another operator’s PO shows every line; only the lines within your cost centers can be edited', async ({ page }) => {
  await signIn(page, 'alice');
  await openFromList(page, 'PO-000001', 'Change');
  await expect(page.getByText('Changing', { exact: true })).toBeVisible();
  await expect(page.locator('.grid-row')).toHaveCount(4);
  await expect(page.getByLabel('Line 2 cost center')).toHaveValue('410');
  await expect(page.getByLabel('Line 2 quantity')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Line 2 note')).toContainText('Line 2 is read-only: your scheme NORTH allows 210, 220, 110; this line is 410.');
  await expect(page.getByLabel('Line 4 note')).toContainText('WIP G/L account 1400 allows 220; this line is 210.');
  await expect(page.getByText('2 of 4 outside your cost centers')).toBeVisible();
  await saveScreenshot(page, 'lines-change-mode');

  await page.getByLabel('Line 1 quantity').fill('12');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved PO-000001');
  await expect(page.getByLabel('Line 1 quantity')).toHaveValue('12');
  await expect(page.getByLabel('Line 2 quantity')).toHaveValue('4');
  await expect(page.getByText('Version 2')).toBeVisible();
});

test('viewing shows all lines read-only; change mode refused by a site override says why', async ({ page }) => {
  await signIn(page, 'alice');
  await openFromList(page, 'PO-000001', 'View');
  await expect(page.getByText('Viewing', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Line 1 quantity')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeDisabled();
  await saveScreenshot(page, 'lines-view-mode');

  await openFromList(page, 'PO-000002', 'Change');
  await expect(page.getByRole('alert')).toHaveText("You cannot change PO-000002: site 12 Harbour Rd allows 310, 320; this PO's cost center is 210.");
  await expect(page.getByText('Viewing', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Line 1 job')).toHaveValue('J-100');
});

test('Delete removes a line after confirmation, and is refused for a line the WIP override keeps out of reach', async ({ page }) => {
  await signIn(page, 'alice');
  await openFromList(page, 'PO-000001', 'Change');

  await page.getByRole('button', { name: 'Line 4', exact: true }).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alert')).toHaveText('Line 4 cannot be deleted: WIP G/L account 1400 allows 220; this line is 210.');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('.grid-row')).toHaveCount(4);

  await page.getByRole('button', { name: 'Line 1', exact: true }).focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog', { name: 'Remove line 1?' });
  await expect(dialog).toBeVisible();
  await saveScreenshot(page, 'lines-delete-confirmation');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.grid-row')).toHaveCount(4);

  await page.getByRole('button', { name: 'Line 1', exact: true }).focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(page.locator('.grid-row')).toHaveCount(3);
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved PO-000001');
  await expect(page.getByLabel('Line 1 cost center')).toHaveValue('410');
});
