import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, test as base, type Page } from '@playwright/test';
import pg from 'pg';
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { type DeskServer, startDeskServer } from '../../src/main/server/desk-server';
import { createDesk, type Desk } from '../../src/main/services/desk';
import type { ContractName, InputOf, OutputOf } from '../../src/shared/contracts';
import { withDatabase } from '../support/postgres-server';
import { TEST_PASSWORD_COST } from '../support/test-desk';
import { expect, signIn } from './desk-fixture';
import { startWorkstationHost, type WorkstationHost } from './workstation-host';

/**
 * Offline review end to end: the built renderer on a supervisor's team workstation (Electron
 * main's DeskConnection behind a test host, see workstation-host.ts), a desk server on a
 * PostgreSQL of this worker's own, stopped and started again under the page. Chromium always: the
 * workstation's window is the page.
 */

const root = resolve(__dirname, '../..');
const rendererDir = join(resolve(root, process.env.PURCHASING_DESK_E2E_OUT ?? 'out'), 'renderer');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const { startTestPostgres } = createRequire(__filename)('../../scripts/test-postgres.cjs') as {
  startTestPostgres: () => Promise<{ url: string; stop: () => void }>;
};

interface Fixtures {
  postgres: { url: string } | { unavailable: string };
  workstationBrowser: Browser;
}

const test = base.extend<object, Fixtures>({
  workstationBrowser: [
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  postgres: [
    async ({}, use) => {
      let server: { url: string; stop: () => void };
      try {
        server = await startTestPostgres();
      } catch (error) {
        await use({ unavailable: `No PostgreSQL server could be started for the offline-review spec: ${(error as Error).message}` });
        return;
      }
      try {
        await use({ url: server.url });
      } finally {
        server.stop();
      }
    },
    { scope: 'worker' },
  ],
});

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(root, 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

test('the review desk carries on from the copy while the team server is away, and shows the conflict its return finds', async ({ postgres, workstationBrowser }) => {
  test.skip('unavailable' in postgres, 'unavailable' in postgres ? postgres.unavailable : '');
  test.setTimeout(90_000);
  const adminUrl = (postgres as { url: string }).url;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('create database desk_offline_review_e2e');
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, 'desk_offline_review_e2e');

  let port = 0;
  const running: { server: DeskServer | null } = { server: null };
  const startServer = async () => {
    running.server = await startDeskServer({ databaseUrl, rendererDir, demoData: true, passwordCost: TEST_PASSWORD_COST, listen: { host: '127.0.0.1', port }, log: () => undefined });
    port = Number(new URL(running.server.url).port);
  };
  const stopServer = async () => {
    await running.server?.close();
    running.server = null;
  };
  await startServer();
  const serverUrl = `http://127.0.0.1:${port}`;
  // Another desk on the same database, where Pat works while the supervisor's workstation is cut off.
  const elsewhere: Desk = createDesk(await openStore(databaseUrl, { passwordCost: TEST_PASSWORD_COST }), { passwordCost: TEST_PASSWORD_COST });
  const asPat = async <K extends ContractName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    await dispatch(elsewhere, 'pat', 'signIn', { signInName: 'pat', password: 'demo' });
    const result = await dispatch(elsewhere, 'pat', name, input);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.message}`);
    return result.value;
  };
  const submitted = [];
  for (const description of ['Pump seals', 'Crane hire']) {
    const saved = await asPat('savePo', {
      vendorCode: 'BOLT',
      warehouseCode: 'MAIN',
      costCenterCode: '210',
      costCenterEntered: true,
      lines: [{ itemCode: null, description, quantityMilli: 1000, unitCostMinor: 1_500_000, glAccountCode: '5000' }],
    });
    submitted.push(await asPat('changePoStatus', { id: saved.id, version: saved.version, step: 'submit' }));
  }
  const [first, second] = submitted as [OutputOf<'changePoStatus'>, OutputOf<'changePoStatus'>];

  const userData = mkdtempSync(join(tmpdir(), 'offline-review-e2e-'));
  let host: WorkstationHost | null = null;
  const context = await workstationBrowser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    host = await startWorkstationHost({ rendererDir, serverUrl, userData, reviewCopyTiming: { noticeSettleMs: 100 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.waitForSelector('html[data-app-state="ready"]');
    await signIn(page, 'sam');
    await page.getByRole('button', { name: /^Review/ }).click();
    const queue = page.getByRole('listbox', { name: 'Needs my review' });
    await expect(queue.getByRole('option')).toHaveCount(2);
    const connection = host.connection;
    await expect.poll(async () => {
      const state = await connection.answer('offlineReviewState', {});
      return state.ok ? state.value.copiedCount : -1;
    }).toBe(2);

    // The team server goes away: the workstation notices by itself, and the review desk says where its answers come from.
    await stopServer();
    await expect(page.getByText('Team server unreachable — retrying…')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Offline review')).toBeVisible({ timeout: 20_000 });

    // Approve the first by keys, from the copy.
    await queue.getByRole('option', { name: new RegExp(first.number) }).click();
    await expect(page.getByRole('heading', { name: new RegExp(first.number) })).toBeVisible();
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Decision kept on this workstation; it is sent when the team server answers again.')).toBeVisible();
    await expect(queue.getByRole('option')).toHaveCount(1);

    // Reject the second, with its reason.
    await queue.getByRole('option', { name: new RegExp(second.number) }).click();
    await page.keyboard.press('r');
    await page.keyboard.type('Crane hire is on the framework contract');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Nothing waits for your review.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /2 decisions waiting to be sent/ })).toBeVisible({ timeout: 20_000 });
    await screenshot(page, 'offline-review-away');

    // Meanwhile, on another desk, Pat recalls the first PO to change it.
    await asPat('changePoStatus', { id: first.id, version: first.version, step: 'recall' });

    // Back: the banner goes, the outbox is sent, and the approval of the recalled PO comes back as a conflict.
    await startServer();
    await expect(page.getByText('Team server unreachable — retrying…')).toBeHidden({ timeout: 20_000 });
    const conflicts = page.getByRole('region', { name: 'Needs deciding again' });
    await expect(conflicts).toBeVisible({ timeout: 20_000 });
    await expect(conflicts.getByText(new RegExp(`${first.number} changed after you read revision 1: it is now a draft`))).toBeVisible();
    await expect(page.getByText('Offline review')).toBeHidden();
    await screenshot(page, 'offline-review-conflict');

    const rows = await elsewhere.db.selectFrom('purchase_orders').select(['number', 'status', 'status_note']).where('id', 'in', [first.id, second.id]).orderBy('id').execute();
    expect(rows.map((row) => row.status)).toEqual(['draft', 'draft']);
    expect(rows[1]!.status_note).toMatch(/Crane hire is on the framework contract/);
    expect(await elsewhere.db.selectFrom('review_decisions').select('po_id').execute()).toEqual([{ po_id: second.id }]);

    await conflicts.getByRole('button', { name: `Dismiss the conflict on ${first.number}` }).click();
    await expect(conflicts).toBeHidden();
  } finally {
    await context.close();
    await host?.close();
    await stopServer();
    await elsewhere.db.destroy();
    rmSync(userData, { recursive: true, force: true });
  }
});
