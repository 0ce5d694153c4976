import type { Page } from '@playwright/test';
import { expect, saveScreenshot, signIn, test } from './desk-fixture';

/** Counts every key the operator presses, so the grid's key budget is measured, not guessed. */
function keyboard(page: Page) {
  let count = 0;
  return {
    press: async (key: string) => {
      count++;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      count += text.length;
      await page.keyboard.type(text);
    },
    get count() {
      return count;
    },
  };
}

test('a 3-line PO with item look-up takes at most 30 keys', async ({ page }) => {
  await signIn(page, 'bob');
  const keys = keyboard(page);
  await keys.press('Alt+n');
  await expect(page.getByLabel('Vendor', { exact: true })).toBeFocused();
  await keys.type('b');
  await expect(page.getByRole('option', { name: /BOLT/ })).toBeVisible();
  await keys.press('Tab');
  await keys.type('m');
  await expect(page.getByLabel('Warehouse', { exact: true })).toHaveValue('MAIN');
  await keys.press('Tab');
  await expect(page.getByLabel('Cost center', { exact: true })).toHaveValue('210');
  await keys.press('Tab');
  // The budget order comes last in the header; none is required, so Tab passes over it.
  await expect(page.getByLabel('Budget order', { exact: true })).toBeFocused();
  await keys.press('Tab');
  await expect(page.getByLabel('Line 1 item')).toBeFocused();

  // codedAccount: the purchase account the row's coding fills in (the demo matrix codes BOLT-M8 and FILTER-H), waited for so Enter passes over it.
  const line = async (number: number, item: string, itemCode: string, quantity: string, glAccount?: string, codedAccount?: string) => {
    await keys.type(item);
    await expect(page.getByRole('option', { name: new RegExp(itemCode) })).toBeVisible();
    await keys.press('Enter');
    await expect(page.getByLabel(`Line ${number} quantity`)).toBeFocused();
    if (codedAccount) await expect(page.getByLabel(`Line ${number} G/L account`)).toHaveValue(codedAccount);
    await keys.type(quantity);
    await keys.press('Enter');
    if (glAccount) {
      await expect(page.getByLabel(`Line ${number} G/L account`)).toBeFocused();
      await keys.type(glAccount);
      await expect(page.getByRole('option', { name: /5000/ })).toBeVisible();
      await keys.press('Enter');
    }
    await expect(page.getByLabel(`Line ${number + 1} item`)).toBeFocused();
  };
  await line(1, 'b', 'BOLT-M8', '5', undefined, '5000');
  await line(2, 'g', 'GLOVE-L', '2');
  await line(3, 'f', 'FILTER-H', '1', undefined, '5100');
  await expect(page.getByLabel('Line 2 description')).toHaveValue('Nitrile gloves, large, box of 50');
  // The matrix wins over the row above: FILTER-H's product group from its supplier group gives 5100.
  await expect(page.getByLabel('Line 3 G/L account')).toHaveValue('5100');
  // A coded account is read whole beside its level mark, never under it.
  for (const number of [1, 3]) {
    const fits = await page.getByLabel(`Line ${number} G/L account`).evaluate((input) => input.scrollWidth <= input.clientWidth);
    expect(fits, `line ${number}'s G/L account is cut`).toBe(true);
  }
  await expect(page.getByLabel('PO total')).toContainText('126.23');
  await keys.press('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved PO-000003');
  // After the save the cursor is on the PO's title, not lost on the page body.
  await expect(page.getByRole('heading', { name: 'PO-000003' })).toBeFocused();
  expect(keys.count).toBeLessThanOrEqual(30);
  test.info().annotations.push({ type: 'keys', description: String(keys.count) });
});

test('spreadsheet keys: arrows move between cells, typing replaces, F2 edits, Escape restores', async ({ page }) => {
  await signIn(page, 'bob');
  await page.keyboard.press('Alt+n');
  await page.getByLabel('Line 1 description').click();
  await page.keyboard.type('Pump seal kit');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Line 1 quantity')).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByLabel('Line 1 description')).toBeFocused();
  // Typing replaces the whole cell; Escape puts back what it held.
  await page.keyboard.type('Gasket');
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Gasket');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Pump seal kit');
  // F2 edits: the cursor goes to the end and arrows move within the text.
  await page.keyboard.press('F2');
  await page.keyboard.type(', large');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByLabel('Line 1 description')).toBeFocused();
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Pump seal kit, large');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Line 1 quantity')).toBeFocused();
  await expect(page.getByLabel('Line 1 quantity')).toHaveValue('3');
});

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} the grid fits: no sideways page scroll, every column header visible`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page, 'alice');
    await page.getByRole('button', { name: 'Purchase orders' }).click();
    await page.getByRole('button', { name: 'Change PO-000001' }).click();
    await expect(page.getByRole('heading', { name: 'PO-000001' })).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(5);

    const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    expect(page_.scroll).toBeLessThanOrEqual(page_.width);
    const grid = await page.locator('.grid-scroll').boundingBox();
    if (!grid) throw new Error('no grid');
    const headers = page.getByRole('columnheader');
    expect(await headers.count()).toBe(13);
    for (const header of await headers.all()) {
      const box = await header.boundingBox();
      if (!box) throw new Error('header not rendered');
      expect(box.x).toBeGreaterThanOrEqual(grid.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(grid.x + grid.width + 1);
      // The label fits its column: not cut.
      const clipped = await header.evaluate((element) => {
        const label = element.querySelector('.grid-head-label');
        return label ? label.scrollWidth > label.clientWidth : false;
      });
      expect(clipped, await header.innerText()).toBe(false);
    }
    const description = await page.getByRole('columnheader', { name: 'Description' }).boundingBox();
    // Description takes the free width, and never less than its minimum.
    expect(description?.width ?? 0).toBeGreaterThanOrEqual(size.width >= 1920 ? 700 : 108);
    await saveScreenshot(page, `po-entry-grid-${size.width}x${size.height}`);

    // A look-up list opens over the grid, not clipped by it, and shows every match.
    await page.getByLabel('Line 1 item').fill('e');
    const list = page.getByRole('listbox', { name: 'Item matches for line 1' });
    await expect(list.getByRole('option')).toHaveCount(5);
    for (const option of await list.getByRole('option').all()) await expect(option).toBeInViewport();
    await saveScreenshot(page, `po-entry-lookup-${size.width}x${size.height}`);
  });
}

test('coding columns can be hidden and resized, and the grid remembers it for the operator', async ({ page }) => {
  await signIn(page, 'bob');
  await page.keyboard.press('Alt+n');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Cost type' }).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'CT' })).toHaveCount(0);
  const job = page.getByRole('columnheader', { name: 'Job' });
  const before = (await job.boundingBox())?.width ?? 0;
  const handle = job.locator('.resize-handle');
  const box = await handle.boundingBox();
  if (!box) throw new Error('no resize handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const after = (await job.boundingBox())?.width ?? 0;
  expect(after).toBeGreaterThan(before + 40);

  await page.reload();
  await page.waitForSelector('html[data-app-state="ready"]');
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('columnheader', { name: 'CT' })).toHaveCount(0);
  expect((await page.getByRole('columnheader', { name: 'Job' }).boundingBox())?.width ?? 0).toBeGreaterThan(before + 40);
});
