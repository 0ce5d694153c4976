import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, type Shell, signIn, test } from './desk-fixture';

const SAM_BAND = 'from 50,000.00 for cost center 210: 1 approval by Sam Patel';

async function openApprovalRules(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  // The tabs answer ← →: from General to Approval rules.
  const general = page.getByRole('tab', { name: 'General' });
  await expect(general).toHaveAttribute('aria-selected', 'true');
  await general.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Approval rules' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Approval rules' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Approval bands' })).toBeVisible();
}

const bands = (page: Page) => page.getByRole('table', { name: 'Approval bands' });
const bandRow = (page: Page, label: string) => bands(page).getByRole('row', { name: label, exact: true });
const form = (page: Page) => page.getByRole('region', { name: 'Add a band' });

/** The page never scrolls sideways at this size. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** No serious or critical axe finding on the screen as it stands (as accessibility.spec.ts checks the others). */
async function expectAccessible(page: Page, shell: Shell) {
  const results = await new AxeBuilder({ page }).setLegacyMode(shell === 'electron').analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function screenshotsAtBothSizes(page: Page, name: string) {
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page);
    // Every band's actions are in view: nothing of the table is cut off by its card.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.approval-rules .table-card')].some((card) => card.scrollWidth > card.clientWidth),
    );
    expect(clipped).toBe(false);
    // A full-page picture of a scrolled page paints the sticky top bar midway; from the top it sits where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, `${name}-${width}x${height}`);
  }
}

test('an admin adds a band from 50,000.00 for cost center 210 named Sam Patel; a supervisor reads it and cannot change it', async ({ page, shell }) => {
  await signIn(page, 'admin');
  await openApprovalRules(page);
  await expect(page.getByText('Under every band a PO is approved on submit.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a band…' }).click();
  await expect(form(page)).toBeVisible();
  const scope = form(page).getByLabel('Scope');
  await expect(scope).toBeFocused();
  await scope.selectOption({ label: 'Cost center 210 — Maintenance North' });

  // The amount is read in the admin's own format: an ambiguous one is refused beside the field and kept as typed.
  const from = form(page).getByLabel('From amount');
  await from.fill('50,00');
  await from.press('Tab');
  await expect(from).toHaveValue('50,00');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toHaveAccessibleDescription(/',' groups thousands there/);
  await from.fill('50000');
  await from.press('Tab');
  await expect(from).toHaveValue('50,000.00');
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');

  await form(page).getByLabel('Named people').check();
  await form(page).getByLabel('Sam Patel (supervisor)').check();

  // Main's refusal stands beside the field it is about, and the cursor goes there.
  const adminRequired = form(page).getByLabel('Admin required');
  await adminRequired.check();
  await form(page).getByRole('button', { name: 'Add band' }).click();
  await expect(adminRequired).toBeFocused();
  await expect(adminRequired).toHaveAccessibleDescription(/The band from 50,000\.00 needs an admin's approval but names no admin\./);
  await screenshotsAtBothSizes(page, 'approval-rules-refused');
  await expectAccessible(page, shell);
  await adminRequired.uncheck();
  await expect(form(page).locator('.field-error')).toHaveCount(0);

  await from.press('Enter');
  await expect(form(page)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Added the band' })).toHaveText(`Added the band ${SAM_BAND}. Recorded in the audit log.`);
  const row = bandRow(page, SAM_BAND);
  await expect(row).toBeFocused();
  await expect(row.getByRole('cell')).toHaveText(['210 — Maintenance North', '50,000.00', 'Sam Patel', '1', 'No', SAM_BAND, /Change\s*Delete/]);

  // Sam's approval limit, typed in the admin's format and saved with Enter.
  const samLimit = page.getByRole('textbox', { name: 'Approval limit for Sam Patel' });
  await samLimit.fill('30000');
  await samLimit.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Sam Patel may now' })).toHaveText('Sam Patel may now approve POs up to 30,000.00. Recorded in the audit log.');
  await expect(samLimit).toHaveValue('30,000.00');
  await screenshotsAtBothSizes(page, 'approval-rules-admin');

  const audit = await page.evaluate(() => window.api.listAudit({ action: 'approval-band-created' }));
  expect(audit).toMatchObject({ ok: true, value: [{ operator: 'Dana Admin', after: SAM_BAND }] });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'sam');
  await openApprovalRules(page);
  const samRow = bandRow(page, SAM_BAND);
  await expect(samRow).toBeVisible();
  await expect(page.getByText('You may read the approval rules; only an administrator changes them.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a band…' })).toHaveCount(0);
  await expect(bands(page).getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Approvers' }).getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Approvers' }).getByRole('row', { name: /Sam Patel/ })).toContainText('30,000.00');
  // Enter and Delete do nothing for a reader.
  await samRow.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('region', { name: /band/ }).filter({ has: page.getByLabel('Scope') })).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await screenshotsAtBothSizes(page, 'approval-rules-supervisor');
  await expectAccessible(page, shell);
});

test('an admin changes and deletes a band from the keyboard, with a confirmation', async ({ page }) => {
  await signIn(page, 'admin');
  await openApprovalRules(page);
  const first = bands(page).locator('tbody tr').first();
  const label = (await first.getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/^from /);

  // Enter on a row opens it in the form; Escape leaves it unchanged and the cursor back on the row.
  await first.focus();
  await page.keyboard.press('Enter');
  const editing = page.getByRole('region', { name: `Change the band ${label}` });
  await expect(editing.getByLabel('Scope')).toBeFocused();
  await screenshotsAtBothSizes(page, 'approval-rules-edit');
  await page.keyboard.press('Escape');
  await expect(editing).toHaveCount(0);
  await expect(first).toBeFocused();

  // Delete asks; Escape keeps the band, Enter deletes it.
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog', { name: 'Delete this approval band?' });
  await expect(dialog).toContainText(label);
  await expect(dialog.getByRole('button', { name: 'Delete band' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(bandRow(page, label)).toBeVisible();

  await first.focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(bandRow(page, label)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the band' })).toHaveText(`Deleted the band ${label}. Recorded in the audit log.`);
  const audit = await page.evaluate(() => window.api.listAudit({ action: 'approval-band-deleted' }));
  expect(audit).toMatchObject({ ok: true, value: [{ operator: 'Dana Admin', before: label }] });
});
