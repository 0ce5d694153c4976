import type { Page } from '@playwright/test';
import { expect, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * Admin → Master data: an admin adds a cost center, shares it with a vendor, builds a scheme with
 * a warehouse override and puts Bob on it; Bob's PO entry then offers the scheme's list, and at
 * that warehouse the override's. A cost center in use cannot be deleted, and the dialog says where
 * it is used. Demo: vendor GENERAL shares 110…HQ; warehouse HARBOUR exists; Bob is on scheme SOLO.
 */

const SHOTS = '.tmp/shots-master-data';


async function openMasterData(page: Page, kind: string): Promise<void> {
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('navigation', { name: 'Kinds of master data' }).getByRole('button', { name: kind, exact: true }).click();
  await expect(page.getByRole('heading', { name: kind, exact: true })).toBeVisible();
}

async function costCenterChoices(page: Page, warehouse: string): Promise<string[]> {
  await page.getByLabel('Warehouse', { exact: true }).selectOption(warehouse);
  const field = page.getByLabel('Cost center', { exact: true });
  await field.fill('');
  await field.focus();
  await page.keyboard.press('ArrowDown');
  const options = page.getByRole('listbox', { name: 'Cost center choices' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  const texts = await options.allInnerTexts();
  await page.keyboard.press('Escape');
  return texts.map((text) => text.trim().split(/\s+/)[0] as string);
}

test('an admin adds a cost center and a scheme with a warehouse override, puts an operator on it, and PO entry follows', async ({ page }) => {
  await signIn(page, 'admin');
  await openMasterData(page, 'Cost centers');
  await expect(page.getByLabel('Filter cost centers')).toBeFocused();
  await expect(page.getByRole('table', { name: 'Cost centers' }).getByRole('row')).toHaveCount(10);
  await expect(page.getByText('1–9 of 9')).toBeVisible();
  await screenshotsAtBothSizes(page, 'list', SHOTS);

  // Keyboard: ↓ into the rows, N for a new record.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#master-row-110')).toBeFocused();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Code', { exact: true })).toBeFocused();
  await page.getByLabel('Code', { exact: true }).fill('650');
  await page.getByLabel('Cost group').fill('yard');
  await page.keyboard.press('Enter');
  // Refused beside the field, and nothing saved.
  await expect(page.locator('#master-field-description-error')).toHaveText('Enter the description.');
  await expect(page.getByLabel('Description', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Description', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Description', { exact: true }).fill('Yard works');
  await screenshotsAtBothSizes(page, 'form', SHOTS);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Cost center 650 added.' })).toBeVisible();
  await expect(page.locator('#master-row-650')).toContainText('YARD');

  // The vendor form: GENERAL shares the new cost center too.
  await openMasterData(page, 'Vendors');
  await page.getByLabel('Filter vendors').fill('general');
  await expect(page.getByText('1–1 of 1')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Change vendor GENERAL' })).toBeVisible();
  const shared = page.getByLabel('Shared cost centers');
  await shared.fill(`${await shared.inputValue()}; 650`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Vendor GENERAL saved.' })).toBeVisible();

  // The scheme editor: list one by one, a warehouse override with its own list.
  await openMasterData(page, 'Schemes');
  await page.getByRole('button', { name: 'New scheme' }).click();
  await expect(page.locator('#scheme-code')).toBeFocused();
  await page.locator('#scheme-code').fill('all');
  await page.locator('#scheme-description').fill('Yard crew');
  await page.locator('#scheme-list-add-code').fill('410; 650');
  await page.locator('#scheme-list-add-code').press('Enter');
  await expect(page.getByRole('list', { name: 'Cost centers of the scheme' }).getByRole('listitem')).toHaveText([/410/, /650/]);
  // Alt+↑ moves the focused entry up.
  await page.locator('#scheme-list-item-650').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('list', { name: 'Cost centers of the scheme' }).getByRole('listitem')).toHaveText([/650/, /410/]);
  await page.getByRole('button', { name: 'Add warehouse override' }).click();
  await expect(page.locator('#override-0-key')).toBeFocused();
  await page.locator('#override-0-key').fill('harbour');
  await page.locator('#override-0-list-add-code').fill('310; 650');
  await page.locator('#override-0-list-add-code').press('Enter');
  await expect(page.locator('.override-card .cc-said')).toContainText('Added to the override for warehouse harbour in scheme ALL: 310, 650.');
  await page.getByRole('button', { name: 'Add scheme' }).click();
  await expect(page.locator('#scheme-code-error')).toContainText('Scheme code all is reserved');
  await expect(page.locator('#scheme-code')).toBeFocused();
  await page.locator('#scheme-code').fill('YARDS');
  await page.getByRole('button', { name: 'Add scheme' }).click();
  await expect(page.getByRole('heading', { name: 'Change scheme YARDS' })).toBeVisible();
  await expect(page.locator('#override-0-key')).toHaveValue('HARBOUR');

  const bob = page.getByLabel(/^Bob Lindqvist/);
  await expect(bob).not.toBeChecked();
  // Saved at once: the box follows main's answer.
  await bob.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Bob Lindqvist is on scheme YARDS now.' })).toBeVisible();
  await expect(bob).toBeChecked();
  await screenshotsAtBothSizes(page, 'scheme-editor', SHOTS);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'bob');
  await page.getByRole('button', { name: 'New PO' }).click();
  const vendor = page.getByLabel('Vendor', { exact: true });
  await vendor.fill('GENERAL');
  await vendor.press('Tab');
  expect(await costCenterChoices(page, 'MAIN')).toEqual(['650', '410']);
  expect(await costCenterChoices(page, 'HARBOUR')).toEqual(['310', '650']);
});

test('a cost center in use cannot be deleted: the dialog names where it is used and offers deactivation', async ({ page }) => {
  await signIn(page, 'admin');
  await openMasterData(page, 'Cost centers');
  await page.getByLabel('Filter cost centers').fill('maintenance north');
  await expect(page.getByText('1–1 of 1')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#master-row-210')).toBeFocused();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog', { name: 'Delete cost center 210?' });
  await expect(dialog.getByTestId('master-usage')).toContainText(/It cannot be deleted\. Cost center 210 is used by \d+ POs?, .*schemes?.*vendors?.*work order WO-2001.*: deactivate it instead\./);
  await expect(dialog.getByRole('button', { name: 'Delete cost center' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Deactivate instead' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/in-use-dialog.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#master-row-210')).toBeFocused();
  await expect(page.locator('#master-row-210')).not.toContainText('inactive');

  // A supervisor reads the same list but cannot change it.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'sam');
  await openMasterData(page, 'Cost centers');
  await expect(page.getByRole('button', { name: 'New cost center' })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cost center 110' })).toBeVisible();
  await expect(page.getByLabel('Description', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Back to the list' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Cost centers', exact: true })).toBeVisible();
});

test('leaving an admin form with unsaved changes asks first: staying keeps what was typed, discarding leaves', async ({ page }) => {
  await signIn(page, 'admin');
  await openMasterData(page, 'Cost centers');
  await page.getByRole('button', { name: 'New cost center' }).click();
  await page.getByLabel('Code', { exact: true }).fill('777');
  const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });

  // Another Admin tab, another kind, another view: each asks, and Stay keeps the typed code.
  for (const go of [
    () => page.getByRole('tab', { name: 'Operators' }).click(),
    () => page.getByRole('navigation', { name: 'Kinds of master data' }).getByRole('button', { name: 'Vendors', exact: true }).click(),
    () => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Purchase orders' }).click(),
  ]) {
    await go();
    await expect(leave).toContainText('Leaving now discards the cost center you changed but have not saved.');
    await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
    await expect(page.getByLabel('Code', { exact: true })).toHaveValue('777');
  }

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Purchase orders' }).click();
  await leave.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'Purchase orders', level: 1 })).toBeVisible();
  // Nothing was written, and an untouched form leaves without a question.
  const stored = await page.evaluate(() => window.api.listMasterData({ kind: 'cost-center', filter: '777' }));
  expect(stored.ok && stored.value.total).toBe(0);
  await openMasterData(page, 'Cost centers');
  await page.getByRole('button', { name: 'New cost center' }).click();
  await page.getByRole('tab', { name: 'Operators' }).click();
  await expect(leave).toHaveCount(0);
});
