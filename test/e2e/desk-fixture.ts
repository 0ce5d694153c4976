import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type Browser, chromium, test as base, expect, type Page } from '@playwright/test';
import { openStore } from '../../src/main/open-store';
import { createDesk } from '../../src/main/services/desk';
import { startWebHost } from '../../src/main/web/web-host';
import { TEST_PASSWORD_COST } from '../support/test-desk';

/**
 * Each spec is written once. Where an Electron binary exists it runs in the real app through
 * `_electron.launch`; elsewhere it runs the same built renderer in Debian's Chromium, wired over
 * loopback to the same main-process dispatcher and services. Every test gets its own database.
 */
export type Shell = 'electron' | 'chromium';

const root = resolve(__dirname, '../..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The build under test: `out` unless a developer built elsewhere (`electron-vite build --outDir`). */
const outDir = resolve(root, process.env.PURCHASING_DESK_E2E_OUT ?? 'out');

const { findElectronBinary } = createRequire(__filename)('../../scripts/electron-binary.cjs') as {
  findElectronBinary: () => string | undefined;
};

/** An Electron binary already on this machine; the e2e run never downloads one. */
export function electronBinary(): string | undefined {
  if (process.env.PURCHASING_DESK_E2E_SHELL === 'chromium') return undefined;
  return findElectronBinary();
}

export const shell: Shell = electronBinary() ? 'electron' : 'chromium';

interface DeskFixtures {
  page: Page;
  shell: Shell;
}

interface WorkerFixtures {
  browser: Browser;
}

export const test = base.extend<DeskFixtures, WorkerFixtures>({
  browser: [
    async ({}, use) => {
      if (shell === 'electron') return use(undefined as unknown as Browser);
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  shell: async ({}, use) => use(shell),
  page: async ({ browser }, use, testInfo) => {
    const userData = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
    try {
      if (shell === 'electron') {
        const app = await _electron.launch({
          executablePath: electronBinary(),
          args: [join(outDir, 'main/index.js')],
          env: { ...process.env, PURCHASING_DESK_TEST: '1', PURCHASING_DESK_USER_DATA: userData },
        });
        const page = await app.firstWindow();
        await page.waitForSelector('html[data-app-state="ready"]');
        await use(page);
        await app.close();
      } else {
        const desk = createDesk(await openStore(join(userData, 'purchasing-desk.sqlite'), { passwordCost: TEST_PASSWORD_COST }), {
          passwordCost: TEST_PASSWORD_COST,
        });
        const host = await startWebHost({ desk, rendererDir: join(outDir, 'renderer') });
        const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
        const page = await context.newPage();
        page.on('pageerror', (error) => testInfo.annotations.push({ type: 'page error', description: String(error) }));
        await page.goto(host.url);
        await page.waitForSelector('html[data-app-state="ready"]');
        await use(page);
        await context.close();
        await host.close();
        await desk.db.destroy();
      }
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Key screens are kept for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(root, 'test-results/screenshots', `${name}-${shell}.png`), fullPage: true });
}

/**
 * The screen at 1024×700 and 1920×1080: the page never scrolls sideways and nothing on it reaches past
 * the window's right edge; a full-page picture of each is kept for people to look at (in `dir`, or the
 * test's own output folder). Leaves the window at 1280×820.
 */
export async function screenshotsAtBothSizes(page: Page, name: string, dir?: string): Promise<void> {
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => {
      const edge = document.documentElement.clientWidth;
      // A wide table may scroll inside its own box (the lines grid with every column shown); nothing else may pass the edge.
      const scrollsInside = (element: Element) => {
        for (let box = element.parentElement; box && box.tagName !== 'MAIN'; box = box.parentElement) {
          if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(box).overflowX) && box.getBoundingClientRect().right <= edge + 0.5) return true;
        }
        return false;
      };
      const beyond = [...document.querySelectorAll('main *')].filter((element) => element.getBoundingClientRect().right > edge + 0.5 && !scrollsInside(element));
      const widest = Math.max(0, ...beyond.map((element) => element.getBoundingClientRect().right));
      return Math.max(document.documentElement.scrollWidth - edge, Math.ceil(widest - edge));
    });
    expect(overflow, `sideways scroll at ${width}×${height}`).toBeLessThanOrEqual(0);
    // A full-page picture of a scrolled page paints the sticky top bar midway; from the top it sits where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = `${name}-${width}x${height}.png`;
    await page.screenshot({ path: dir ? join(dir, file) : test.info().outputPath(file), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 820 });
}

export async function signIn(page: Page, signInName: string, password = 'demo'): Promise<void> {
  await page.getByLabel('Sign-in name').fill(signInName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
