import { expect, saveScreenshot, signIn, test } from './desk-fixture';

test('supervisors filter the audit log; operators have no audit view', async ({ page }) => {
  await signIn(page, 'alice');
  await expect(page.getByRole('button', { name: 'Audit log' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Change PO-000002' }).click();
  await expect(page.getByRole('alert')).toContainText('site 12 Harbour Rd allows 310, 320');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await page.getByLabel('Sign-in name').fill('bob');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, 'sam');

  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByLabel('PO number')).toBeFocused();
  const rows = page.locator('.audit-table tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('Sam Patel');
  await expect(page.getByText('4 entries')).toBeVisible();

  await page.getByLabel('Action').selectOption('change-refused');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Alice Moreau');
  await expect(rows.first()).toContainText('PO-000002');
  await expect(rows.first()).toContainText('site-override');
  await expect(rows.first()).toContainText("You cannot change PO-000002: site 12 Harbour Rd allows 310, 320; this PO's cost center is 210.");
  await saveScreenshot(page, 'audit-log');

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows).toHaveCount(4);
  await page.getByLabel('Operator').fill('alice');
  await page.getByLabel('Operator').press('Enter');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('Alice Moreau');

  await page.getByLabel('Operator').fill('nobody');
  await page.getByLabel('Operator').press('Enter');
  await expect(page.getByText('No audit entries match this filter.')).toBeVisible();
});
