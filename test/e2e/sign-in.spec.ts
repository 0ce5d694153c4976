import { expect, signIn, test } from './desk-fixture';

test('a wrong password is refused and the operator can try again', async ({ page }) => {
  await page.getByLabel('Sign-in name').fill('alice');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await signIn(page, 'alice');
  await expect(page.getByRole('banner').getByText('Alice Moreau')).toBeVisible();
});

test('signing out returns to the sign-in screen', async ({ page }) => {
  await signIn(page, 'bob');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Sign-in name')).toBeVisible();
});
