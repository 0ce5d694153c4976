import { expect, signIn, test } from './desk-fixture';

// Every width a workstation is likely to have, and the breakpoints the bar's CSS changes at.
const WIDTHS = [1024, 1100, 1180, 1181, 1280, 1366, 1400, 1401, 1440, 1600, 1920];

for (const who of ['admin', 'sam', 'alice']) {
  test(`the top bar holds every view and Sign out on one line from 1024 to 1920 px wide (${who})`, async ({ page }) => {
    await signIn(page, who);
    const signOut = page.locator('.top-bar').getByRole('button', { name: 'Sign out' });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 700 });
      const bar = await page.locator('.top-bar').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, height: element.getBoundingClientRect().height }));
      expect(bar.scroll, `the bar overflows at ${width} px`).toBeLessThanOrEqual(bar.client);
      expect(bar.height, `the bar wraps at ${width} px`).toBeLessThan(80);
      const box = await signOut.boundingBox();
      expect((box?.x ?? Infinity) + (box?.width ?? 0), `Sign out is cut off at ${width} px`).toBeLessThanOrEqual(width);
    }
  });
}
