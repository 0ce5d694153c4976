import type { Page } from '@playwright/test';
import { expect } from './desk-fixture';

/** Steps the order-row coding specs share: main's own calls for the set-up, and the entry screen's moves. */

/** One of main's calls through the page's own `window.api`; the step fails with main's words when it is refused. */
export async function call(page: Page, name: string, input: unknown): Promise<void> {
  const result = await page.evaluate(
    async ([callName, callInput]) => {
      const fn = (window.api as unknown as Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>>)[callName as string];
      return fn ? fn(callInput) : { ok: false, error: { message: `no call ${callName as string}` } };
    },
    [name, input] as const,
  );
  expect(result.ok, `${name}: ${JSON.stringify(result.error ?? null)}`).toBe(true);
}

/** The organisation POs are coded for by default. */
export async function defaultOrganisationCode(page: Page): Promise<string> {
  const code = await page.evaluate(async () => {
    const setup = await window.api.codingSetup({});
    return setup.ok ? setup.value.organisationCode : null;
  });
  expect(code).not.toBeNull();
  return code as string;
}

export async function newPoFor(page: Page, vendor: string): Promise<void> {
  await page.keyboard.press('Alt+n');
  const field = page.getByLabel('Vendor', { exact: true });
  await expect(field).toBeFocused();
  await field.fill(vendor);
  await field.press('Tab');
  await page.getByLabel('Warehouse', { exact: true }).selectOption('MAIN');
}

/** Shows the cost unit and project columns (hidden by default so the grid fits 1024 pixels). */
export async function showCodingColumns(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Cost unit' }).check();
  await page.getByRole('checkbox', { name: 'Project' }).check();
  await page.keyboard.press('Escape');
}

/** The level mark (O / V / H / R / D) of the grid cell with this label. */
export const markOf = (page: Page, label: string) => page.locator('.grid-cell', { has: page.getByLabel(label, { exact: true }) }).locator('.coding-mark');
