import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, shell, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * Admin → Import: a vendors file with errors is checked (each error by line, column and why, and
 * nothing can be imported whole), fixed, checked again and imported; the new vendors are then
 * offered where operators look for vendors. Demo data: vendor BOLT exists; cost centers 210, 220, HQ do.
 */

const SHOTS = join(process.cwd(), '.tmp/shots-imports');


const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8') });

const WITH_ERRORS = [
  'code;name;cost_centers',
  'IMPA;Import Alpha Ltd;"210;220"',
  'BOLT;Bolt again;210',
  'IMPB;;210',
  'IMPC;Import Charlie;999',
];
const FIXED = ['code;name;cost_centers', 'IMPA;Import Alpha Ltd;"210;220"', 'IMPB;Import Bravo Ltd;210', 'IMPC;Import Charlie;HQ'];

test('a vendors file with errors is refused line by line, then fixed and imported; the vendors are offered at PO entry', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('tab', { name: 'Import' }).click();

  // Keyboard first: checking with nothing chosen names both fields.
  const kind = page.getByLabel('What the file holds');
  await page.getByRole('button', { name: 'Check the file' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Choose what the file holds.')).toBeVisible();
  await expect(page.getByText('Choose the CSV file to import.')).toBeVisible();
  await expect(kind).toBeFocused();

  await kind.selectOption('vendor');
  await expect(page.locator('#import-columns-hint')).toContainText('code (required), name (required), cost_centers');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(csvFile('vendors.csv', WITH_ERRORS));
  await page.getByRole('button', { name: 'Check the file' }).click();

  const preview = page.getByRole('region', { name: 'Preview of vendors.csv' }).or(page.locator('section[aria-labelledby="import-preview-title"]'));
  await expect(page.getByRole('heading', { name: 'Preview of vendors.csv' })).toBeFocused();
  await expect(preview.locator('.import-counts')).toContainText('Rows4');
  await expect(preview.locator('.import-counts')).toContainText('Valid1');
  await expect(preview.locator('.import-counts')).toContainText('With errors3');
  await expect(page.locator('#import-plan')).toHaveText(/1 vendor of 4 will be imported; 3 rows of 4 have errors \(lines 3, 4 and 5\)/);
  const errors = page.locator('table.import-errors tbody tr');
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toHaveText(/^3code(BOLT)?Vendor BOLT already exists; vendor codes are unique\.$/);
  await expect(errors.nth(1)).toContainText('4name');
  await expect(errors.nth(1)).toContainText('Enter the name.');
  await expect(errors.nth(2)).toContainText('5cost_centers999');
  await expect(errors.nth(2)).toContainText('Cost center 999 does not exist');
  await expect(page.getByRole('button', { name: 'Import all 4 rows' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Import the 1 valid row' })).toBeEnabled();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the 3 rejected rows' }).click();
  const rejected = await download;
  expect(rejected.suggestedFilename()).toBe('vendors-rejected.csv');
  const axe = await new AxeBuilder({ page }).include('.imports').setLegacyMode(shell === 'electron').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await screenshotsAtBothSizes(page, 'import-errors', SHOTS);

  // Fixed, the same file checks clean and is imported whole.
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(csvFile('vendors.csv', FIXED));
  await page.getByRole('button', { name: 'Check the file' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#import-plan')).toHaveText('All 3 vendors are valid and will be imported.');
  await expect(page.locator('table.import-errors')).toHaveCount(0);
  await screenshotsAtBothSizes(page, 'import-valid', SHOTS);
  await page.getByRole('button', { name: 'Import all 3 rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 vendors imported' })).toHaveText('3 vendors imported from vendors.csv; recorded in the audit log.');
  await screenshotsAtBothSizes(page, 'import-done', SHOTS);

  // Nothing is imported twice: the import is finished; the vendors are offered at PO entry.
  await page.getByRole('button', { name: 'New PO' }).click();
  const vendor = page.getByLabel('Vendor', { exact: true });
  await vendor.fill('IMPB');
  await expect(page.getByRole('option', { name: /IMPB/ })).toContainText('Import Bravo Ltd');
});

test('a large file shows its progress while it is sent, checked and written', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('tab', { name: 'Import' }).click();
  // Every phase the bar shows, with how far it was, as the page saw it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importPhases: string[] }).importPhases = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('#import-progress-bar');
      const label = document.querySelector('.import-progress label')?.textContent ?? '';
      if (bar && bar.value > 0 && !seen.includes(label)) seen.push(label);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const rows = Array.from({ length: 60_000 }, (_, i) => `BIG${String(i).padStart(5, '0')},Big vendor ${i},210;220`);
  await page.getByLabel('What the file holds').selectOption('vendor');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(csvFile('big.csv', ['code,name,cost_centers', ...rows]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.locator('#import-plan')).toHaveText('All 60,000 vendors are valid and will be imported.', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Import all 60,000 rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'vendors imported' })).toHaveText('60,000 vendors imported from big.csv; recorded in the audit log.', { timeout: 30_000 });
  const phases = await page.evaluate(() => (window as unknown as { importPhases: string[] }).importPhases);
  expect(phases).toEqual(expect.arrayContaining(['Sending the file', 'Checking every row', 'Writing']));
});

test('many errors are paged, Escape starts again, and a supervisor is told only admins import', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('tab', { name: 'Import' }).click();
  const bad = Array.from({ length: 120 }, (_, i) => `X${i},Item ${i},abc`);
  await page.getByLabel('What the file holds').selectOption('item');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(csvFile('items.csv', ['code,description,unit_cost', ...bad]));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'Errors 1–50 of 120' })).toBeVisible();
  await expect(page.locator('table.import-errors tbody tr').first()).toContainText('2unit_costabcUnit cost abc is not a number');
  await expect(page.getByRole('button', { name: 'Previous errors' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next errors' }).click();
  await page.getByRole('button', { name: 'Next errors' }).click();
  await expect(page.getByRole('heading', { name: 'Errors 101–120 of 120' })).toBeVisible();
  await expect(page.locator('table.import-errors tbody tr').first()).toContainText('102unit_cost');
  await expect(page.getByRole('button', { name: 'Next errors' })).toBeDisabled();
  await expect(page.locator('#import-plan')).toHaveText('Nothing is imported: 120 rows of 120 have errors (lines 2, 3, 4, 5, 6 and 115 more). Fix them and import again.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: /^Preview of/ })).toHaveCount(0);
  await expect(page.getByLabel('What the file holds')).toBeFocused();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'sam');
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('tab', { name: 'Import' }).click();
  await expect(page.getByText('Only administrators import master data from CSV files')).toBeVisible();
  await expect(page.getByLabel('CSV file', { exact: true })).toHaveCount(0);
});
