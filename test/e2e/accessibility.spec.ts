import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, type Shell, signIn, test } from './desk-fixture';

/**
 * axe-core on every screen in the states an operator meets them: no serious or critical violation.
 * Moderate and minor findings are attached to the report for reading, not failed on.
 */
const BLOCKING: ReadonlySet<string> = new Set(['serious', 'critical']);

interface BlockingViolation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

async function blockingViolations(page: Page, shell: Shell, testInfo: TestInfo, screen: string): Promise<BlockingViolation[]> {
  // The Electron shell cannot open the blank page axe's default mode asks for.
  const results = await new AxeBuilder({ page }).setLegacyMode(shell === 'electron').analyze();
  await testInfo.attach(`axe-${screen}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
    }));
}

async function expectNoSeriousViolations(page: Page, shell: Shell, testInfo: TestInfo, screen: string): Promise<void> {
  expect(await blockingViolations(page, shell, testInfo, screen), `serious or critical axe violations on ${screen}`).toEqual([]);
}

test('the check itself fails on a screen with an unlabelled field', async ({ page, shell }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'Purchasing desk' })).toBeVisible();
  await page.evaluate(() => document.querySelector('form')?.append(document.createElement('input')));
  const found = await blockingViolations(page, shell, testInfo, 'sign-in-broken-on-purpose');
  expect(found.map((violation) => violation.rule)).toContain('label');
});

test('sign-in: empty and after a refused password', async ({ page, shell }, testInfo) => {
  await expect(page.getByRole('heading', { name: 'Purchasing desk' })).toBeVisible();
  await expectNoSeriousViolations(page, shell, testInfo, 'sign-in');
  await page.getByLabel('Sign-in name').fill('alice');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, shell, testInfo, 'sign-in-refused');
});

test('PO list', async ({ page, shell }, testInfo) => {
  await signIn(page, 'alice');
  await expect(page.getByRole('row', { name: /PO-000001/ })).toBeVisible();
  await expectNoSeriousViolations(page, shell, testInfo, 'po-list');
});

test('PO entry: a new PO with a line typed', async ({ page, shell }, testInfo) => {
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'New PO' }).click();
  const vendor = page.getByLabel('Vendor', { exact: true });
  await vendor.fill('ACME');
  await vendor.press('Tab');
  const warehouse = page.getByLabel('Warehouse', { exact: true });
  if ((await warehouse.evaluate((element) => element.tagName)) === 'SELECT') await warehouse.selectOption('MAIN');
  else {
    await warehouse.fill('MAIN');
    await warehouse.press('Tab');
  }
  await expect(page.getByLabel('Cost center', { exact: true })).toHaveValue('210');
  await page.getByLabel('Line 1 description', { exact: true }).fill('Hex bolts M8');
  await page.getByLabel('Line 1 quantity', { exact: true }).fill('2');
  await page.getByLabel('Line 1 unit cost', { exact: true }).fill('12.50');
  await page.getByLabel('Line 1 G/L account', { exact: true }).fill('5000');
  await page.getByLabel('Line 1 G/L account', { exact: true }).press('Tab');
  await expectNoSeriousViolations(page, shell, testInfo, 'po-entry');
});

test('audit log: entries, and a refused filter', async ({ page, shell }, testInfo) => {
  await signIn(page, 'sam');
  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('table', { name: 'Audit log' }).locator('tbody').getByRole('row')).toHaveCount(1);
  await expectNoSeriousViolations(page, shell, testInfo, 'audit-log');
  await page.getByLabel('From', { exact: true }).fill('2000-02-01');
  await page.getByLabel('To', { exact: true }).fill('2000-01-01');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toHaveText('To must be on or after From.');
  await expectNoSeriousViolations(page, shell, testInfo, 'audit-log-refused-filter');
});

test('settings: an operator, an admin, a refused amount and the confirmation', async ({ page, shell }, testInfo) => {
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'My preferences' })).toBeVisible();
  await expectNoSeriousViolations(page, shell, testInfo, 'settings-operator');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Installation settings' })).toBeVisible();
  await expectNoSeriousViolations(page, shell, testInfo, 'settings-admin');

  const largePo = page.getByLabel('Large-PO amount');
  await largePo.fill('12,5');
  await largePo.press('Tab');
  await expect(largePo).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, shell, testInfo, 'settings-refused-amount');

  await largePo.fill('');
  await page.getByRole('group', { name: 'How POs are coded' }).getByRole('radio', { name: /^Off/ }).check();
  await page.getByRole('button', { name: /^Save installation settings/ }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousViolations(page, shell, testInfo, 'settings-confirmation');
});
