import type { Page } from '@playwright/test';
import { call, defaultOrganisationCode, markOf, newPoFor, showCodingColumns } from './coding-steps';
import { expect, screenshotsAtBothSizes, signIn, test } from './desk-fixture';

/**
 * Order-row coding at PO entry (issue 11): rows coded by the row above and the purchase-account
 * matrix, each value's level shown; the coding box by Alt+C, keyboard only; a save refused for a
 * missing Mandatory project; and admin changes on the Row coding screen: a product group added, a
 * matrix cell deleted by keyboard after the question, a value still in use refused with where.
 *
 * The coding the tests need is set up here through main's own admin calls (as Dana Admin), so the
 * tests say exactly what they rely on:
 * - items BOLT-M8 and GLOVE-L in product group E2E-PLAIN, which has no matrix cell;
 * - item FILTER-H in product group E2E-HYD; vendor GENERAL in supplier group E2E-SG, domestic;
 * - the matrix cell E2E-HYD × E2E-SG gives purchase account 5100 and cost unit CU-E2 for domestic vendors;
 * - account 5000 asks for cost unit (Yes) and makes the project Mandatory; 5100 asks Yes of both;
 * - cost units CU-E1, CU-E2 and projects P-E100, P-E200, values of the default organisation.
 */

const SHOTS = '.tmp/shots-coding-ui';

async function setUpCoding(page: Page, settings: Record<string, unknown>): Promise<void> {
  await signIn(page, 'admin');
  await call(page, 'saveRowCodingSettings', { codingFromRowAbove: true, codingOnlyInExtraRowInfo: false, operatorsMayOverrideCoding: true, ...settings });
  // The values go to the organisation POs are coded for by default (its own copy of the set).
  const organisationCode = await defaultOrganisationCode(page);
  for (const [typeCode, code, name] of [
    ['cost-unit', 'CU-E1', 'Workshop'],
    ['cost-unit', 'CU-E2', 'Hydraulics bay'],
    ['project', 'P-E100', 'Quay refit'],
    ['project', 'P-E200', 'Crane overhaul'],
  ] as const) {
    await call(page, 'saveDimensionValue', { organisationCode, typeCode, code, name });
  }
  await call(page, 'saveProductGroup', { code: 'E2E-PLAIN', name: 'Consumables' });
  await call(page, 'saveProductGroup', { code: 'E2E-HYD', name: 'Hydraulics' });
  await call(page, 'saveSupplierGroup', { code: 'E2E-SG', name: 'General suppliers' });
  await call(page, 'saveVendorCoding', { vendorCode: 'GENERAL', supplierGroupCode: 'E2E-SG', supplierType: 'domestic' });
  await call(page, 'saveItemCoding', { itemCode: 'BOLT-M8', productGroupCode: 'E2E-PLAIN' });
  await call(page, 'saveItemCoding', { itemCode: 'GLOVE-L', productGroupCode: 'E2E-PLAIN' });
  await call(page, 'saveItemCoding', { itemCode: 'FILTER-H', productGroupCode: 'E2E-HYD' });
  await call(page, 'saveChartAccount', { code: '5000', requirements: { 'cost-center': 'yes', 'cost-unit': 'yes', project: 'mandatory' } });
  await call(page, 'saveChartAccount', { code: '5100', requirements: { 'cost-center': 'yes', 'cost-unit': 'yes', project: 'yes' } });
  await call(page, 'saveMatrixCell', {
    organisationCode,
    productGroupCode: 'E2E-HYD',
    supplierGroupCode: 'E2E-SG',
    accounts: { domestic: '5100', eu: null, import: null },
    costUnitCode: 'CU-E2',
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
}

async function typeItem(page: Page, line: number, item: string, quantity: string): Promise<void> {
  const cell = page.getByLabel(`Line ${line} item`);
  await cell.fill(item);
  await cell.press('Tab');
  await page.getByLabel(`Line ${line} quantity`).fill(quantity);
  await page.getByLabel(`Line ${line} quantity`).press('Tab');
}

/** The level marker beside a cell: its letter, and the title that says it in words. */

/**
 * Both screen sizes the desk is made for, kept for people to look at. `within` is the part this
 * spec is about: it must not scroll sideways (the whole page for the entry screen; the panel for
 * the admin screen, whose top bar is not this feature's).
 */
test('three rows: the row above carries the coding, the matrix overrides it, and each value says its level', async ({ page }) => {
  await setUpCoding(page, { mandatoryCoding: false });
  await signIn(page, 'bob');
  await newPoFor(page, 'GENERAL');
  await showCodingColumns(page);

  // Row 1: a part whose product group has no matrix cell; G/L typed, then coded in the box by keyboard.
  await typeItem(page, 1, 'BOLT-M8', '10');
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await page.getByLabel('Line 1 G/L account').press('Tab');
  await page.getByLabel('Line 1 G/L account').focus();
  await page.keyboard.press('Alt+c');
  const box = page.getByRole('dialog', { name: 'Coding of line 1' });
  await expect(box).toBeVisible();
  await expect(box.getByRole('row', { name: /Project/ })).toContainText('Mandatory');
  await box.getByLabel('Cost unit', { exact: true }).focus();
  await page.keyboard.type('cu-e1');
  await page.keyboard.press('Tab');
  await expect(box.getByLabel('Project', { exact: true })).toBeFocused();
  await page.keyboard.type('P-E1');
  await expect(page.getByRole('listbox', { name: 'Known values of project' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(box.getByLabel('Project', { exact: true })).toHaveValue('P-E100');
  await expect(box.getByRole('row', { name: /Project/ })).toContainText('Row, entered by hand');
  await screenshotsAtBothSizes(page, 'coding-box', SHOTS);
  await page.keyboard.press('Enter');
  await expect(box).toBeHidden();
  // Focus is back in the row it was opened from.
  await expect(page.getByLabel('Line 1 G/L account')).toBeFocused();
  await expect(page.getByLabel('Line 1 cost unit')).toHaveValue('CU-E1');
  await expect(page.getByLabel('Line 1 project')).toHaveValue('P-E100');
  await expect(markOf(page, 'Line 1 project')).toHaveText('R');

  // Row 2: same product group, no matrix cell: everything comes from the row above.
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: '+ Add line' }).click();
  await typeItem(page, 2, 'GLOVE-L', '4');
  await expect(page.getByLabel('Line 2 cost unit')).toHaveValue('CU-E1');
  await expect(page.getByLabel('Line 2 project')).toHaveValue('P-E100');
  await expect(page.getByLabel('Line 2 G/L account')).toHaveValue('5000');
  await expect(markOf(page, 'Line 2 project')).toHaveAttribute('title', /row above/);

  // Row 3: a hydraulics part: the matrix gives account 5100 and cost unit CU-E2 over the row above; the project still comes from above.
  await page.getByRole('button', { name: '+ Add line' }).click();
  await typeItem(page, 3, 'FILTER-H', '2');
  await expect(page.getByLabel('Line 3 G/L account')).toHaveValue('5100');
  await expect(page.getByLabel('Line 3 cost unit')).toHaveValue('CU-E2');
  await expect(markOf(page, 'Line 3 cost unit')).toHaveAttribute('title', /matrix/);
  await expect(page.getByLabel('Line 3 project')).toHaveValue('P-E100');
  await expect(markOf(page, 'Line 3 project')).toHaveAttribute('title', /row above/);
  // The screen reader hears where each value came from.
  await expect(page.getByLabel('Line 3 cost unit')).toHaveAccessibleDescription(/matrix/);
  await screenshotsAtBothSizes(page, 'grid-with-coding', SHOTS);

  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved PO-000003');
  // What main stored is what the grid showed.
  await expect(page.getByLabel('Line 3 cost unit')).toHaveValue('CU-E2');
  await expect(page.getByLabel('Line 2 project')).toHaveValue('P-E100');
});

test('with mandatory coding, a row without its Mandatory project is refused beside the row, and the coding box fixes it', async ({ page }) => {
  await setUpCoding(page, { mandatoryCoding: true, codingFromRowAbove: false });
  await signIn(page, 'bob');
  await newPoFor(page, 'GENERAL');
  await typeItem(page, 1, 'BOLT-M8', '3');
  await page.getByLabel('Line 1 G/L account').fill('5000');
  await page.getByLabel('Line 1 G/L account').press('Tab');

  await page.keyboard.press('Control+s');
  const note = page.getByLabel('Line 1 note');
  await expect(note).toContainText(/project/i);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
  // The cursor is on the row's coding: the refused dimension's cell, or the row's coding button when its column is hidden.
  await expect(page.getByRole('button', { name: 'Coding of line 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  const box = page.getByRole('dialog', { name: 'Coding of line 1' });
  await expect(box.getByRole('row', { name: /Project/ })).toHaveClass(/has-problem/);
  await box.getByLabel('Project', { exact: true }).fill('P-E200');
  await box.getByLabel('Project', { exact: true }).press('Tab');
  await expect(box.getByRole('row', { name: /Project/ })).toContainText('Row, entered by hand');
  await box.getByRole('button', { name: /Apply/ }).click();
  await expect(box).toBeHidden();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved PO-000003');
});

test('Escape in the coding box changes nothing and gives the row its focus back', async ({ page }) => {
  await setUpCoding(page, { mandatoryCoding: false });
  await signIn(page, 'bob');
  await newPoFor(page, 'GENERAL');
  await showCodingColumns(page);
  await typeItem(page, 1, 'FILTER-H', '1');
  await expect(page.getByLabel('Line 1 cost unit')).toHaveValue('CU-E2');
  await page.getByLabel('Line 1 cost unit').focus();
  await page.keyboard.press('Alt+c');
  const box = page.getByRole('dialog', { name: 'Coding of line 1' });
  await expect(box.getByLabel('Purchase account', { exact: true })).toHaveValue('5100');
  await expect(box.getByRole('row', { name: /Purchase account/ })).toContainText('from the matrix');
  await box.getByLabel('Cost unit', { exact: true }).fill('CU-E1');
  await box.getByLabel('Cost unit', { exact: true }).press('Tab');
  await page.keyboard.press('Escape');
  await expect(box).toBeHidden();
  await expect(page.getByLabel('Line 1 cost unit')).toBeFocused();
  await expect(page.getByLabel('Line 1 cost unit')).toHaveValue('CU-E2');
});

test('Admin → Row coding: an admin adds a product group by keyboard; a supervisor reads the screen without changing it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Row coding' }).click();
  const sections = page.getByRole('navigation', { name: 'Row-coding sections' });
  await sections.getByRole('button', { name: 'Product and supplier groups' }).click();
  const section = page.getByRole('region', { name: 'Product groups' });
  await section.getByRole('button', { name: 'Add a product group…' }).click();
  await page.getByLabel('Product group code').fill('PG-E2E');
  await page.getByLabel('Product group name').fill('Fasteners');
  await page.getByLabel('Product group name').press('Enter');
  await expect(section.getByRole('row', { name: /PG-E2E/ })).toContainText('Fasteners');
  await screenshotsAtBothSizes(page, 'coding-admin', SHOTS);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'sam');
  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Row coding' }).click();
  await page.getByRole('navigation', { name: 'Row-coding sections' }).getByRole('button', { name: 'Product and supplier groups' }).click();
  const read = page.getByRole('region', { name: 'Product groups' });
  await expect(read.getByRole('row', { name: /PG-E2E/ })).toBeVisible();
  await expect(read.getByRole('button', { name: 'Add a product group…' })).toHaveCount(0);
});

/** Tab (keyboard only) until the button named `name` has the focus. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

test('Admin → Row coding: an admin deletes a matrix cell by keyboard after the question, and a value still in use is refused with where', async ({ page }) => {
  await setUpCoding(page, { mandatoryCoding: false });
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Row coding' }).click();
  const sections = page.getByRole('navigation', { name: 'Row-coding sections' });
  await sections.getByRole('button', { name: 'Matrix and chart of accounts' }).click();
  const matrix = page.getByRole('region', { name: 'Purchase-account matrix' });
  const cellRow = matrix.getByRole('row', { name: /E2E-HYD/ });
  await expect(cellRow).toContainText('CU-E2');

  // Keyboard only from the section's Add button to the cell's Delete button.
  await matrix.getByRole('button', { name: 'Add a matrix cell…' }).focus();
  await tabTo(page, 'Delete E2E-HYD × E2E-SG');
  await page.keyboard.press('Enter');
  const question = page.getByRole('alertdialog', { name: 'Delete the matrix cell E2E-HYD × E2E-SG?' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('take the cell for every supplier group');
  await expect(question.getByRole('button', { name: 'Delete' })).toBeFocused();
  await screenshotsAtBothSizes(page, 'coding-admin-delete-question', SHOTS);

  // Escape keeps it; asked again, Enter deletes it.
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete E2E-HYD × E2E-SG' })).toBeFocused();
  await expect(cellRow).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(question).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  await expect(cellRow).toHaveCount(0);
  await expect(matrix.getByRole('status')).toHaveText('Deleted the matrix cell E2E-HYD × E2E-SG; recorded in the audit log.');
  await expect(matrix.getByRole('button', { name: 'Add a matrix cell…' })).toBeFocused();

  // A value the matrix still gives cannot go: the refusal names the cell, and the value stays.
  await sections.getByRole('button', { name: 'Dimensions and values' }).click();
  const values = page.getByRole('region', { name: 'Dimension values' });
  const fleet = values.getByRole('row', { name: /CU-F.*Global/ });
  await expect(fleet).toBeVisible();
  await values.getByRole('button', { name: 'Delete CU-F (global)' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(values.getByRole('alert')).toContainText('Not deleted: Cost unit CU-F (Fleet) is used by the matrix cell TYRES × every supplier group');
  await expect(fleet).toBeVisible();
  await expect(values.getByRole('button', { name: 'Delete CU-F (global)' })).toBeFocused();
  await screenshotsAtBothSizes(page, 'coding-admin-delete-refused', SHOTS);

  // The vendor form sets every coding dimension of the organisation but the purchase account.
  await sections.getByRole('button', { name: 'Vendors and items' }).click();
  await page.getByRole('button', { name: 'Change GENERAL' }).click();
  const form = page.getByRole('region', { name: 'Change the coding of vendor GENERAL' });
  for (const label of ['Vendor-level cost center', 'Vendor-level cost unit', 'Vendor-level project']) await expect(form.getByLabel(label, { exact: true })).toBeVisible();
  await expect(form.getByLabel('Vendor-level purchase account')).toHaveCount(0);
  await form.getByLabel('Vendor-level cost unit', { exact: true }).selectOption('CU-E1');
  await form.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByRole('region', { name: "Vendors' coding" }).getByRole('row', { name: /GENERAL/ })).toContainText('cost-unit CU-E1');
});

test('Admin → Row coding: an admin adds a value to the global set or to the organisation only, and each is listed in its scope', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('tab', { name: 'Row coding' }).click();
  await page.getByRole('navigation', { name: 'Row-coding sections' }).getByRole('button', { name: 'Dimensions and values' }).click();
  const values = page.getByRole('region', { name: 'Dimension values' });
  for (const [code, keptIn, scope] of [
    ['CU-GLOBAL', 'The global set: every organisation codes by it, a new one copies it', 'Global'],
    ['CU-OWN', 'Organisation MAIN only', 'MAIN'],
  ] as const) {
    await values.getByRole('button', { name: 'Add a value…' }).click();
    await page.getByLabel('Kept in').selectOption({ label: keptIn });
    await page.getByLabel('Value code').fill(code);
    await page.getByLabel('Value name').fill(`Cost unit ${code}`);
    await page.getByLabel('Value name').press('Enter');
    await expect(values.getByRole('row', { name: new RegExp(code) })).toContainText(scope);
  }
  const setup = await page.evaluate(() => window.api.codingSetup({}));
  if (!setup.ok) throw new Error(setup.error.message);
  const stored = setup.value.dimensionValues.filter((value) => value.code.startsWith('CU-GLOBAL') || value.code.startsWith('CU-OWN')).map((value) => [value.code, value.organisationCode]);
  expect(stored).toEqual(expect.arrayContaining([['CU-GLOBAL', null], ['CU-OWN', 'MAIN']]));
});
