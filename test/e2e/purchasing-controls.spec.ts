import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { pdfText } from '../support/pdf-tools';
import { expect, shell, signIn, test, screenshotsAtBothSizes } from './desk-fixture';

/**
 * Billing entities, the cost-center list they narrow, their customer PO numbers on the PO and its
 * document, project-code mode, and the admin screens. Demo data: Alice (scheme NORTH: 210, 220, 110)
 * is in group Maintenance, which sees HFS (210, 220, 110) and PORT (310, 320, 210; customer PO
 * PEA-2026-0417); Bob is in no group.
 */

const entityField = (page: Page) => page.getByLabel('Billing entity', { exact: true });
const costCenterField = (page: Page) => page.getByLabel('Cost center', { exact: true });

async function newPo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New PO' }).click();
  await expect(page.getByLabel('Vendor', { exact: true })).toBeFocused();
}

async function fillHeader(page: Page, vendor: string, warehouse: string): Promise<void> {
  const field = page.getByLabel('Vendor', { exact: true });
  await field.fill(vendor);
  await field.press('Tab');
  await page.getByLabel('Warehouse', { exact: true }).selectOption(warehouse);
}

async function typeLine(page: Page, description: string, quantity: string, unitCost: string): Promise<void> {
  await page.getByLabel('Line 1 description').fill(description);
  await page.getByLabel('Line 1 quantity').fill(quantity);
  await page.getByLabel('Line 1 unit cost').fill(unitCost);
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await page.getByLabel('Line 1 G/L account').press('Tab');
}

/** No serious or critical axe finding on the screen as it stands. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(shell === 'electron').analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `serious or critical axe violations on ${what}`).toEqual([]);
}


async function setCodingMode(page: Page, mode: 'cost-centers' | 'project-codes' | 'off'): Promise<void> {
  const result = await page.evaluate((codingMode) => window.api.updateSettings({ codingMode }), mode);
  expect(result.ok).toBe(true);
}

test('a billing entity narrows the cost centers, says which list removed a code, and its customer PO number lands on the PO and its document', async ({ page }) => {
  await signIn(page, 'alice');
  await newPo(page);
  await fillHeader(page, 'GENERAL', 'MAIN');

  // Keyboard: the entity field comes after the warehouse and offers what Alice's group sees.
  await entityField(page).focus();
  await page.keyboard.press('ArrowDown');
  const options = page.getByRole('listbox', { name: 'Billing entities you may bill to' }).getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.nth(1)).toContainText('Customer PO PEA-2026-0417');
  await entityField(page).fill('port');
  await entityField(page).press('Tab');
  await expect(entityField(page)).toHaveValue('PORT');
  await expect(costCenterField(page)).toBeFocused();
  await expect(page.locator('#billing-entity-reason')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('#po-customer-po-number')).toContainText('PEA-2026-0417');

  // PORT links 310, 320 and 210; Alice's scheme NORTH holds 210, 220, 110: only 210 is on both lists.
  const listReason = page.locator('#cost-center-list-reason');
  await expect(listReason).toContainText('PORT');
  await expect(listReason).toContainText('The list of your scheme NORTH removed 310, 320.');
  await expect(listReason).toContainText('The list of billing entity PORT removed 220, 110.');
  await page.keyboard.press('ArrowDown');
  const choices = page.getByRole('listbox', { name: 'Cost center choices' }).getByRole('option');
  await expect(choices.first()).toContainText('210');
  await expect(page.getByRole('listbox', { name: 'Cost center choices' })).toContainText('Not on the scheme list');
  await page.keyboard.press('Escape');
  await costCenterField(page).fill('310');
  await costCenterField(page).press('Tab');
  await expect(page.locator('#cost-center-reason')).toHaveAttribute('data-status', 'refused');
  await costCenterField(page).fill('210');
  await costCenterField(page).press('Tab');
  await expect(page.locator('#cost-center-reason')).not.toHaveAttribute('data-status', 'refused');

  await typeLine(page, 'Mooring lines', '4', '35');
  await expectAccessible(page, 'PO entry with a billing entity');
  await screenshotsAtBothSizes(page, 'entry-billing-entity');

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved PO-000003');
  await expect(page.locator('#po-customer-po-number')).toContainText('PEA-2026-0417');
  const stored = await page.evaluate(async () => {
    const list = await window.api.listPos({});
    const row = list.ok ? list.value.rows.find((po) => po.number === 'PO-000003') : undefined;
    const opened = row ? await window.api.openPo({ id: row.id, mode: 'view' }) : null;
    return opened?.ok ? { billingEntity: opened.value.billingEntity, customerPoNumber: opened.value.customerPoNumber } : null;
  });
  expect(stored).toEqual({ billingEntity: { code: 'PORT', name: 'Port Eastwick Authority' }, customerPoNumber: 'PEA-2026-0417' });

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+p');
  const text = pdfText(await readFile(await (await download).path()));
  expect(text).toContain('PEA-2026-0417');
});

test('where the scheme requires no header cost center, "None" is offered next to the billing entity\'s codes, and each line carries its own', async ({ page }) => {
  // Pat's scheme WIDE requires no header cost center; Pat's groups see LEASE (410, HQ).
  await signIn(page, 'pat');
  await newPo(page);
  await fillHeader(page, 'GENERAL', 'MAIN');
  await entityField(page).fill('LEASE');
  await entityField(page).press('Tab');
  await expect(page.locator('#po-customer-po-number')).toContainText('FL-88-311');
  await expect(costCenterField(page)).toBeFocused();
  await costCenterField(page).fill('');
  await page.keyboard.press('ArrowDown');
  const choices = page.getByRole('listbox', { name: 'Cost center choices' }).getByRole('option');
  await expect(choices.filter({ hasText: 'No header cost center' })).toHaveCount(1);
  await expect(page.locator('#cost-center-list-reason')).toContainText('or None');
  await page.keyboard.press('Escape');
  await costCenterField(page).fill('no');
  await costCenterField(page).press('Tab');
  await expect(costCenterField(page)).toHaveValue('None');
  await expect(page.locator('#cost-center-reason')).not.toHaveAttribute('data-status', 'refused');

  await page.getByLabel('Line 1 description').fill('Tyres');
  await page.getByLabel('Line 1 quantity').fill('4');
  await page.getByLabel('Line 1 unit cost').fill('120');
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await page.getByLabel('Line 1 cost center').fill('410');
  await page.getByLabel('Line 1 cost center').press('Tab');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved PO-000003');
  const stored = await page.evaluate(async () => {
    const list = await window.api.listPos({});
    const row = list.ok ? list.value.rows.find((po) => po.number === 'PO-000003') : undefined;
    const opened = row ? await window.api.openPo({ id: row.id, mode: 'view' }) : null;
    return opened?.ok ? { header: opened.value.costCenterCode, line: opened.value.lines[0]?.costCenterCode, customerPoNumber: opened.value.customerPoNumber } : null;
  });
  expect(stored).toEqual({ header: null, line: '410', customerPoNumber: 'FL-88-311' });
  // Reopened, the PO still says None rather than proposing a default over it.
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.getByRole('button', { name: 'Change PO-000003' }).click();
  await expect(page.getByRole('heading', { name: 'PO-000003', level: 1 })).toBeVisible();
  await expect(entityField(page)).toHaveValue('LEASE');
  await expect(costCenterField(page)).toHaveValue('None');
  await expect(page.locator('#po-customer-po-number')).toContainText('FL-88-311');
});

test('project-code mode: the project code replaces the cost center, and a blank one is refused beside the field', async ({ page }) => {
  await signIn(page, 'admin');
  await setCodingMode(page, 'project-codes');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'alice');
  await newPo(page);
  await fillHeader(page, 'ACME', 'MAIN');
  await expect(costCenterField(page)).toHaveCount(0);
  const projectCode = page.getByLabel('Project code', { exact: true });
  await expect(projectCode).toBeVisible();
  await expect(page.locator('#project-code-reason')).toHaveAttribute('data-status', 'blank');
  await typeLine(page, 'Survey pegs', '10', '2.5');
  // The grid has no cost-center column in this mode.
  await expect(page.getByLabel('Line 1 cost center')).toHaveCount(0);

  await page.keyboard.press('Control+s');
  const summary = page.getByRole('alert', { name: 'Why the PO was not saved' });
  await expect(summary.getByRole('button', { name: 'Project code' })).toBeVisible();
  await expect(projectCode).toBeFocused();
  await expect(projectCode).toHaveAttribute('aria-invalid', 'true');
  await expect(projectCode).toHaveAccessibleDescription(/project code/i);
  await expectAccessible(page, 'PO entry with a refused project code');
  await screenshotsAtBothSizes(page, 'entry-project-code-refused');

  await projectCode.fill('  P-2026/07 ');
  await projectCode.press('Enter');
  await expect(page.locator('#project-code-reason')).toHaveAttribute('data-status', 'ok');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved PO-000003');
  const stored = await page.evaluate(async () => {
    const list = await window.api.listPos({});
    const row = list.ok ? list.value.rows.find((po) => po.number === 'PO-000003') : undefined;
    const opened = row ? await window.api.openPo({ id: row.id, mode: 'view' }) : null;
    return opened?.ok ? opened.value.projectCode : null;
  });
  expect(stored).toBe('P-2026/07');
});

test('an admin adds a billing entity with its cost centers and customer PO number, and a group that sees it; its member then bills to it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Billing entities and groups' }).click();
  const entities = page.getByRole('table', { name: 'Billing entities' });
  await expect(entities.getByRole('row', { name: /PORT/ })).toContainText('PEA-2026-0417');
  await expect(entities.getByRole('row', { name: /PORT/ })).toContainText('Maintenance');

  await page.getByRole('button', { name: 'Add a billing entity…' }).click();
  const form = page.getByRole('region', { name: 'Add a billing entity' });
  await expect(form.getByLabel('Code')).toBeFocused();
  await form.getByLabel('Code').fill('port');
  await form.getByLabel('Name', { exact: true }).fill('Second port');
  await form.getByRole('button', { name: 'Add billing entity' }).click();
  // Main's refusal stands beside the field it is about, and the cursor goes there.
  await expect(form.getByLabel('Code')).toBeFocused();
  await expect(form.getByLabel('Code')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Code')).toHaveAccessibleDescription(/Billing entity PORT already exists/);
  await expectAccessible(page, 'a refused billing entity');

  await form.getByLabel('Code').fill('dock');
  await form.getByLabel('Name', { exact: true }).fill('Dockside Holdings');
  await form.getByLabel('Customer PO number').fill('DH-0042');
  await form.getByRole('checkbox', { name: /^220/ }).check();
  await form.getByRole('checkbox', { name: /^210/ }).check();
  await expect(form).toContainText('In the order ticked: 220, 210.');
  await screenshotsAtBothSizes(page, 'admin-billing-entity-form');
  await form.getByRole('button', { name: 'Add billing entity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'billing entity' })).toHaveText('Added billing entity DOCK; recorded in the audit log.');
  await expect(page.getByRole('button', { name: 'Change billing entity DOCK' })).toBeFocused();
  const dock = entities.getByRole('row', { name: /DOCK/ });
  await expect(dock).toContainText('DH-0042');
  await expect(dock).toContainText('220, 210');
  await expect(dock).toContainText('no group: nobody may bill to it');

  await page.getByRole('button', { name: 'Add a user group…' }).click();
  const group = page.getByRole('region', { name: 'Add a user group' });
  await expect(group.getByLabel('Group name')).toBeFocused();
  await group.getByLabel('Group name').fill('Dock crew');
  await group.getByLabel('Description').fill('Works on the docks');
  await group.getByRole('checkbox', { name: /^Bob Lindqvist/ }).check();
  await group.getByRole('checkbox', { name: /^DOCK/ }).check();
  await group.getByRole('button', { name: 'Add user group' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'user group' })).toHaveText('Added user group Dock crew; recorded in the audit log.');
  const groups = page.getByRole('table', { name: 'User groups' });
  await expect(groups.getByRole('row', { name: /Dock crew/ })).toContainText('Bob Lindqvist');
  await expect(groups.getByRole('row', { name: /Dock crew/ })).toContainText('DOCK');
  await expect(dock).toContainText('Dock crew');
  await expectAccessible(page, 'the billing entities and user groups');
  await screenshotsAtBothSizes(page, 'admin-billing-entities');

  // Bob, now in Dock crew, bills to DOCK: its customer PO number goes on his PO.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'bob');
  await newPo(page);
  await fillHeader(page, 'BOLT', 'MAIN');
  await entityField(page).fill('DOCK');
  await entityField(page).press('Tab');
  await expect(page.locator('#po-customer-po-number')).toContainText('DH-0042');
});

test('a supervisor reads the billing entities and user groups but cannot change them; an operator has no such tab', async ({ page }) => {
  await signIn(page, 'sam');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Billing entities and groups' }).click();
  await expect(page.getByRole('table', { name: 'Billing entities' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Add a billing entity…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Change billing entity/ })).toHaveCount(0);
  await expect(page.getByText('You may read the billing entities; only an administrator changes them.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'alice');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Billing entities and groups' })).toHaveCount(0);
});

test('the installation chooses one coding mode: cost centers, project codes or off, never both; switching says stored POs keep their codes', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  const installation = page.getByRole('region', { name: 'Installation settings' });
  const modes = installation.getByRole('group', { name: 'How POs are coded' });
  await expect(modes.getByRole('radio', { name: /^Cost centers/ })).toBeChecked();
  await expect(modes).toHaveAccessibleDescription(/cannot both be in use/);
  await expect(modes).toHaveAccessibleDescription(/Switching never rewrites stored POs/);
  // Radios: choosing one is choosing it instead of the other, by arrow keys as well.
  await modes.getByRole('radio', { name: /^Cost centers/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(modes.getByRole('radio', { name: /^Project codes/ })).toBeChecked();
  await expect(modes.getByRole('radio', { name: /^Cost centers/ })).not.toBeChecked();
  await installation.getByRole('checkbox', { name: 'Budget order required' }).check();
  await screenshotsAtBothSizes(page, 'settings-coding-mode');

  await installation.getByRole('button', { name: /^Save installation settings/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Change installation settings?' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Coding mode: cost centers → project codes. Every PO carries a project code typed at entry, in place of the cost center; a PO without one is refused. Stored POs keep the cost centers they were saved with.',
    'Budget order required: off → on. A PO cannot be submitted without a budget order valid on its date; drafts can still be saved without one.',
  ]);
  await expectAccessible(page, 'the coding-mode confirmation');
  await page.keyboard.press('Enter');
  await expect(installation.getByRole('status')).toContainText('Saved and recorded in the audit log: Coding mode: cost centers → project codes; Budget order required: off → on.');
  expect(await page.evaluate(() => window.api.getSettings({}))).toMatchObject({ ok: true, value: { codingMode: 'project-codes', costCentersEnabled: false, budgetOrderRequired: true } });

  // Main refuses both at once, whatever a screen sends, and says why.
  const both = await page.evaluate(() => window.api.updateSettings({ codingMode: 'project-codes', costCentersEnabled: true }));
  expect(both).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cannot both be in use|contradict/) } });
});
