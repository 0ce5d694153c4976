import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page, TestInfo } from '@playwright/test';
import { expect, type Shell, shell, signIn, test } from './desk-fixture';

/**
 * The review desk end to end: an operator submits POs above the first approval band (from
 * 10,000.00 one supervisor or admin), Sam reviews them by keys, the operator reads the rejection's
 * reason in their list; a review package goes to a computer without an account and its decisions
 * come back. POs are entered and submitted through the app's own `window.api` (the real dispatcher
 * and services), as the other specs save theirs.
 */

interface Submitted {
  id: number;
  number: string;
}

/** Alice's POs on ACME at MAIN, cost center 210 (in Sam's NORTH scheme), one line each, submitted in this order. */
async function submitAsAlice(page: Page, lines: { description: string; quantityMilli: number; unitCostMinor: number }[]): Promise<Submitted[]> {
  const answer = await page.evaluate(async (each) => {
    const done: { id: number; number: string }[] = [];
    for (const line of each) {
      const saved = await window.api.savePo({
        vendorCode: 'ACME',
        warehouseCode: 'MAIN',
        costCenterCode: '210',
        costCenterEntered: true,
        lines: [{ itemCode: null, glAccountCode: '5000', ...line }],
      });
      if (!saved.ok) return `save: ${saved.error.message}`;
      const submitted = await window.api.changePoStatus({ id: saved.value.id, version: saved.value.version, step: 'submit' });
      if (!submitted.ok) return `submit ${saved.value.number}: ${submitted.error.message}`;
      if (submitted.value.status !== 'submitted') return `${saved.value.number} is ${submitted.value.status}, not submitted`;
      done.push({ id: saved.value.id, number: saved.value.number });
    }
    return done;
  }, lines);
  if (typeof answer === 'string') throw new Error(answer);
  return answer;
}

const THREE_POS = [
  { description: 'Hex bolts M8, pallet', quantityMilli: 2000, unitCostMinor: 617_025 }, // 12,340.50
  { description: 'Hydraulic filters, year supply', quantityMilli: 40_000, unitCostMinor: 45_750 }, // 18,300.00
  { description: 'Marine paint, fleet repaint', quantityMilli: 250_000, unitCostMinor: 6240 }, // 15,600.00
];

const queue = (page: Page) => page.getByRole('listbox', { name: 'Needs my review' });
const options = (page: Page) => queue(page).getByRole('option');
const detailTitle = (page: Page) => page.locator('#review-detail-title');
const outcome = (page: Page) => page.locator('p.review-outcome[role="status"]');

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Sign-in name')).toBeVisible();
}

async function openReviewAs(page: Page, signInName: string, waiting: number): Promise<void> {
  await signIn(page, signInName);
  const button = page.getByRole('button', { name: `Review (${waiting})` });
  await expect(button).toBeVisible();
  await button.click();
  await expect(page.getByRole('heading', { name: 'Needs my review', level: 1 })).toBeVisible();
  await expect(options(page)).toHaveCount(waiting);
}

async function saveDownload(download: Download, testInfo: TestInfo): Promise<string> {
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function pickFile(page: Page, button: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}-${shell}.png`), fullPage: false });
}

async function seriousViolations(page: Page, shellName: Shell, testInfo: TestInfo, screen: string): Promise<string[]> {
  // The Electron shell cannot open the blank page axe's default mode asks for.
  const results = await new AxeBuilder({ page }).setLegacyMode(shellName === 'electron').analyze();
  await testInfo.attach(`axe-${screen}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('submitted POs wait for Sam oldest first; J/K move, A + Enter approves, R + reason rejects, and the operator reads why', async ({ page }, testInfo) => {
  // Three sign-ins and a dozen round trips: about 15 s alone, twice that beside other workers.
  test.slow();
  await signIn(page, 'alice');
  const [first, second, third] = await submitAsAlice(page, THREE_POS);
  if (!first || !second || !third) throw new Error('three POs were submitted');
  // Alice is an operator: she has no review desk.
  await expect(page.getByRole('button', { name: /^Review/ })).toHaveCount(0);
  await signOut(page);

  await openReviewAs(page, 'sam', 3);
  await expect(options(page).nth(0)).toContainText(first.number);
  await expect(options(page).nth(1)).toContainText(second.number);
  await expect(options(page).nth(2)).toContainText(third.number);
  const row = options(page).nth(0);
  for (const text of ['12,340.50', 'ACME', '210', 'Alice Moreau', 'under an hour']) await expect(row).toContainText(text);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeFocused();

  // The PO opens read-only beside the queue: lines, cost-center reasons, approvals, audit trail.
  await expect(detailTitle(page)).toContainText(first.number);
  const lines = page.getByRole('table', { name: 'Lines' });
  await expect(lines.getByRole('row', { name: /Hex bolts M8, pallet/ })).toContainText('6,170.25');
  await expect(page.getByRole('region', { name: 'Why each cost center' })).toContainText('Line 1');
  await expect(page.getByRole('region', { name: 'Approvals so far' })).toContainText('None yet.');
  await expect(page.getByRole('table', { name: 'Audit trail' }).getByRole('row')).not.toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Approve/ })).toBeEnabled();
  await shot(page, testInfo, 'review-desk-first');

  // J and K move the selection, and focus with it.
  await page.keyboard.press('j');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(detailTitle(page)).toContainText(second.number);
  await page.keyboard.press('j');
  await expect(detailTitle(page)).toContainText(third.number);
  await page.keyboard.press('j');
  await expect(detailTitle(page)).toContainText(third.number);
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(detailTitle(page)).toContainText(first.number);
  await expect(options(page).nth(0)).toBeFocused();

  // A asks first; Escape takes it back, nothing is decided.
  await page.keyboard.press('a');
  const question = page.locator('#review-confirm-question');
  await expect(question).toHaveText(`Approve ${first.number} revision 1 for 12,340.50? Enter to confirm, Escape to cancel`);
  await shot(page, testInfo, 'review-desk-confirm');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(options(page)).toHaveCount(3);
  await expect(options(page).nth(0)).toBeFocused();

  // A then Enter approves; the outcome is said and the next PO is on screen.
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await expect(outcome(page)).toContainText(first.number);
  await expect(options(page)).toHaveCount(2);
  await expect(detailTitle(page)).toContainText(second.number);
  await expect(page.getByRole('button', { name: 'Review (2)' })).toBeVisible();
  await expect(options(page).nth(0)).toBeFocused();

  // R opens the reason box; letters typed there are the reason, not keys. A blank reason is refused first.
  await page.keyboard.press('r');
  const reason = page.getByLabel('Reason for rejecting (required)');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toContainText(`Write why ${second.number} is rejected`);
  await expect(options(page)).toHaveCount(2);
  await page.keyboard.type('Filters are on a framework contract; order through Bolt jar');
  await expect(reason).toHaveValue('Filters are on a framework contract; order through Bolt jar');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(detailTitle(page)).toContainText(second.number);
  await shot(page, testInfo, 'review-desk-reject');
  await page.keyboard.press('Control+Enter');
  await expect(options(page)).toHaveCount(1);
  await expect(outcome(page)).toBeVisible();
  await expect(detailTitle(page)).toContainText(third.number);
  await expect(page.getByRole('button', { name: 'Review (1)' })).toBeVisible();

  // The operator sees the decision and the reason in their list.
  await signOut(page);
  await signIn(page, 'alice');
  const rejected = page.getByRole('row', { name: new RegExp(second.number) });
  await expect(rejected).toContainText('Filters are on a framework contract; order through Bolt jar');
  await expect(rejected).toContainText(/draft/i);
  await expect(page.getByRole('row', { name: new RegExp(first.number) })).toContainText(/approved/i);
  await expect(page.getByRole('row', { name: new RegExp(third.number) })).toContainText(/submitted/i);
});

test('a review package is decided on a computer without an account, and its decisions applied when Sam imports them', async ({ page, browser }, testInfo) => {
  // Two desks' worth of steps and four files: about 15 s alone, twice that beside other workers.
  test.slow();
  await signIn(page, 'alice');
  const [first, second] = await submitAsAlice(page, THREE_POS.slice(0, 2));
  if (!first || !second) throw new Error('two POs were submitted');
  await signOut(page);
  await openReviewAs(page, 'sam', 2);

  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export review package' }).click();
  const packageDownload = await exported;
  expect(packageDownload.suggestedFilename()).toMatch(/^review-package-sam-\d{4}-\d{2}-\d{2}\.json$/);
  const packagePath = await saveDownload(packageDownload, testInfo);
  const pkg = JSON.parse(readFileSync(packagePath, 'utf8')) as { format: string; items: { po: { number: string } }[] };
  expect(pkg.format).toBe('purchasing-desk-review-package');
  expect(pkg.items.map((item) => item.po.number)).toEqual([first.number, second.number]);
  await expect(page.getByRole('status').filter({ hasText: 'written: 2 POs for Sam Patel' })).toBeVisible();

  // Another computer: a fresh browser context, nobody signed in. (The Electron shell has one window: Sam signs out there.)
  const elsewhere = shell === 'chromium' ? await (await browser.newContext({ viewport: { width: 1024, height: 700 } })).newPage() : page;
  if (elsewhere === page) await signOut(page);
  else {
    await elsewhere.goto(page.url());
    await elsewhere.waitForSelector('html[data-app-state="ready"]');
  }

  // A file that is not a package is named as such and nothing opens.
  const notPackage = testInfo.outputPath('not-a-package.json');
  writeFileSync(notPackage, JSON.stringify({ hello: 'world' }));
  await pickFile(elsewhere, 'Open a review package…', notPackage);
  await expect(elsewhere.getByRole('alert')).toHaveText('not-a-package.json is not a review package: a package is the file "Export review package" writes at the desk.');

  await pickFile(elsewhere, 'Open a review package…', packagePath);
  await expect(elsewhere.getByRole('heading', { name: 'Review package', level: 1 })).toBeVisible();
  await expect(elsewhere.getByText('Nothing is sent from here.')).toBeVisible();
  await expect(elsewhere.getByRole('listbox', { name: 'Review package' }).getByRole('option')).toHaveCount(2);
  await expect(elsewhere.locator('#review-detail-title')).toContainText(first.number);
  await expect(elsewhere.getByRole('button', { name: 'Save decisions file' })).toBeDisabled();

  // The same keys; the decisions are kept here, not sent.
  await elsewhere.keyboard.press('a');
  await expect(elsewhere.locator('#review-confirm-question')).toContainText(`Approve ${first.number} revision 1 for 12,340.50? Enter to confirm, Escape to cancel`);
  await elsewhere.keyboard.press('Enter');
  await expect(elsewhere.locator('p.review-outcome')).toContainText(`Approval of ${first.number} kept for the decisions file. It takes effect only when Sam Patel imports that file at the desk.`);
  await expect(elsewhere.locator('#review-detail-title')).toContainText(second.number);
  await elsewhere.keyboard.press('r');
  await elsewhere.keyboard.type('Quantity looks like a typo: 40 boxes, not 40,000');
  await elsewhere.keyboard.press('Control+Enter');
  await expect(elsewhere.locator('p.review-outcome')).toContainText(`Rejection of ${second.number} kept for the decisions file.`);
  await expect(elsewhere.getByRole('option', { name: new RegExp(first.number) })).toContainText('Approve in the decisions file');
  await shot(elsewhere, testInfo, 'review-package-decided');

  const saved = elsewhere.waitForEvent('download');
  await elsewhere.getByRole('button', { name: 'Save decisions file' }).click();
  const decisionsDownload = await saved;
  expect(decisionsDownload.suggestedFilename()).toMatch(/^review-decisions-sam-\d{4}-\d{2}-\d{2}\.json$/);
  const decisionsPath = await saveDownload(decisionsDownload, testInfo);
  const decisions = JSON.parse(readFileSync(decisionsPath, 'utf8')) as {
    format: string;
    supervisor: { signInName: string };
    decisions: { poNumber: string; decision: string; reason: string | null; decisionId: string; decidedAt: string }[];
  };
  expect(decisions.format).toBe('purchasing-desk-review-decisions');
  expect(decisions.supervisor.signInName).toBe('sam');
  expect(decisions.decisions.map((each) => [each.poNumber, each.decision, each.reason])).toEqual([
    [first.number, 'approve', null],
    [second.number, 'reject', 'Quantity looks like a typo: 40 boxes, not 40,000'],
  ]);
  for (const each of decisions.decisions) {
    expect(each.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(each.decidedAt))).toBe(false);
  }

  // The decisions file opened as a package is named for what it is.
  await elsewhere.getByRole('button', { name: 'Close package' }).click();
  await expect(elsewhere.getByLabel('Sign-in name')).toBeVisible();
  await pickFile(elsewhere, 'Open a review package…', decisionsPath);
  await expect(elsewhere.getByRole('alert')).toContainText('is a decisions file, not a review package');
  if (elsewhere !== page) await elsewhere.context().close();
  else await openReviewAs(page, 'sam', 2);

  // Nothing was decided until Sam imports the file at the desk.
  await expect(options(page)).toHaveCount(2);
  await pickFile(page, 'Import decisions…', decisionsPath);
  const results = page.getByRole('table', { name: /^Decisions imported from/ });
  await expect(results.getByRole('row', { name: new RegExp(first.number) })).toContainText('Applied');
  await expect(results.getByRole('row', { name: new RegExp(second.number) })).toContainText('Applied');
  await expect(page.getByRole('status').filter({ hasText: '2 of 2 applied' })).toBeVisible();
  await expect(page.getByText('Nothing waits for your review.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review (0)' })).toBeVisible();
  await shot(page, testInfo, 'review-import-results');

  // The same file again applies nothing twice.
  await pickFile(page, 'Import decisions…', decisionsPath);
  await expect(results.getByRole('row', { name: new RegExp(first.number) })).toContainText('Already applied');
  await expect(page.getByRole('status').filter({ hasText: '0 of 2 applied' })).toBeVisible();
});

test('the review desk has no serious accessibility violations: a PO, the confirm strip, the reason box with its refusal', async ({ page, shell: shellName }, testInfo) => {
  // Each axe pass over the desk takes 2–3 s alone (far more beside other workers); three of them here.
  test.slow();
  await signIn(page, 'alice');
  await submitAsAlice(page, THREE_POS.slice(0, 2));
  await signOut(page);
  await openReviewAs(page, 'sam', 2);
  expect(await seriousViolations(page, shellName, testInfo, 'review-desk'), 'serious or critical axe violations on the review desk').toEqual([]);
  await page.keyboard.press('a');
  await expect(page.locator('#review-confirm-question')).toBeVisible();
  expect(await seriousViolations(page, shellName, testInfo, 'review-confirm'), 'serious or critical axe violations with the confirm strip').toEqual([]);
  await page.keyboard.press('r');
  await expect(page.getByLabel('Reason for rejecting (required)')).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page, shellName, testInfo, 'review-reason'), 'serious or critical axe violations with the reason box').toEqual([]);
});

test('the package screen and the sign-in link have no serious accessibility violations', async ({ page, shell: shellName }, testInfo) => {
  await signIn(page, 'alice');
  await submitAsAlice(page, THREE_POS.slice(0, 1));
  await signOut(page);
  await openReviewAs(page, 'sam', 1);
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export review package' }).click();
  const packagePath = await saveDownload(await exported, testInfo);
  await signOut(page);
  await pickFile(page, 'Open a review package…', packagePath);
  await expect(page.getByRole('heading', { name: 'Review package', level: 1 })).toBeVisible();
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Save decisions file' })).toBeEnabled();
  expect(await seriousViolations(page, shellName, testInfo, 'review-package'), 'serious or critical axe violations on the package screen').toEqual([]);
});

test('offline: the banner names the copy and the waiting decisions; a conflict opens its PO fresh or is dismissed', async ({ page }, testInfo) => {
  test.skip(shell === 'electron', 'The offline copy is a team workstation’s; in the browser shell its answers are stood in for at the network.');
  // A browser page keeps no review copy (main answers "not available"), so the page's two offline calls are answered here
  // as a team workstation cut off from its server answers them; the queue, the POs and the decisions are the real desk's.
  await signIn(page, 'alice');
  const [first, recalled] = await submitAsAlice(page, THREE_POS.slice(0, 2));
  if (!first || !recalled) throw new Error('two POs were submitted');
  const recall = await page.evaluate(async (id) => {
    const po = await window.api.openPo({ id, mode: 'view' });
    if (!po.ok) return po.error.message;
    const back = await window.api.changePoStatus({ id, version: po.value.version, step: 'recall' });
    return back.ok ? back.value.status : back.error.message;
  }, recalled.id);
  expect(recall).toBe('draft');
  await signOut(page);

  const conflict = {
    decisionId: '5b0c1c0e-9f6b-4a43-a7f4-1d7a3c9b2e10',
    poId: recalled.id,
    poNumber: recalled.number,
    decision: 'approve',
    outcome: 'conflict',
    message: `${recalled.number} changed after you read revision 1: it is now a draft. Recalled by Alice Moreau. Nothing was decided.`,
    reason: null,
    decidedAt: '2025-03-07T09:15:00.000Z',
    decidedRevision: 1,
  };
  let conflicts = [conflict];
  const dismissed: string[] = [];
  const state = () => ({ available: true, offline: true, copiedAt: '2025-03-07T08:00:00.000Z', copiedCount: 1, pending: 2, conflicts });
  await page.route('**/api/offlineReviewState', (route) => route.fulfill({ json: { ok: true, value: state() } }));
  await page.route('**/api/dismissReviewConflict', (route) => {
    dismissed.push((route.request().postDataJSON() as { decisionId: string }).decisionId);
    conflicts = [];
    return route.fulfill({ json: { ok: true, value: state() } });
  });

  await openReviewAs(page, 'sam', 1);
  const banner = page.getByRole('status').filter({ hasText: 'The team server cannot be reached' });
  await expect(banner).toContainText("reviewing from this workstation's copy made at 03/07/2025");
  await expect(banner).toContainText('2 decisions waiting to be sent.');
  const panel = page.getByRole('region', { name: 'Needs deciding again' });
  await expect(panel).toContainText(conflict.message);
  await expect(panel).toContainText('You had decided: Approve revision 1');
  // The desk still works from what main answers.
  await expect(detailTitle(page)).toContainText(first.number);
  await shot(page, testInfo, 'review-offline');

  // Opened fresh, the recalled PO says why it cannot be decided, before any key is pressed.
  await panel.getByRole('button', { name: `Open ${recalled.number} to decide again` }).click();
  await expect(detailTitle(page)).toContainText(recalled.number);
  await expect(detailTitle(page)).toBeFocused();
  await expect(page.getByRole('button', { name: /^Approve/ })).toBeDisabled();
  await expect(page.locator('#review-approve-why')).toContainText(`Cannot approve: ${recalled.number} is`);
  await page.keyboard.press('a');
  await expect(page.getByRole('alert')).toContainText(`${recalled.number} is`);
  await expect(page.locator('#review-confirm-question')).toHaveCount(0);

  await panel.getByRole('button', { name: `Dismiss the conflict on ${recalled.number}` }).click();
  await expect(panel).toHaveCount(0);
  expect(dismissed).toEqual([conflict.decisionId]);
});

for (const [width, height] of [
  [1024, 700],
  [1920, 1080],
] as const) {
  test(`fits ${width}×${height}: queue beside the PO, no sideways scroll`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await signIn(page, 'alice');
    await submitAsAlice(page, [
      ...THREE_POS,
      { description: 'Stainless fasteners for the harbour crane refit, assorted sizes as per the attached list', quantityMilli: 3_500, unitCostMinor: 390_000 },
    ]);
    await signOut(page);
    await openReviewAs(page, 'sam', 4);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const [queueBox, detailBox] = await Promise.all([page.locator('.review-queue-pane').boundingBox(), page.locator('.review-detail-pane').boundingBox()]);
    expect(queueBox && detailBox && queueBox.x + queueBox.width <= detailBox.x).toBe(true);
    // The decision is in view without scrolling.
    await expect(page.getByRole('button', { name: /^Approve/ })).toBeInViewport();
    await shot(page, testInfo, `review-desk-${width}x${height}`);
    await page.keyboard.press('r');
    await page.keyboard.type('Not this quarter');
    await shot(page, testInfo, `review-desk-reject-${width}x${height}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    await shot(page, testInfo, `review-desk-confirm-${width}x${height}`);
  });
}
