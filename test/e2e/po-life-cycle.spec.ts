import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import type { SavePoInput } from '../../src/shared/contracts';
import { pdfText } from '../support/pdf-tools';
import { expect, shell, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * A PO's life from its own screen: submit, release, its document, close, cancel, change orders, and
 * what an operator reads of a supervisor's decision. The demo bands start at 10,000.00 (one
 * supervisor) and 100,000.00 (two, one an admin); under them a PO is approved on submit.
 * Bob (scheme SOLO: 210) enters every PO here, on vendor ACME (210) at warehouse MAIN.
 */

const statusBar = (page: Page, number: string) => page.getByRole('region', { name: `Where ${number} stands` });
const notice = (page: Page) => page.getByRole('status');
const listRow = (page: Page, number: string) => page.getByRole('table', { name: 'Purchase orders' }).getByRole('row', { name: new RegExp(number) });

/** Saves a PO as the signed-in operator through the app's own `window.api`; one line of `quantity` × `unitCostMinor`. */
async function savePo(page: Page, quantityMilli: number, unitCostMinor: number): Promise<{ id: number; number: string }> {
  const input: SavePoInput = {
    vendorCode: 'ACME',
    warehouseCode: 'MAIN',
    costCenterCode: '210',
    costCenterEntered: true,
    lines: [{ itemCode: null, description: 'Hex bolts M8, box of 100', quantityMilli, unitCostMinor, glAccountCode: '5000' }],
  };
  const saved = await page.evaluate(async (po) => {
    const result = await window.api.savePo(po);
    return result.ok ? { id: result.value.id, number: result.value.number } : result.error.message;
  }, input);
  if (typeof saved === 'string') throw new Error(`The PO was not saved: ${saved}`);
  return saved;
}

/** One step through `window.api`, at the version main has now, for the set-up a test is not about. */
async function step(page: Page, id: number, name: 'submit' | 'release'): Promise<void> {
  const outcome = await page.evaluate(
    async ({ id, name }) => {
      const opened = await window.api.openPo({ id, mode: 'view' });
      if (!opened.ok) return opened.error.message;
      const result = await window.api.changePoStatus({ id, version: opened.value.version, step: name });
      return result.ok ? result.value.status : result.error.message;
    },
    { id, name },
  );
  expect(outcome).toBe(name === 'submit' ? 'approved' : 'released');
}

async function openFromList(page: Page, number: string, mode: 'View' | 'Change'): Promise<void> {
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.getByRole('button', { name: `${mode} ${number}` }).click();
  await expect(page.getByRole('heading', { name: number, level: 1 })).toBeVisible();
}

async function switchTo(page: Page, signInName: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, signInName);
}

/** The PDF a download delivered: checked as a PDF by its first bytes, and read as a person would, with pdftotext. */
async function pdfOf(download: Download): Promise<{ bytes: Buffer; text: string }> {
  const path = await download.path();
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { bytes, text: pdfText(bytes) };
}

/** No serious or critical axe finding on the screen as it stands (the status bar, a step's dialog). */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(shell === 'electron').analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `serious or critical axe violations on ${what}`).toEqual([]);
}


test('a small PO: unsaved edits are saved, then submitted and approved on submit; released, its PDF saved, then closed', async ({ page }) => {
  await signIn(page, 'bob');
  const po = await savePo(page, 2000, 1250);
  expect(po.number).toBe('PO-000003');
  await openFromList(page, po.number, 'Change');
  const bar = statusBar(page, po.number);
  await expect(bar.getByRole('heading')).toHaveText('Status: Draft Revision 1');
  await expect(bar).toContainText('On submit: No approval is needed: 25.00 is under every approval band');
  await screenshotsAtBothSizes(page, 'life-draft');

  // An edit not yet saved: Submit becomes "Save and submit", and Ctrl+Enter saves it before submitting.
  await page.getByLabel('Line 1 quantity').fill('3');
  await expect(bar.getByRole('button', { name: 'Save and submit' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(bar.getByRole('heading')).toHaveText('Status: Approved Revision 1');
  await expect(bar).toContainText('approved on submit');
  await expect(notice(page)).toContainText('PO-000003 submitted.');
  await expect(page.getByText('Viewing', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Line 1 quantity')).toHaveValue('3');
  await expect(page.getByLabel('PO total')).toContainText('37.50');
  // Approved: only drafts are edited, and the screen says how to change it.
  await expect(page.getByRole('note', { name: 'Mode' })).toContainText('Recall it to draft to change it');
  await screenshotsAtBothSizes(page, 'life-approved');
  await expectAccessible(page, 'an approved PO');

  // Every step is reached by Tab, in the bar's order.
  const release = bar.getByRole('button', { name: 'Release' });
  await release.focus();
  await page.keyboard.press('Tab');
  await expect(bar.getByRole('button', { name: 'Recall to draft' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(bar.getByRole('button', { name: 'Cancel PO…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(bar.getByRole('button', { name: /^Document \(PDF\)/ })).toBeFocused();

  await release.click();
  const confirm = page.getByRole('alertdialog', { name: 'Release PO-000003 to the vendor?' });
  await expect(confirm.getByRole('button', { name: 'Release revision 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(bar.getByRole('heading')).toHaveText('Status: Released Revision 1');
  await expect(bar).toContainText('PO-000003 revision 1 released to the vendor.');
  await expect(bar.getByRole('button', { name: 'Cancel PO…' })).toHaveCount(0);

  // Ctrl+P saves the document and never opens the browser's print dialog.
  await page.evaluate(() => {
    window.addEventListener('keydown', (event) => {
      if (event.key.toLowerCase() === 'p') document.documentElement.dataset.printPrevented = String(event.defaultPrevented);
    });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+p')]);
  await expect(page.locator('html')).toHaveAttribute('data-print-prevented', 'true');
  await expect(notice(page)).toContainText('PO-000003 revision 1 document saved (released)');
  expect(download.suggestedFilename()).toMatch(/^PO-000003.*\.pdf$/);
  const { text } = await pdfOf(download);
  expect(text).toContain('PO-000003');
  expect(text).toContain('ACME');
  expect(text).toContain('37.50');
  await screenshotsAtBothSizes(page, 'life-released');

  await bar.getByRole('button', { name: 'Close PO' }).click();
  await page.getByRole('alertdialog', { name: 'Close PO-000003?' }).getByRole('button', { name: 'Close PO-000003' }).click();
  await expect(bar.getByRole('heading')).toHaveText('Status: Closed Revision 1');
  await expect(bar.getByRole('group', { name: 'Steps for PO-000003' }).getByRole('button')).toHaveText([/^Document \(PDF\)/]);

  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await expect(listRow(page, po.number)).toContainText('Closed');
  await expect(listRow(page, po.number)).toContainText('PO-000003 closed.');
});

test('a new PO is not submitted by Ctrl+Enter: the screen says to save it first', async ({ page }) => {
  await signIn(page, 'bob');
  await page.getByRole('button', { name: 'New PO' }).click();
  await page.getByLabel('Line 1 description').fill('Hex bolts M8');
  await page.keyboard.press('Control+Enter');
  await expect(notice(page)).toHaveText('Save the PO first (Ctrl+S); once it is stored, Submit (Ctrl+Enter) sends it on.');
  await expect(page.getByRole('heading', { name: 'New purchase order' })).toBeVisible();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
});

test('cancelling asks for a reason, refuses a blank one, and the list says who cancelled it and why', async ({ page }) => {
  await signIn(page, 'bob');
  const po = await savePo(page, 1000, 5000);
  await openFromList(page, po.number, 'View');
  const bar = statusBar(page, po.number);
  await expect(bar.getByRole('heading')).toHaveText('Status: Draft Revision 1');
  // Submitted from elsewhere (here: the same operator's api, as another desk would): the open screen follows without a reload.
  await step(page, po.id, 'submit');
  await expect(bar.getByRole('heading')).toHaveText('Status: Approved Revision 1');

  await bar.getByRole('button', { name: 'Cancel PO…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Cancel ${po.number}?` });
  const reason = dialog.getByLabel('Reason (required)');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(dialog.getByRole('alert')).toHaveText(`Give a reason for cancelling ${po.number}: it goes to the audit log.`);
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  // Tab runs from the reason to the dialog's buttons and back: nothing behind the dialog is reached.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Keep the PO' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(reason).toBeFocused();
  await reason.fill('Ordered twice; PO-000001 covers it');
  await screenshotsAtBothSizes(page, 'life-cancel-reason');
  await expectAccessible(page, 'the cancel dialog');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(bar.getByRole('heading')).toHaveText('Status: Cancelled Revision 1');
  await expect(bar).toContainText('Cancelled by Bob Lindqvist: Ordered twice; PO-000001 covers it');

  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.getByLabel('Status').selectOption('cancelled');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('1 PO');
  const row = listRow(page, po.number);
  await expect(row).toContainText('Cancelled');
  await expect(row).toContainText('Cancelled by Bob Lindqvist: Ordered twice');
  await expect(row.locator('td[title^="Cancelled — Cancelled by Bob Lindqvist"]')).toHaveCount(1);
  const options = await page.getByLabel('Status').locator('option').allTextContents();
  expect(options).toEqual(['All statuses', 'Draft', 'Submitted', 'Approved', 'Released', 'Closed', 'Cancelled']);
});

test('a change order on a released PO raises the revision; the draft is edited and submitted again; revision 1 stays readable', async ({ page }) => {
  await signIn(page, 'bob');
  const po = await savePo(page, 4000, 1250);
  await step(page, po.id, 'submit');
  await step(page, po.id, 'release');
  await openFromList(page, po.number, 'View');
  const bar = statusBar(page, po.number);
  await expect(bar.getByRole('heading')).toHaveText('Status: Released Revision 1');

  await bar.getByRole('button', { name: 'Change order' }).click();
  await page.getByRole('alertdialog', { name: `Start a change order on ${po.number}?` }).getByRole('button', { name: 'Start revision 2' }).click();
  await expect(bar.getByRole('heading')).toHaveText('Status: Draft Revision 2');
  await expect(page.getByText('Changing', { exact: true })).toBeVisible();
  await expect(notice(page)).toContainText(`Change order started: ${po.number} revision 2 is a draft to edit.`);
  // Revision 1 went to the vendor: cancelling is closed, and the bar says why, focusable, beside the button.
  const cancel = bar.getByRole('button', { name: 'Cancel PO…' });
  await expect(cancel).toHaveAttribute('aria-disabled', 'true');
  await expect(cancel).toHaveAccessibleDescription(/cannot be cancelled: revision 1 has gone to the vendor/);

  await page.getByLabel('Line 1 quantity').fill('3');
  // The change order's edits are unsaved work like any other: leaving asks first.
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  const leave = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(leave).toContainText(`your changes to ${po.number}`);
  await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
  await bar.getByRole('button', { name: 'Save and submit' }).click();
  await expect(bar.getByRole('heading')).toHaveText('Status: Approved Revision 2');
  await expect(bar).toContainText('needs no new approval');
  await screenshotsAtBothSizes(page, 'life-change-order-approved');

  // The history: revision 1 opens read-only, as the vendor has it, with its own document.
  await bar.getByRole('button', { name: 'Read revision 1' }).click();
  const revision = page.getByRole('dialog', { name: `${po.number} revision 1` });
  await expect(revision).toContainText('Released to the vendor');
  const lines = revision.getByRole('table', { name: 'Lines of revision 1' });
  await expect(lines.getByRole('row')).toHaveCount(2);
  await expect(lines.getByRole('row').nth(1)).toContainText('4');
  await expect(lines.getByRole('row').nth(1)).toContainText('50.00');
  await expect(revision.getByRole('button', { name: 'Close' })).toBeFocused();
  await screenshotsAtBothSizes(page, 'life-revision-1');
  await expectAccessible(page, 'a stored revision');
  const [download] = await Promise.all([page.waitForEvent('download'), revision.getByRole('button', { name: 'Document of revision 1 (PDF)' }).click()]);
  const { text } = await pdfOf(download);
  expect(text).toContain(po.number);
  expect(text).toContain('50.00');
  await expect(notice(page)).toContainText(`${po.number} revision 1 document saved (released)`);
  await page.keyboard.press('Escape');
  await expect(revision).toHaveCount(0);

  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await expect(listRow(page, po.number)).toContainText('Approved');
  await expect(listRow(page, po.number)).toContainText('rev. 2');
});

test('a supervisor’s rejection stands on the operator’s draft and in the list; an approval shows who gave it', async ({ page }) => {
  await signIn(page, 'bob');
  // 12,000.00: the band from 10,000.00 asks one supervisor.
  const po = await savePo(page, 10_000, 120_000);
  await openFromList(page, po.number, 'View');
  const bar = statusBar(page, po.number);
  await bar.getByRole('button', { name: 'Submit' }).click();
  await expect(bar.getByRole('heading')).toHaveText('Status: Submitted Revision 1');
  await expect(bar).toContainText('Needs');
  await expect(bar.getByRole('button', { name: 'Recall to draft' })).toBeVisible();

  const decide = (decision: 'approve' | 'reject', reason?: string) =>
    page.evaluate(
      async ({ id, decision, reason }) => {
        const queue = await window.api.reviewQueue({});
        const row = queue.ok ? queue.value.rows.find((each) => each.id === id) : undefined;
        if (!row) return 'not in the review queue';
        const result = await window.api.decideReview({ id, revision: row.revision, version: row.version, decision, decisionId: crypto.randomUUID(), ...(reason ? { reason } : {}) });
        return result.ok ? result.value.outcome : result.error.message;
      },
      { id: po.id, decision, reason },
    );

  await switchTo(page, 'sam');
  await openFromList(page, po.number, 'View');
  // Sam reviews but does not recall or cancel Bob's PO: the bar says why, and where to decide.
  await expect(bar).toContainText('Only Bob Lindqvist, who entered PO-000003, or an admin, may recall it.');
  await expect(bar).toContainText('You may approve or reject this PO from the review desk');
  await screenshotsAtBothSizes(page, 'life-submitted-as-supervisor');
  await expectAccessible(page, 'a submitted PO with steps not open to a supervisor');
  expect(await decide('reject', 'Price too high: ask ACME for the framework rate')).toBe('applied');

  await switchTo(page, 'bob');
  await expect(listRow(page, po.number)).toContainText('Draft');
  await expect(listRow(page, po.number)).toContainText('Rejected by Sam Patel');
  await expect(listRow(page, po.number)).toContainText('Price too high');
  await page.screenshot({ path: test.info().outputPath('life-list-rejected.png'), fullPage: true });
  await openFromList(page, po.number, 'View');
  await expect(bar.locator('.po-status-note.attention')).toContainText('Rejected by Sam Patel on revision 1: Price too high: ask ACME for the framework rate');
  await screenshotsAtBothSizes(page, 'life-rejected');
  await expectAccessible(page, 'a rejected draft');

  await page.keyboard.press('Control+Enter');
  await expect(bar.getByRole('heading')).toHaveText('Status: Submitted Revision 1');
  await switchTo(page, 'sam');
  expect(await decide('approve')).toBe('applied');
  await switchTo(page, 'bob');
  await openFromList(page, po.number, 'View');
  await expect(bar.getByRole('heading')).toHaveText('Status: Approved Revision 1');
  await expect(bar.getByRole('definition').filter({ hasText: 'Sam Patel (supervisor)' })).toBeVisible();
  await expect(bar.getByRole('button', { name: 'Release' })).not.toHaveAttribute('aria-disabled', 'true');
});
