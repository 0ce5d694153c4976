import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, saveScreenshot, shell, signIn, test } from './desk-fixture';
import { type RestartableHost, startRestartableHost } from './restartable-host';

/**
 * The connection as a browser page sees it: the desk server it came from going away and coming
 * back, and (through the host's test-only first-run preview) the choice a workstation makes on its
 * first run. Electron's own team mode is covered by test/integration/team-client.test.ts.
 */
test.skip(shell === 'electron', 'Runs the built renderer in Chromium against a host it can stop and start again.');

const hosts: RestartableHost[] = [];
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
});

async function host(options: { connectionPreview?: boolean } = {}): Promise<RestartableHost> {
  const started = await startRestartableHost(options);
  hosts.push(started);
  return started;
}

async function pageOn(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-app-state="ready"]');
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

test('the banner shows while the desk server is down and goes by itself when it is back', async ({ browser }) => {
  const server = await host();
  const page = await pageOn(browser, server.url);
  await signIn(page, 'alice');
  const banner = page.getByRole('status').filter({ hasText: 'Team server unreachable — retrying…' });
  await expect(banner).toBeHidden();

  await server.stop();
  // Nobody clicked anything: the broken change-notice stream is enough to notice.
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`${server.serverUrl} does not answer.`);
  // A call meanwhile says so in words.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Number and date format').selectOption('de-DE');
  await page.getByRole('button', { name: 'Use this format' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toContainText(`The desk server at ${server.serverUrl} cannot be reached. Nothing was saved; try again when it is back.`);
  await page.getByRole('button', { name: 'Purchase orders' }).click();
  await saveScreenshot(page, 'connection-unreachable-banner');

  await server.start();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  // This host kept its sessions in memory, so the page asks to sign in again; a server with sessions in its database keeps them.
  await expect(page.getByLabel('Sign-in name')).toBeVisible();
  await signIn(page, 'alice');
  await expect(page.getByRole('banner').getByText('Alice Moreau')).toBeVisible();
});

test('first run: this computer only or a team server, with a connection test that says what it found', async ({ browser }) => {
  const team = await host();
  const workstation = await host({ connectionPreview: true });
  const page = await pageOn(browser, workstation.url);
  await expect(page.getByRole('heading', { name: 'Set up this computer' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /This computer only/ })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, 'connection-first-run');

  await page.getByRole('radio', { name: /Team server/ }).check();
  const address = page.getByLabel('Team server address');
  const test = page.getByRole('button', { name: 'Test connection' });
  await address.fill('desk.example.com');
  await test.click();
  await expect(page.getByText('“desk.example.com” is not a full address: start it with https://, for example https://desk.example.com.')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveValue('desk.example.com');

  await address.fill('http://desk.example.com');
  await page.getByRole('button', { name: 'Use this team server' }).click();
  await expect(page.getByText(/A team server on another computer must use https:\/\//)).toBeVisible();

  await address.fill(`${team.serverUrl}/`);
  await test.click();
  await expect(page.getByRole('status').filter({ hasText: 'A purchasing desk answers' })).toHaveText(
    `A purchasing desk answers at ${team.serverUrl}. It holds the demo database, whose operators all sign in with the password “demo”.`,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, 'connection-first-run-tested');

  await page.getByRole('button', { name: 'Use this team server' }).click();
  await expect(page.getByLabel('Sign-in name')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(`Connection: Team server ${team.serverUrl}`);
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, 'connection-sign-in-footer');

  // Changed later from the sign-in screen, or from Settings once signed in.
  await page.getByRole('button', { name: 'Change connection' }).click();
  await expect(page.getByRole('heading', { name: 'Connection of this computer' })).toBeVisible();
  await expect(page.getByLabel('Team server address')).toHaveValue(team.serverUrl);
  await page.getByRole('button', { name: 'Keep the current connection' }).click();
  await signIn(page, 'alice');
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'This workstation' });
  await expect(section).toContainText(`Team server ${team.serverUrl}`);
  await expect(section).toContainText(`Purchase orders are kept on the team server at ${team.serverUrl}, shared with everyone connected to it.`);
  await section.getByRole('button', { name: 'Change connection…' }).click();
  await expect(section.getByText('Using another connection signs you out on this computer.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, 'connection-settings-workstation');
  await section.getByRole('radio', { name: /This computer only/ }).check();
  await section.getByRole('button', { name: 'Use this computer only' }).click();
  // The preview only remembers the choice (its desk stays the same); the app starts over on the new desk.
  await expect(page.getByRole('heading', { name: 'Purchase orders' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(section).toContainText('This computer only');
  await expect(section).toContainText('Purchase orders are kept in the database on this computer; nobody else sees them.');
});

test('a team server that does not answer is refused with the reason, and what was typed stays', async ({ browser }) => {
  const gone = await host();
  await gone.stop();
  const workstation = await host({ connectionPreview: true });
  const page = await pageOn(browser, workstation.url);
  await page.getByRole('radio', { name: /Team server/ }).check();
  await page.getByLabel('Team server address').fill(gone.serverUrl);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing answers' })).toContainText(`Nothing answers at ${gone.serverUrl}: no desk server is running there`);
  await page.getByRole('button', { name: 'Use this team server' }).click();
  await expect(page.getByRole('alert')).toContainText('Nothing was changed: Nothing answers at');
  await expect(page.getByLabel('Team server address')).toHaveValue(gone.serverUrl);
  await expect(page.getByRole('heading', { name: 'Set up this computer' })).toBeVisible();
});

test('Settings says which server a browser page uses, and that the choice belongs to the desktop app', async ({ browser }) => {
  const server = await host();
  const page = await pageOn(browser, server.url);
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'This workstation' });
  await expect(section).toContainText(`This page uses the desk server at ${server.serverUrl}. The connection is chosen in the desktop app, on each workstation.`);
  await expect(section.getByRole('button', { name: /Change connection/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});
