import type { Page } from '@playwright/test';
import { expect, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * Admin → Operators end to end: an admin adds an operator and resets a password; the operator signs
 * in with the temporary password and is made to choose a new one before anything else; every
 * operator changes their own password under Settings → General.
 */
const SHOTS = '.tmp/shots-operators';
const TEMPORARY = 'harbour-lights-42';
const CHOSEN = 'quay wall in the rain';


async function openOperators(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Operators' }).click();
  await expect(page.getByRole('table', { name: 'Operators' })).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Sign-in name')).toBeVisible();
}

test('an admin adds an operator and resets a password; the operator must choose a new one before anything else', async ({ page }) => {
  await signIn(page, 'admin');
  await openOperators(page);

  // Add: a refused draft keeps what was typed and puts the cursor on the field main refused.
  await page.getByRole('button', { name: 'Add operator' }).click();
  const form = page.getByRole('region', { name: 'Add an operator' });
  await expect(form.getByLabel('Sign-in name')).toBeFocused();
  await form.getByLabel('Sign-in name').fill('Erin.K');
  await form.getByLabel('Name', { exact: true }).fill('Erin Kowalski');
  await form.getByLabel('Cost-center scheme').selectOption('NORTH');
  await form.getByLabel('Initial password').fill('short');
  await form.getByLabel('Initial password').press('Enter');
  await expect(form.getByLabel('Initial password')).toBeFocused();
  await expect(form.getByText(/Choose a password of at least 12 characters/)).toBeVisible();
  await expect(form.getByLabel('Sign-in name')).toHaveValue('Erin.K');
  await form.getByLabel('Initial password').fill(TEMPORARY);
  await screenshotsAtBothSizes(page, 'operator-form', SHOTS);
  await form.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Erin Kowalski signs in as erin\.k/ })).toBeVisible();
  const erinRow = page.getByRole('row').filter({ hasText: 'erin.k' });
  await expect(erinRow).toContainText('must change password');

  // Reset Bob's password from the keyboard: the dialog takes focus, Enter submits.
  await page.getByRole('button', { name: "Reset Bob Lindqvist's password" }).click();
  const dialog = page.getByRole('alertdialog', { name: "Reset Bob Lindqvist's password" });
  await expect(dialog.getByLabel('Temporary password')).toBeFocused();
  await dialog.getByLabel('Temporary password').fill('bob');
  await dialog.getByLabel('Temporary password').press('Enter');
  await expect(dialog.getByText(/at least 12 characters/).first()).toBeVisible();
  await dialog.getByLabel('Temporary password').fill(TEMPORARY);
  await dialog.getByLabel('Temporary password').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Bob Lindqvist' })).toContainText('must change password');
  await screenshotsAtBothSizes(page, 'operators-list', SHOTS);
  await signOut(page);

  // Bob signs in with the temporary password and must choose his own first.
  await page.getByLabel('Sign-in name').fill('bob');
  await page.getByLabel('Password').fill(TEMPORARY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
  expect(await page.evaluate(() => window.api.listPos({}))).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'mustChangePassword' } });
  await expect(page.getByLabel('Temporary password')).toBeFocused();
  await page.getByLabel('Temporary password').fill(TEMPORARY);
  await page.getByLabel('New password', { exact: true }).fill(CHOSEN);
  await page.getByLabel('Repeat the new password').fill('something else');
  await screenshotsAtBothSizes(page, 'choose-new-password', SHOTS);
  await page.getByLabel('Repeat the new password').press('Enter');
  await expect(page.getByText('The repeated password is not the same as the new one; type it again.')).toBeVisible();
  await expect(page.getByLabel('Repeat the new password')).toBeFocused();
  await page.getByLabel('Repeat the new password').fill(CHOSEN);
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await signOut(page);
  await signIn(page, 'bob', CHOSEN);
});

test('every operator changes their own password under Settings; a wrong current password is refused beside the field', async ({ page }) => {
  await signIn(page, 'carol');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'My password' });
  await card.getByLabel('Current password').fill('not my password');
  await card.getByLabel('New password', { exact: true }).fill(CHOSEN);
  await card.getByLabel('Repeat the new password').fill(CHOSEN);
  await card.getByLabel('Repeat the new password').press('Enter');
  await expect(card.getByText('The current password you typed is not your password.')).toBeVisible();
  await expect(card.getByLabel('Current password')).toBeFocused();
  await expect(card.getByLabel('New password', { exact: true })).toHaveValue(CHOSEN);
  await screenshotsAtBothSizes(page, 'settings-password', SHOTS);
  await card.getByLabel('Current password').fill('demo');
  await card.getByRole('button', { name: 'Change password' }).click();
  await expect(card.getByRole('status')).toHaveText(/Your password is changed/);
  await signOut(page);
  await signIn(page, 'carol', CHOSEN);
});
