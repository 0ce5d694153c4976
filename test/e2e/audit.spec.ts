import type { Page } from '@playwright/test';
import { expect, saveScreenshot, signIn, test } from './desk-fixture';

/**
 * The demo database starts with an empty audit log, so every row here comes from this test:
 * Alice's sign-in, a refused sign-in for bob (known name, wrong password) and Sam's sign-in.
 */
const entries = (page: Page) => page.getByRole('table', { name: 'Audit log' }).locator('tbody').getByRole('row');

async function applyFilter(page: Page) {
  await page.getByRole('button', { name: 'Apply' }).click();
}

test('supervisors read and filter the audit log; operators have no audit view', async ({ page }) => {
  await signIn(page, 'alice');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Purchase orders' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Audit log' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.getByLabel('Sign-in name').fill('bob');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');

  await signIn(page, 'sam');
  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByLabel('PO number')).toBeFocused();

  const rows = entries(page);
  await expect(rows).toHaveCount(3);
  await expect(page.getByText('3 entries')).toBeVisible();
  // Newest first.
  // Actions and rules read in the words the filters offer them by.
  await expect(rows.nth(0)).toContainText('Sam Patel');
  await expect(rows.nth(0)).toContainText('Signed in');
  await expect(rows.nth(0)).toContainText('Sam Patel signed in.');
  await expect(rows.nth(1)).toContainText('Bob Lindqvist');
  await expect(rows.nth(1)).toContainText('Sign-in refused');
  await expect(rows.nth(1)).toContainText('Sign-in throttle');
  await expect(rows.nth(1)).toContainText('Sign-in refused for "bob".');
  await expect(rows.nth(2)).toContainText('Alice Moreau signed in.');
  // The refusal carries a worded badge, not just a colour; plain sign-ins do not.
  await expect(rows.nth(1).getByText('Refused', { exact: true })).toBeVisible();
  await expect(rows.nth(0).getByText('Refused', { exact: true })).toHaveCount(0);
  await expect(rows.nth(0).locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  // Shown in the operator's format (the installation's en-US here): mm/dd/yyyy, hh:mm AM.
  await expect(rows.nth(0).locator('time')).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[AP]M$/);
  await saveScreenshot(page, 'audit-log');

  // Both filters are pick-lists of every action and rule main writes, by label, after "All".
  const action = page.getByLabel('Action');
  const rule = page.getByLabel('Rule');
  await expect(action.locator('option').first()).toHaveText('All actions');
  await expect(rule.locator('option').first()).toHaveText('All rules');
  await expect(action.locator('option', { hasText: /^Setting changed$/ })).toHaveAttribute('value', 'setting-changed');
  await expect(action.locator('option', { hasText: 'Sign-in unlocked' })).toHaveAttribute('value', 'sign-in-unlocked');
  await expect(rule.locator('option', { hasText: 'Setting: cost centers in use' })).toHaveAttribute('value', 'cost_centers_enabled');
  await expect(rule.locator('option', { hasText: 'Warehouse override' })).toHaveAttribute('value', 'warehouse-override');
  expect(await action.locator('option').count()).toBeGreaterThanOrEqual(17);
  expect(await rule.locator('option').count()).toBeGreaterThanOrEqual(30);

  // Keyboard: Enter on the Action select applies the filter.
  await action.selectOption({ label: 'Sign-in refused' });
  await expect(page.getByText('Not applied yet')).toBeVisible();
  await action.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Bob Lindqvist');
  await expect(rows.first()).toContainText('Sign-in refused');
  await expect(page.getByText('1 entry match the filter')).toBeVisible();
  await expect(page.getByText('Not applied yet')).toHaveCount(0);

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows).toHaveCount(3);
  await expect(action).toHaveValue('');
  await expect(page.getByLabel('PO number')).toBeFocused();

  // The rule pick-list filters by the exact rule; Escape on it empties it again.
  await rule.selectOption({ label: 'Sign-in throttle' });
  await rule.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Bob Lindqvist');
  await rule.press('Escape');
  await expect(rule).toHaveValue('');
  await rule.press('Enter');
  await expect(rows).toHaveCount(3);

  // Enter in a text field applies; the operator filter takes the sign-in name.
  const operator = page.getByLabel('Operator');
  await operator.fill('alice');
  await operator.press('Enter');
  await expect(rows).toHaveCount(1);
  for (const row of await rows.all()) await expect(row).toContainText('Alice Moreau');
  await expect(page.getByText('1 entry match the filter')).toBeVisible();

  // Arrow keys move from the filter into the entries and back.
  await operator.press('ArrowDown');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('PO number')).toBeFocused();

  await operator.fill('nobody');
  await operator.press('Enter');
  await expect(page.getByText('No audit entries match this filter.')).toBeVisible();
  await expect(rows).toHaveCount(0);

  // Dates: a range with nothing in it, then one the wrong way round.
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows).toHaveCount(3);
  await page.getByLabel('From', { exact: true }).fill('2000-01-01');
  await page.getByLabel('To', { exact: true }).fill('2000-01-31');
  await applyFilter(page);
  await expect(page.getByText('No audit entries match this filter.')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2000-02-01');
  await applyFilter(page);
  await expect(page.getByRole('alert')).toHaveText('To must be on or after From.');
  await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('To', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(rows).toHaveCount(3);
});

test('a filter main refuses is shown as an alert on the field it names', async ({ page, shell }) => {
  // Date inputs cannot hold a malformed date, so the request is bent on its way to main; only the
  // browser shell carries calls over HTTP where a test can do that.
  test.skip(shell !== 'chromium', 'rewrites the HTTP call to main');
  await signIn(page, 'sam');
  await page.getByRole('button', { name: 'Audit log' }).click();
  const rows = entries(page);
  await expect(rows).toHaveCount(1);

  await page.route('**/api/listAudit', (route) =>
    route.continue({ postData: JSON.stringify({ ...(route.request().postDataJSON() as object), from: '31/01/2000' }) }),
  );
  await page.getByLabel('From', { exact: true }).fill('2000-01-31');
  await page.getByLabel('From', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText('From must be a date (yyyy-mm-dd)');
  await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('From', { exact: true })).toBeFocused();
  // The rows still answer the last filter main accepted.
  await expect(rows).toHaveCount(1);

  await page.unroute('**/api/listAudit');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('From', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
});

test('an operator who asks main for the audit log directly is refused', async ({ page }) => {
  await signIn(page, 'alice');
  const answer = await page.evaluate(() => window.api.listAudit({}));
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('the open audit log follows new entries as main reports them', async ({ page }) => {
  await signIn(page, 'sam');
  await page.getByRole('button', { name: 'Audit log' }).click();
  const rows = entries(page);
  await expect(rows).toHaveCount(1);

  // Another desk (here: the same session, straight through the api) has a line refused: WO-1001
  // charges 310, outside scheme NORTH. Main audits it and sends an 'audit' change notice.
  const answer = await page.evaluate(() =>
    window.api.resolveLine({
      warehouseCode: 'MAIN',
      headerCostCenterCode: '220',
      lineNumber: 1,
      line: { itemCode: null, description: 'Pump seal kit', quantityMilli: 2000, unitCostMinor: 3500, glAccountCode: '5100', workOrderCode: 'WO-1001' },
    }),
  );
  expect(answer).toMatchObject({ ok: true, value: { status: 'refused' } });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Line refused');
  await expect(rows.first().getByText('Refused', { exact: true })).toBeVisible();
  await expect(page.getByText('2 entries')).toBeVisible();
});
