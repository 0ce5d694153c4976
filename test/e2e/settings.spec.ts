import type { Page } from '@playwright/test';
import { expect, saveScreenshot, signIn, test } from './desk-fixture';

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

const installation = (page: Page) => page.getByRole('region', { name: 'Installation settings' });
const saveInstallation = (page: Page) => installation(page).getByRole('button', { name: /^Save installation settings/ });
const confirmation = (page: Page) => page.getByRole('alertdialog', { name: 'Change installation settings?' });
const storedSettings = (page: Page) => page.evaluate(() => window.api.getSettings({}));
const settingAudits = (page: Page) => page.evaluate(() => window.api.listAudit({ action: 'setting-changed' }));
/** One of the coding modes, a radio: choosing it is choosing it instead of the others. */
const codingMode = (page: Page, label: 'Cost centers' | 'Project codes' | 'Off') =>
  installation(page).getByRole('group', { name: 'How POs are coded' }).getByRole('radio', { name: new RegExp(`^${label}`) });
const OFF_EFFECT = 'POs carry neither cost centers nor project codes. Stored POs keep the cost centers they were saved with.';

/** The page never scrolls sideways at this size. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an admin turns coding off through the settings screen, confirmed, and the audit log shows it', async ({ page }) => {
  await signIn(page, 'admin');
  // The top bar no longer holds the installation's switch.
  await expect(page.locator('.top-bar').getByRole('checkbox')).toHaveCount(0);
  await openSettings(page);
  await expect(page.getByLabel('Number and date format', { exact: true })).toBeFocused();
  await expect(page.getByRole('region', { name: 'My preferences' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Locked sign-ins' })).toBeVisible();

  const costCenters = codingMode(page, 'Cost centers');
  await expect(costCenters).toBeChecked();
  await codingMode(page, 'Off').check();
  // Nothing is stored until confirmed.
  expect(await storedSettings(page)).toMatchObject({ ok: true, value: { codingMode: 'cost-centers', costCentersEnabled: true } });

  await saveInstallation(page).click();
  const dialog = confirmation(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText([`Coding mode: cost centers → off. ${OFF_EFFECT}`]);
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeFocused();
  await saveScreenshot(page, 'settings-confirm-cost-centers-off');
  await page.keyboard.press('Enter');

  await expect(dialog).toHaveCount(0);
  await expect(installation(page).getByRole('status')).toHaveText('Saved and recorded in the audit log: Coding mode: cost centers → off.');
  await expect(saveInstallation(page)).toBeFocused();
  await expect(costCenters).not.toBeChecked();
  await expect(codingMode(page, 'Off')).toBeChecked();
  expect(await storedSettings(page)).toMatchObject({ ok: true, value: { codingMode: 'off', costCentersEnabled: false } });

  await page.getByRole('button', { name: 'Audit log' }).click();
  await page.getByLabel('Action').selectOption({ label: 'Setting changed' });
  await page.getByLabel('Action').press('Enter');
  const rows = page.getByRole('table', { name: 'Audit log' }).locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Dana Admin');
  await expect(rows.first()).toContainText('Setting changed');
  await expect(rows.first()).toContainText('Setting: coding mode');
  await expect(rows.first().locator('td').nth(6)).toHaveText('cost-centers');
  await expect(rows.first().locator('td').nth(7)).toHaveText('off');
  await expect(rows.first()).toContainText('Stored POs keep the cost centers they were saved with. Changed by Dana Admin.');
});

test('Escape cancels the confirmation and nothing changes; the edits stay on the form', async ({ page }) => {
  await signIn(page, 'admin');
  await openSettings(page);
  await codingMode(page, 'Off').check();
  const largePo = installation(page).getByLabel('Large-PO amount');
  await expect(largePo).toHaveValue('100,000.00');
  await largePo.fill('50000');
  await largePo.press('Tab');
  // Leaving the field shows the amount as it will be stored.
  await expect(largePo).toHaveValue('50,000.00');

  await saveInstallation(page).press('Enter');
  const dialog = confirmation(page);
  await expect(dialog.getByRole('listitem')).toHaveText([
    `Coding mode: cost centers → off. ${OFF_EFFECT}`,
    'Large-PO amount: 100,000.00 → 50,000.00. Saving a PO whose total is above 50,000.00 asks the operator to confirm it.',
  ]);
  // Tab stays inside the dialog.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeFocused();
  await page.keyboard.press('Escape');

  await expect(dialog).toHaveCount(0);
  await expect(saveInstallation(page)).toBeFocused();
  expect(await storedSettings(page)).toEqual({
    ok: true,
    value: { codingMode: 'cost-centers', costCentersEnabled: true, budgetOrderRequired: false, locale: 'en-US', largePoAmountMinor: 10_000_000 },
  });
  expect(await settingAudits(page)).toEqual({ ok: true, value: [] });
  await expect(codingMode(page, 'Off')).toBeChecked();
  await expect(largePo).toHaveValue('50,000.00');

  await installation(page).getByRole('button', { name: 'Undo my edits' }).click();
  await expect(codingMode(page, 'Cost centers')).toBeChecked();
  await expect(largePo).toHaveValue('100,000.00');
});

test('a large-PO amount the locale cannot read is refused beside the field and kept; blank means never ask', async ({ page }) => {
  await signIn(page, 'admin');
  await openSettings(page);
  const largePo = installation(page).getByLabel('Large-PO amount');
  await largePo.fill('1.234,50');
  await largePo.press('Tab');
  await expect(largePo).toHaveValue('1.234,50');
  await expect(largePo).toHaveAttribute('aria-invalid', 'true');
  const error = installation(page).locator('#installation-large-po-error');
  await expect(error).toHaveText(/^Large-PO amount 1\.234,50 is not a number in English \(United States\).*Write 1,234\.50\.$/);
  await expect(largePo).toHaveAccessibleDescription(/Write 1,234\.50/);

  // Save refuses before asking, and puts the cursor back in the field.
  await saveInstallation(page).click();
  await expect(confirmation(page)).toHaveCount(0);
  await expect(largePo).toBeFocused();
  await expect(largePo).toHaveValue('1.234,50');

  await largePo.fill('');
  await expect(error).toHaveCount(0);
  await largePo.press('Enter');
  const dialog = confirmation(page);
  await expect(dialog.getByRole('listitem')).toHaveText(['Large-PO amount: 100,000.00 → never ask. No save asks the operator to confirm a large total.']);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(installation(page).getByRole('status')).toHaveText('Saved and recorded in the audit log: Large-PO amount: 100,000.00 → never ask.');
  expect(await storedSettings(page)).toMatchObject({ ok: true, value: { largePoAmountMinor: null } });
  await expect(largePo).toHaveValue('');
});

test('an operator sees only My preferences, and main refuses them the installation settings anyway', async ({ page }) => {
  await signIn(page, 'alice');
  await openSettings(page);
  await expect(page.getByRole('region', { name: 'My preferences' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Installation settings' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Locked sign-ins' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  expect(await page.evaluate(() => window.api.updateSettings({ costCentersEnabled: false }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await page.evaluate(() => window.api.unlockSignIn({ signInName: 'bob' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await saveScreenshot(page, 'settings-operator');
});

async function chooseMyFormat(page: Page, value: string) {
  const format = page.getByLabel('Number and date format', { exact: true });
  await format.selectOption(value);
  await format.press('Enter');
}

const myStatus = (page: Page) => page.getByRole('region', { name: 'My preferences' }).getByRole('status');
const year = new Date().getFullYear();

test('an operator switches to de-DE: the example follows at once, and the PO list shows amounts as 2.146,90', async ({ page }) => {
  await signIn(page, 'alice');
  await openSettings(page);
  const format = page.getByLabel('Number and date format', { exact: true });
  await expect(format).toHaveValue('');
  await expect(format.locator('option').first()).toHaveText('Follow the installation — English (United States)');
  const example = page.getByRole('definition');
  await expect(example).toHaveText(['1,234.567', '1,234.50', `03/31/${year}`]);

  await format.selectOption('de-DE');
  await expect(example).toHaveText(['1.234,567', '1.234,50', `31.03.${year}`]);
  await format.press('Enter');
  await expect(myStatus(page)).toHaveText('Saved: numbers and dates now show as Deutsch (Deutschland).');
  expect(await page.evaluate(() => window.api.currentOperator({}))).toMatchObject({ ok: true, value: { locale: 'de-DE' } });

  // PO-000001 (Pat's demo PO) totals 2,146.90.
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await expect(page.getByRole('row', { name: /PO-000001/ })).toContainText('2.146,90');
});

test("the format is the operator's own: kept at the next sign-in, not another's, and back to following the installation", async ({ page }) => {
  await signIn(page, 'alice');
  await openSettings(page);
  await chooseMyFormat(page, 'sv-SE');
  await expect(myStatus(page)).toHaveText('Saved: numbers and dates now show as Svenska (Sverige).');
  // An unchanged choice says so rather than saving again.
  await page.getByRole('button', { name: 'Use this format' }).click();
  await expect(myStatus(page)).toHaveText('This is already your format; nothing changed.');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'bob');
  await openSettings(page);
  const format = page.getByLabel('Number and date format', { exact: true });
  await expect(format).toHaveValue('');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'alice');
  await openSettings(page);
  await expect(format).toHaveValue('sv-SE');
  await expect(page.getByRole('definition').nth(2)).toHaveText(`${year}-03-31`);
  await chooseMyFormat(page, '');
  await expect(myStatus(page)).toHaveText("Saved: you follow the installation's format, English (United States).");
  await expect(page.getByRole('definition')).toHaveText(['1,234.567', '1,234.50', `03/31/${year}`]);
  expect(await page.evaluate(() => window.api.currentOperator({}))).toMatchObject({ ok: true, value: { locale: null } });
});

test('an admin unlocks a locked sign-in name and is told so in words', async ({ page }) => {
  for (let guess = 0; guess < 5; guess++) {
    await page.getByLabel('Sign-in name').fill('bob');
    await page.getByLabel('Password').fill(`guess-${guess}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText(guess < 4 ? 'do not match' : 'Too many failed sign-ins');
  }

  await signIn(page, 'admin');
  await openSettings(page);
  const locked = page.getByRole('region', { name: 'Locked sign-ins' });
  const name = locked.getByLabel('Sign-in name to unlock');
  await locked.getByRole('button', { name: 'Unlock' }).click();
  await expect(locked.getByRole('status')).toHaveText('Enter the sign-in name to unlock.');
  await expect(name).toBeFocused();
  await name.fill('bob');
  await name.press('Enter');
  await expect(locked.getByRole('status')).toHaveText('“bob” is unlocked and can sign in again now. The unlock is in the audit log.');
  await name.press('Enter');
  await expect(locked.getByRole('status')).toHaveText('“bob” was not locked, so nothing changed. The attempt is in the audit log.');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'bob');
});

test('the settings screen at 1024×700 and 1920×1080: no sideways scroll, every section visible', async ({ page }) => {
  await signIn(page, 'admin');
  await openSettings(page);
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page);
    for (const section of ['My preferences', 'Installation settings', 'Locked sign-ins']) {
      await expect(page.getByRole('region', { name: section })).toBeVisible();
    }
    await saveScreenshot(page, `settings-admin-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1024, height: 700 });
  await codingMode(page, 'Off').check();
  await installation(page).getByLabel('Installation number and date format').selectOption('sv-SE');
  await saveInstallation(page).click();
  await expect(confirmation(page)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, 'settings-confirm-1024x700');
});
