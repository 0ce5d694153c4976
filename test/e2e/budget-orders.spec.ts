import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { SavePoInput } from '../../src/shared/contracts';
import { expect, shell, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * Budget orders at PO entry and in the budget view. Demo data: BO-SMALL (total 1,000.00) and
 * BO-QUAY (50,000.00, customer PO PEA-BUDGET-7) are open for years around now; BO-2024 expired.
 * Bob (scheme SOLO: 210) enters every PO here on vendor ACME at warehouse MAIN; under the demo's
 * approval bands (from 10,000.00) his POs are approved on submit.
 */

const budgetField = (page: Page) => page.getByLabel('Budget order', { exact: true });
const headroom = (page: Page) => page.locator('.budget-headroom');
const statusBar = (page: Page, number: string) => page.getByRole('region', { name: `Where ${number} stands` });
const saveNotice = (page: Page) => page.getByRole('status').filter({ hasText: /Saved|Not saved/ });

async function budgetIdOf(page: Page, number: string): Promise<number> {
  const id = await page.evaluate(async (wanted) => {
    const picker = await window.api.budgetOrderPicker({});
    return picker.ok ? (picker.value.options.find((option) => option.number === wanted)?.id ?? null) : null;
  }, number);
  if (id === null) throw new Error(`Budget order ${number} is not offered today.`);
  return id;
}

/** A draft saved through the app's own `window.api`, for the set-up a test is not about. */
async function saveDraft(page: Page, budgetOrderId: number, unitCostMinor: number): Promise<{ id: number; number: string }> {
  const input: SavePoInput = {
    vendorCode: 'ACME',
    warehouseCode: 'MAIN',
    costCenterCode: '210',
    costCenterEntered: true,
    budgetOrderId,
    lines: [{ itemCode: null, description: 'Fenders', quantityMilli: 1000, unitCostMinor, glAccountCode: '5000' }],
  };
  const saved = await page.evaluate(async (po) => {
    const result = await window.api.savePo(po);
    return result.ok ? { id: result.value.id, number: result.value.number } : result.error.message;
  }, input);
  if (typeof saved === 'string') throw new Error(`The PO was not saved: ${saved}`);
  return saved;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(shell === 'electron').analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `serious or critical axe violations on ${what}`).toEqual([]);
}


test('the picker shows each budget order valid today with its total and unallocated; typing lines shows what the PO leaves, warns before the limit, and a save above it is refused', async ({ page }) => {
  await signIn(page, 'bob');
  // Another draft on BO-SMALL: provisional, so it warns but never refuses.
  await saveDraft(page, await budgetIdOf(page, 'BO-SMALL'), 30_000);

  await page.keyboard.press('Alt+n');
  const vendor = page.getByLabel('Vendor', { exact: true });
  await vendor.fill('ACME');
  await vendor.press('Tab');
  await page.getByLabel('Warehouse', { exact: true }).selectOption('MAIN');
  await expect(page.getByLabel('Cost center', { exact: true })).toHaveValue('210');

  // Keyboard only: the budget order comes after the cost center; ↓ lists what is open today.
  await page.getByLabel('Cost center', { exact: true }).press('Tab');
  await expect(budgetField(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const options = page.getByRole('listbox', { name: /^Budget orders open on/ }).getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.filter({ hasText: 'BO-2024' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'BO-QUAY' })).toContainText('Total 50,000.00 · unallocated 50,000.00');
  await expect(options.filter({ hasText: 'BO-QUAY' })).toContainText('customer PO PEA-BUDGET-7');
  await expect(options.filter({ hasText: 'BO-SMALL' })).toContainText('Total 1,000.00 · unallocated 1,000.00');
  await page.keyboard.type('BO-S');
  await page.keyboard.press('Tab');
  await expect(budgetField(page)).toHaveValue('BO-SMALL');
  await expect(page.getByLabel('Line 1 item')).toBeFocused();
  await expect(page.locator('#budget-order-reason')).toContainText('1,000.00 unallocated for this PO');

  // 800.00 fits alone, but not with the other draft's 300.00: a warning before any save.
  await page.getByLabel('Line 1 description').fill('Mooring chain');
  await page.getByLabel('Line 1 quantity').fill('2');
  await page.getByLabel('Line 1 unit cost').fill('400');
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await expect(headroom(page)).toHaveAttribute('data-level', 'near-limit');
  await expect(page.locator('#budget-headroom')).toHaveText(/fits budget order BO-SMALL, leaving 200\.00, but not together with the other drafts on it \(300\.00\)/);
  await expect(headroom(page)).toContainText('Leaves unallocated-100.00');
  await expect(budgetField(page)).toHaveAccessibleDescription(/not together with the other drafts/);
  await screenshotsAtBothSizes(page, 'entry-budget-near-limit');

  // 1,200.00 is more than BO-SMALL has unallocated: the screen says so while typing, and main refuses the save beside the field.
  await page.getByLabel('Line 1 quantity').fill('3');
  await expect(headroom(page)).toHaveAttribute('data-level', 'over');
  await expect(page.locator('#budget-headroom')).toContainText("Over budget order BO-SMALL: this PO's 1,200.00 is 200.00 more than its 1,000.00 unallocated");
  await page.keyboard.press('Control+s');
  const summary = page.getByRole('alert', { name: 'Why the PO was not saved' });
  await expect(summary.getByRole('button', { name: 'Budget order' })).toBeVisible();
  await expect(budgetField(page)).toBeFocused();
  await expect(budgetField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-budget')).toContainText('200.00 over');
  await expectAccessible(page, 'PO entry with a refused budget order');
  await screenshotsAtBothSizes(page, 'entry-budget-over');

  await page.getByLabel('Line 1 quantity').fill('2');
  await expect(headroom(page)).toHaveAttribute('data-level', 'near-limit');
  await page.keyboard.press('Control+s');
  await expect(saveNotice(page)).toContainText('Saved PO-000004');
});

test('from approval on the budget order is locked: the picker is read-only with the reason, and main refuses a change', async ({ page }) => {
  await signIn(page, 'bob');
  const quay = await budgetIdOf(page, 'BO-QUAY');
  const small = await budgetIdOf(page, 'BO-SMALL');
  const po = await saveDraft(page, quay, 12_500);

  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.getByRole('button', { name: `Change ${po.number}` }).click();
  const bar = statusBar(page, po.number);
  await expect(budgetField(page)).toHaveValue('BO-QUAY');
  await expect(budgetField(page)).not.toHaveAttribute('readonly');
  // While a draft, it may move to another budget order.
  await budgetField(page).fill('BO-SMALL');
  await budgetField(page).press('Tab');
  await page.keyboard.press('Control+s');
  await expect(saveNotice(page)).toContainText(`Saved ${po.number}`);
  await budgetField(page).fill('BO-QUAY');
  await budgetField(page).press('Tab');
  await page.keyboard.press('Control+s');
  await expect(saveNotice(page)).toContainText(`Saved ${po.number}`);

  // Under every approval band: approved on submit, and from then on locked to BO-QUAY.
  await page.keyboard.press('Control+Enter');
  await expect(bar.getByRole('heading')).toHaveText('Status: Approved Revision 1');
  await expect(page.locator('#budget-order-reason')).toHaveAttribute('data-status', 'locked');
  await expect(page.locator('#budget-order-reason')).toContainText('BO-QUAY');

  // Released and changed by a change order: the draft is open for change, the budget order is not.
  await bar.getByRole('button', { name: 'Release' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: /^Release revision 1/ }).click();
  await expect(bar.getByRole('heading')).toHaveText('Status: Released Revision 1');
  await bar.getByRole('button', { name: 'Change order' }).click();
  await page.getByRole('alertdialog', { name: `Start a change order on ${po.number}?` }).getByRole('button', { name: 'Start revision 2' }).click();
  await expect(bar.getByRole('heading')).toHaveText('Status: Draft Revision 2');
  await expect(page.getByText('Changing', { exact: true })).toBeVisible();
  await expect(budgetField(page)).toHaveAttribute('readonly', '');
  await expect(budgetField(page)).toHaveValue('BO-QUAY');
  await expect(budgetField(page)).toHaveAccessibleDescription(/locked/i);
  await expect(page.locator('.field-budget')).toContainText('Locked');
  await expectAccessible(page, 'a change order with its budget order locked');
  await screenshotsAtBothSizes(page, 'entry-budget-locked');

  // Main holds the lock whatever a screen sends.
  const refusal = await page.evaluate(
    async ({ id, budgetOrderId }) => {
      const opened = await window.api.openPo({ id, mode: 'change' });
      if (!opened.ok) return opened.error.message;
      const po = opened.value;
      const result = await window.api.savePo({
        id,
        version: po.version,
        vendorCode: po.vendorCode,
        warehouseCode: po.warehouseCode,
        costCenterCode: po.costCenterCode,
        budgetOrderId,
        lines: po.lines.map((line) => ({
          id: line.id,
          itemCode: line.itemCode,
          description: line.description,
          quantityMilli: line.quantityMilli,
          unitCostMinor: line.unitCostMinor,
          distributionType: line.distributionType,
          glAccountCode: line.glAccountCode,
          costCenterCode: line.costCenterCode,
        })),
      });
      return result.ok ? 'saved' : result.error.message;
    },
    { id: po.id, budgetOrderId: small },
  );
  expect(refusal).toMatch(/locked to budget order BO-QUAY/);
});

test('the budget view: each budget order with total, allocated, provisional and unallocated, its POs, and a chart of use over time', async ({ page }) => {
  await signIn(page, 'bob');
  const quay = await budgetIdOf(page, 'BO-QUAY');
  await saveDraft(page, quay, 250_000);
  const approved = await saveDraft(page, quay, 400_000);
  const submitted = await page.evaluate(async (id) => {
    const opened = await window.api.openPo({ id, mode: 'view' });
    if (!opened.ok) return opened.error.message;
    const result = await window.api.changePoStatus({ id, version: opened.value.version, step: 'submit' });
    return result.ok ? result.value.status : result.error.message;
  }, approved.id);
  expect(submitted).toBe('approved');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Supervisors read the budget view too.
  await signIn(page, 'sam');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Budgets' }).click();
  await expect(page.getByRole('heading', { name: 'Budgets', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Budget orders' });
  const row = table.getByRole('row', { name: /BO-QUAY/ });
  await expect(row).toContainText('PEA-BUDGET-7');
  await expect(row).toContainText('50,000.00');
  await expect(row).toContainText('4,000.00');
  await expect(row).toContainText('2,500.00');
  await expect(row).toContainText('46,000.00');
  await expect(page.getByRole('button', { name: 'Add a budget order…' })).toHaveCount(0);

  await row.getByRole('button', { name: 'Show budget order BO-QUAY' }).click();
  const detail = page.getByRole('region', { name: /Budget order BO-QUAY/ });
  const pos = detail.getByRole('table', { name: 'POs on budget order BO-QUAY' });
  await expect(pos.getByRole('row')).toHaveCount(3);
  await expect(pos.getByRole('row', { name: /PO-000004/ })).toContainText('Allocated');
  await expect(pos.getByRole('row', { name: /PO-000003/ })).toContainText('Provisional');
  await expect(detail.getByRole('application', { name: 'Use of budget order BO-QUAY over time' })).toBeVisible();
  await expect(detail.locator('.budget-chart .recharts-area')).toHaveCount(2);
  await expect(detail.getByRole('figure')).toContainText('holds 6,500.00 of its 50,000.00');
  await expectAccessible(page, 'the budget view');
  await screenshotsAtBothSizes(page, 'budget-view');

  // A PO opens from its budget order.
  await pos.getByRole('button', { name: 'Open PO-000004' }).click();
  await expect(page.getByRole('heading', { name: 'PO-000004', level: 1 })).toBeVisible();
});

test('an admin adds a budget order in the budget view; a total below what POs hold is refused beside the field', async ({ page }) => {
  await signIn(page, 'bob');
  await saveDraft(page, await budgetIdOf(page, 'BO-SMALL'), 50_000);
  const submitted = await page.evaluate(async () => {
    const list = await window.api.listPos({});
    const row = list.ok ? list.value.rows.find((po) => po.number === 'PO-000003') : undefined;
    if (!row) return 'no PO-000003';
    const opened = await window.api.openPo({ id: row.id, mode: 'view' });
    if (!opened.ok) return opened.error.message;
    const result = await window.api.changePoStatus({ id: row.id, version: opened.value.version, step: 'submit' });
    return result.ok ? result.value.status : result.error.message;
  });
  expect(submitted).toBe('approved');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Budgets' }).click();
  await page.getByRole('button', { name: 'Add a budget order…' }).click();
  const form = page.getByRole('region', { name: 'Add a budget order' });
  await expect(form.getByLabel('Number', { exact: true })).toBeFocused();
  await form.getByLabel('Number', { exact: true }).fill('bo-dock');
  await form.getByLabel('Customer PO number').fill('PEA-DOCK-1');
  await form.getByLabel('Total').fill('12,5');
  await form.getByLabel('Total').press('Tab');
  await expect(form.getByLabel('Total')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Total')).toHaveAccessibleDescription(/groups thousands there/);
  await form.getByLabel('Total').fill('12500');
  await form.getByLabel('Total').press('Tab');
  await expect(form.getByLabel('Total')).toHaveValue('12,500.00');
  await form.getByLabel('Valid from').fill('2026-01-01');
  await form.getByLabel('Valid to').fill('2027-12-31');
  await form.getByRole('button', { name: 'Add budget order' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'budget order' })).toHaveText('Added budget order BO-DOCK; recorded in the audit log.');
  await expect(page.getByRole('table', { name: 'Budget orders' }).getByRole('row', { name: /BO-DOCK/ })).toContainText('12,500.00');

  // BO-SMALL has 500.00 allocated: its total cannot go below that.
  await page.getByRole('button', { name: 'Change budget order BO-SMALL' }).click();
  const change = page.getByRole('region', { name: 'Change budget order BO-SMALL' });
  await expect(change.getByLabel('Total')).toBeFocused();
  await change.getByLabel('Total').fill('400');
  await change.getByRole('button', { name: 'Save budget order' }).click();
  await expect(change.getByLabel('Total')).toBeFocused();
  await expect(change.getByLabel('Total')).toHaveAttribute('aria-invalid', 'true');
  await expect(change).toContainText('cannot be below the 500.00 already allocated');
  await expectAccessible(page, 'a refused budget order total');
  await screenshotsAtBothSizes(page, 'budget-form-refused');
});
