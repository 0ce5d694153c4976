import type { Page } from '@playwright/test';
import { call, defaultOrganisationCode, markOf, newPoFor, showCodingColumns } from './coding-steps';
import { expect, screenshotsAtBothSizes, signIn, test } from './desk-fixture';

/**
 * The PO header level of order-row coding at entry (issue 11): the PO coding dialog (Alt+K) shows
 * the organisation's, the vendor's and the header's value of each dimension, the header's are set
 * by keyboard, every row is coded again on Apply (a row's own value still wins), and the header
 * coding is saved and read back.
 *
 * Set up through main's own admin calls (as Dana Admin):
 * - cost units CU-E1 (the organisation's default) and CU-E2, projects P-E100 and P-E200, global and the organisation's;
 * - vendor GENERAL, domestic, with cost unit CU-E2 as its own coding (the vendor level);
 * - items BOLT-M8 and GLOVE-L in product group E2E-PLAIN, which has no matrix cell, so nothing else codes them;
 * - account 5100 asks Yes of cost center, cost unit and project; no row-above carrying.
 */

const SHOTS = '.tmp/shots-header-coding';

async function setUpCoding(page: Page, overrideRight: boolean): Promise<void> {
  await signIn(page, 'admin');
  await call(page, 'saveRowCodingSettings', { codingFromRowAbove: false, codingOnlyInExtraRowInfo: false, mandatoryCoding: false, operatorsMayOverrideCoding: overrideRight });
  const organisationCode = await defaultOrganisationCode(page);
  for (const [typeCode, code, name, isDefault] of [
    ['cost-unit', 'CU-E1', 'Workshop', true],
    ['cost-unit', 'CU-E2', 'Hydraulics bay', false],
    ['project', 'P-E100', 'Quay refit', false],
    ['project', 'P-E200', 'Crane overhaul', false],
  ] as const) {
    // The vendor level is judged against the global set, the rows against the organisation's own copy.
    await call(page, 'saveDimensionValue', { organisationCode: null, typeCode, code, name });
    await call(page, 'saveDimensionValue', { organisationCode, typeCode, code, name, isDefault });
  }
  await call(page, 'saveProductGroup', { code: 'E2E-PLAIN', name: 'Consumables' });
  await call(page, 'saveSupplierGroup', { code: 'E2E-SG', name: 'General suppliers' });
  await call(page, 'saveVendorCoding', { vendorCode: 'GENERAL', supplierGroupCode: 'E2E-SG', supplierType: 'domestic', values: { 'cost-unit': 'CU-E2' } });
  await call(page, 'saveItemCoding', { itemCode: 'BOLT-M8', productGroupCode: 'E2E-PLAIN' });
  await call(page, 'saveItemCoding', { itemCode: 'GLOVE-L', productGroupCode: 'E2E-PLAIN' });
  await call(page, 'saveChartAccount', { code: '5100', requirements: { 'cost-center': 'yes', 'cost-unit': 'yes', project: 'yes' } });
  await page.getByRole('button', { name: 'Sign out' }).click();
}

async function typeRow(page: Page, line: number, item: string, quantity: string): Promise<void> {
  await page.getByLabel(`Line ${line} item`).fill(item);
  await page.getByLabel(`Line ${line} item`).press('Tab');
  await page.getByLabel(`Line ${line} quantity`).fill(quantity);
  await page.getByLabel(`Line ${line} quantity`).press('Tab');
  await page.getByLabel(`Line ${line} G/L account`).fill('5100');
  await page.getByLabel(`Line ${line} G/L account`).press('Tab');
}


test('a header project set by keyboard codes every row without its own; a row’s own value still wins; saved and read back', async ({ page }) => {
  await setUpCoding(page, true);
  await signIn(page, 'bob');
  await newPoFor(page, 'GENERAL');
  await showCodingColumns(page);
  const summary = page.locator('#po-coding-summary');
  await expect(summary).toHaveText('No header coding');

  await typeRow(page, 1, 'BOLT-M8', '10');
  await page.getByRole('button', { name: '+ Add line' }).click();
  await typeRow(page, 2, 'GLOVE-L', '4');
  // Row 2 has a project of its own, typed in the grid.
  await page.getByLabel('Line 2 project').fill('P-E200');
  await page.getByLabel('Line 2 project').press('Tab');
  await expect(markOf(page, 'Line 2 project')).toHaveText('R');
  // Before any header coding the cost unit comes from the vendor, over the organisation's default.
  await expect(page.getByLabel('Line 1 cost unit')).toHaveValue('CU-E2');
  await expect(markOf(page, 'Line 1 cost unit')).toHaveText('V');
  await expect(page.getByLabel('Line 1 project')).toHaveValue('');

  await page.keyboard.press('Alt+k');
  const dialog = page.getByRole('dialog', { name: 'PO coding' });
  await expect(dialog).toBeVisible();
  const unitRow = dialog.getByRole('row', { name: /Cost unit/ });
  await expect(unitRow.getByRole('cell').nth(0)).toContainText('CU-E1');
  await expect(unitRow.getByRole('cell').nth(1)).toContainText('CU-E2');
  // The cost center's header level is the header's own field: read-only here, with the way to it.
  await expect(dialog.getByLabel('PO header cost center')).toHaveAttribute('readonly', '');
  await expect(dialog.getByRole('row', { name: /Cost center/ })).toContainText('Cost center field');
  // Keyboard only: Tab from the first field to the project, type-ahead, Enter picks.
  await expect(dialog.getByLabel('PO header purchase account')).toBeFocused();
  const project = dialog.getByLabel('PO header project');
  for (let step = 0; step < 5 && !(await project.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('Tab');
  await expect(project).toBeFocused();
  await page.keyboard.type('p-e1');
  await expect(page.getByRole('listbox', { name: 'Known values of project' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(project).toHaveValue('P-E100');
  await expect(dialog.getByRole('row', { name: /Project/ }).getByRole('cell').nth(3)).toContainText('P-E100');
  await screenshotsAtBothSizes(page, 'po-coding-dialog', SHOTS);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /PO coding/ })).toBeFocused();
  await expect(summary).toHaveText('Header: project P-E100');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  // Row 1 has no project of its own: the header's, marked H. Row 2 keeps its own, marked R.
  await expect(page.getByLabel('Line 1 project')).toHaveValue('P-E100');
  await expect(markOf(page, 'Line 1 project')).toHaveText('H');
  await expect(page.getByLabel('Line 2 project')).toHaveValue('P-E200');
  await expect(markOf(page, 'Line 2 project')).toHaveText('R');
  await expect(markOf(page, 'Line 1 cost unit')).toHaveText('V');

  // Escape cancels: nothing the dialog held changes.
  await page.keyboard.press('Alt+k');
  await dialog.getByLabel('PO header project').fill('P-E200');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(summary).toHaveText('Header: project P-E100');

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved PO-000003');
  const stored = await page.evaluate(async () => {
    const list = await window.api.listPos({});
    const row = list.ok ? list.value.rows.find((po) => po.number === 'PO-000003') : undefined;
    const opened = row ? await window.api.openPo({ id: row.id, mode: 'view' }) : null;
    return opened?.ok ? { header: opened.value.coding?.values, rows: opened.value.lines.map((line) => line.coding?.row.project?.value ?? null) } : null;
  });
  expect(stored).toEqual({ header: { project: 'P-E100' }, rows: [null, 'P-E200'] });

  // Reopened from the list: the header coding and the levels it decides are as saved.
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await page.getByRole('button', { name: 'Change PO-000003' }).click();
  await expect(page.getByRole('heading', { name: 'PO-000003', level: 1 })).toBeVisible();
  await expect(summary).toHaveText('Header: project P-E100');
  await showCodingColumns(page);
  await expect(page.getByLabel('Line 1 project')).toHaveValue('P-E100');
  await expect(markOf(page, 'Line 1 project')).toHaveText('H');
  await expect(markOf(page, 'Line 2 project')).toHaveText('R');

  // Cleared in the dialog, row 1 has no project again; row 2 still has its own.
  await page.getByRole('button', { name: /PO coding/ }).click();
  await dialog.getByLabel('PO header project').fill('');
  await dialog.getByLabel('PO header project').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(summary).toHaveText('No header coding');
  await expect(page.getByLabel('Line 1 project')).toHaveValue('');
  await expect(page.getByLabel('Line 2 project')).toHaveValue('P-E200');
});

test('a value that is not on the list is refused beside the field; without the override right the vendor’s value stays', async ({ page }) => {
  await setUpCoding(page, false);
  await signIn(page, 'bob');
  await newPoFor(page, 'GENERAL');
  await typeRow(page, 1, 'BOLT-M8', '2');
  await page.keyboard.press('Alt+k');
  const dialog = page.getByRole('dialog', { name: 'PO coding' });
  const project = dialog.getByLabel('PO header project');
  await project.fill('P-NOPE');
  await project.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(project).toBeFocused();
  await expect(dialog.getByRole('row', { name: /Project/ })).toContainText('There is no project P-NOPE');
  await project.fill('');
  // The vendor codes cost unit CU-E2; replacing it on the header is an override, which Bob may not make.
  const unit = dialog.getByLabel('PO header cost unit');
  await unit.fill('CU-E1');
  await unit.press('Tab');
  await expect(dialog.getByRole('row', { name: /Cost unit/ })).toContainText('needs the right to override coding');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('#po-coding-summary')).toHaveText('No header coding');
});
