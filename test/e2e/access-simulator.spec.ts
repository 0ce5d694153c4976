import type { Page } from '@playwright/test';
import { expect, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * "What may this operator do?" end to end on the demo world: Alice (NORTH) on Pat's PO-000001,
 * whose line 4 is on WIP G/L account 1400 (override: 220 only); and moving Alice to FLEET loses
 * her PO-000001. The operator form shows the same comparison before a scheme change is saved.
 */
const SHOTS = '.tmp/shots-operators';


test('the simulator answers for a PO line with the rule and list, and compares a scheme move', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'What may this operator do?' }).click();
  await page.getByLabel('Operator', { exact: true }).selectOption({ label: 'Alice Moreau (NORTH)' });
  await page.getByLabel('PO', { exact: true }).selectOption('PO-000001');
  await page.getByLabel('Line', { exact: true }).selectOption('4');
  await page.getByLabel('Line', { exact: true }).press('Tab');
  await expect(page.getByRole('button', { name: 'Show what they may do' })).toBeFocused();
  await page.keyboard.press('Enter');
  const line = page.locator('#simulated-line-4');
  await expect(line).toContainText('Line 4 cannot be changed: WIP G/L account 1400 allows 220; this line is 210.');
  await expect(line).toContainText('Rule gl-wip-override; list: WIP G/L account 1400 (220)');
  await expect(page.locator('[id^="simulated-line-"]')).toHaveCount(1);
  await expect(page.getByText('Alice Moreau may enter POs: scheme NORTH allows 210, 220, 110.')).toBeVisible();

  await page.getByLabel('Move them to').selectOption('FLEET');
  await page.getByRole('button', { name: 'Compare' }).click();
  const move = page.locator('#simulator-scheme-move');
  await expect(move).toContainText('If Alice Moreau moves from scheme NORTH to scheme FLEET, they lose access to 1 open PO: PO-000001.');
  await expect(move.getByRole('row').filter({ hasText: 'PO-000001' })).toContainText('Lost');
  await screenshotsAtBothSizes(page, 'simulator', SHOTS);

  // The operator form shows the same comparison as soon as the scheme is changed, before saving.
  await page.getByRole('tab', { name: 'Operators' }).click();
  await page.getByRole('button', { name: 'Change Alice Moreau' }).click();
  await page.getByLabel('Cost-center scheme').selectOption('FLEET');
  await expect(page.locator('#operator-scheme-move')).toContainText('they lose access to 1 open PO: PO-000001');
  await screenshotsAtBothSizes(page, 'operator-scheme-move', SHOTS);
  await page.getByLabel('Cost-center scheme').press('Escape');
  await expect(page.getByRole('region', { name: 'Change Alice Moreau' })).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Alice Moreau' })).toContainText('NORTH');
});
