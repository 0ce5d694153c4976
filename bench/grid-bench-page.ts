/**
 * What the lines-grid benchmark measures inside the page. The probes are plain JavaScript in a
 * string, evaluated once through the DevTools protocol: tsx would otherwise wrap named functions
 * in a helper the page does not have, and the app's strict CSP allows no injected script tag.
 */
import type { Page } from '@playwright/test';

export interface OpenTiming {
  /** Click to the first rendered row with the PO's number in the heading and its first cell focused. */
  usableMs: number;
  /** Click to the end of the openPo response (resource timing); the rest is the renderer's. */
  responseMs: number | null;
  /** Click to the end of the last long task after it: when the page is quiet again. */
  settledMs: number;
  longestTaskMs: number;
  renderedRows: number;
}

export interface ScrollTiming {
  durationMs: number;
  frames: number;
  longestTaskMs: number;
  longTasks: number;
  longestGapMs: number;
  p95GapMs: number;
  /** The last line was rendered at the end: the pass really went end to end. */
  reachedEnd: boolean;
  /** Row elements the grid added to the page during the pass. */
  rowsMounted: number;
  /** Frames drawn with part of the grid's body left without rows. */
  blankFrames: number;
  /** The slowest animation frames with the scripts Chromium blames for them (long-animation-frame). */
  slowFrames: SlowFrame[];
}

export interface SlowFrame {
  durationMs: number;
  styleAndLayoutMs: number;
  scripts: { invoker: string; functionName: string; durationMs: number; forcedLayoutMs: number }[];
}

const PROBES = String.raw`(() => {
  if (window.__gridBench) return;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const animationFrames = [];
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        animationFrames.push({
          start: entry.startTime,
          durationMs: entry.duration,
          styleAndLayoutMs: entry.styleAndLayoutStart ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0,
          scripts: (entry.scripts || []).map((script) => ({
            invoker: script.invoker || '',
            functionName: script.sourceFunctionName || '',
            durationMs: script.duration,
            forcedLayoutMs: script.forcedStyleAndLayoutDuration || 0,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  const tasksFrom = (from, to) => longTasks.filter((task) => task.start >= from && task.start < to);
  const longest = (tasks) => tasks.reduce((max, task) => Math.max(max, task.duration), 0);
  const gc = () => { if (typeof window.gc === 'function') window.gc(); };

  /** Whether the rows in the page fill the grid's visible body, top to bottom. */
  const covered = () => {
    const element = document.querySelector('.grid-scroll');
    const header = element && element.querySelector('.grid-header');
    if (!element || !header) return true;
    const view = element.getBoundingClientRect();
    let reach = header.getBoundingClientRect().bottom;
    const bottom = Math.min(view.bottom, element.querySelector('.grid-body').getBoundingClientRect().bottom) - 1;
    const rows = [...element.querySelectorAll('.grid-row-slot')].map((slot) => slot.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    for (const row of rows) {
      if (row.top > reach + 1) break;
      reach = Math.max(reach, row.bottom);
    }
    return reach >= bottom;
  };

  /**
   * Frame gaps from requestAnimationFrame timestamps, while the page does whatever it is asked to,
   * and how many row elements the grid put into the page meanwhile.
   */
  const recorder = () => {
    const gaps = [];
    const counts = { mounted: 0, blank: 0 };
    let last = null;
    let running = true;
    const tick = (time) => {
      if (last !== null) gaps.push(time - last);
      last = time;
      // Checked in the task after this frame's rendering, so it sees what the frame painted.
      setTimeout(() => {
        if (!covered()) counts.blank++;
      }, 0);
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const mutations = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) counts.mounted++;
    });
    const body = document.querySelector('.grid-scroll .grid-body');
    if (body) mutations.observe(body, { childList: true });
    return { gaps, counts, stop: () => { running = false; mutations.disconnect(); } };
  };

  const summary = (started, ended, record, lineCount) => {
    const gaps = record.gaps;
    const sorted = [...gaps].sort((a, b) => a - b);
    const tasks = tasksFrom(started, ended);
    const lastRow = document.querySelector('.grid-scroll .grid-row[aria-rowindex="' + (lineCount + 1) + '"]');
    const slowFrames = animationFrames
      .filter((entry) => entry.start >= started && entry.start < ended)
      .sort((a, b) => b.durationMs - a.durationMs)
      .slice(0, 3)
      .map(({ start, ...rest }) => rest);
    return {
      durationMs: ended - started,
      frames: gaps.length,
      longestTaskMs: longest(tasks),
      longTasks: tasks.length,
      longestGapMs: sorted.length ? sorted[sorted.length - 1] : 0,
      p95GapMs: sorted.length ? sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] : 0,
      reachedEnd: lastRow !== null,
      rowsMounted: record.counts.mounted,
      blankFrames: record.counts.blank,
      slowFrames,
    };
  };

  const scroller = () => {
    const element = document.querySelector('.grid-scroll');
    if (!element) throw new Error('no .grid-scroll on the page');
    return element;
  };

  window.__gridBench = {
    async quiet(ms) {
      gc();
      await sleep(ms);
      await frame();
      await frame();
    },

    async open(label, number, timeoutMs) {
      const button = [...document.querySelectorAll('button')].find((candidate) => candidate.getAttribute('aria-label') === label);
      if (!button) throw new Error('no button labelled ' + label);
      await frame();
      const started = performance.now();
      button.click();
      let usableAt = null;
      let rows = 0;
      while (usableAt === null) {
        await frame();
        if (performance.now() - started > timeoutMs) throw new Error(label + ': the grid was not usable after ' + timeoutMs + ' ms');
        const title = document.getElementById('po-entry-title');
        if (!title || title.textContent.trim() !== number) continue;
        const row = document.querySelector('.grid-scroll .grid-row');
        const cell = row && row.querySelector('.grid-cell button, .grid-cell input, .grid-cell select');
        if (!cell) continue;
        cell.focus({ preventScroll: true });
        if (document.activeElement !== cell) continue;
        usableAt = performance.now();
        rows = document.querySelectorAll('.grid-scroll .grid-row').length;
      }
      // Quiet again: 400 ms without a long task (long-task entries arrive a little after their task).
      let quietSince = performance.now();
      let seen = 0;
      while (performance.now() - quietSince < 400 && performance.now() - started < timeoutMs) {
        await sleep(50);
        const count = tasksFrom(started, Infinity).length;
        if (count !== seen) {
          seen = count;
          quietSince = performance.now();
        }
      }
      const tasks = tasksFrom(started, Infinity);
      const response = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('/api/openPo') && entry.startTime >= started)
        .pop();
      return {
        usableMs: usableAt - started,
        responseMs: response ? response.responseEnd - started : null,
        settledMs: Math.max(usableAt, ...tasks.map((task) => task.end)) - started,
        longestTaskMs: longest(tasks),
        renderedRows: rows,
      };
    },

    /** scrollTop from top to bottom in equal steps, one per animation frame. */
    async scrollBySteps(steps, lineCount) {
      const element = scroller();
      element.scrollTop = 0;
      await this.quiet(300);
      const started = performance.now();
      const record = recorder();
      // Each step lands between two frames, as a scrollbar drag's input does: the next frame
      // dispatches the scroll event, the grid renders its rows, and only then paints.
      const betweenFrames = async () => {
        await frame();
        await sleep(0);
      };
      for (let step = 1; step <= steps; step++) {
        await betweenFrames();
        element.scrollTop = Math.round(((element.scrollHeight - element.clientHeight) * step) / steps);
      }
      // Rows measured on the way change the total height: keep at the bottom until it holds still.
      for (let extra = 0; extra < 30; extra++) {
        await betweenFrames();
        const bottom = element.scrollHeight - element.clientHeight;
        if (Math.abs(element.scrollTop - bottom) < 1 && document.querySelector('.grid-scroll .grid-row[aria-rowindex="' + (lineCount + 1) + '"]')) break;
        element.scrollTop = bottom;
      }
      await frame();
      await frame();
      const ended = performance.now();
      record.stop();
      await sleep(100);
      return summary(started, ended, record, lineCount);
    },

    /** Starts a frame-gap recorder for a pass the benchmark drives from outside (the wheel). */
    async startRecording() {
      scroller().scrollTop = 0;
      await this.quiet(300);
      this.recording = { started: performance.now(), record: recorder() };
    },

    async stopRecording(lineCount) {
      await frame();
      await frame();
      const ended = performance.now();
      const { started, record } = this.recording;
      record.stop();
      await sleep(100);
      return summary(started, ended, record, lineCount);
    },

    scrollState() {
      const element = scroller();
      return { top: element.scrollTop, bottom: element.scrollHeight - element.clientHeight };
    },
  };
})()`;

export async function installProbes(page: Page): Promise<void> {
  await page.evaluate(PROBES);
}

const call = <T>(page: Page, method: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(`window.__gridBench.${method}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`) as Promise<T>;

export const quiet = (page: Page, ms: number) => call<void>(page, 'quiet', ms);
export const openFromList = (page: Page, label: string, number: string, timeoutMs: number) => call<OpenTiming>(page, 'open', label, number, timeoutMs);
export const scrollBySteps = (page: Page, steps: number, lineCount: number) => call<ScrollTiming>(page, 'scrollBySteps', steps, lineCount);

/** Wheel ticks over the grid, one per frame or so, until the bottom; recorded like the stepped pass. */
export async function scrollByWheel(page: Page, deltaY: number, lineCount: number, maxTicks: number): Promise<ScrollTiming & { ticks: number }> {
  const box = await page.locator('.grid-scroll').boundingBox();
  if (!box) throw new Error('the grid is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await call<void>(page, 'startRecording');
  let ticks = 0;
  for (; ticks < maxTicks; ticks++) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(16);
    if (ticks % 20 === 19) {
      const { top, bottom } = await call<{ top: number; bottom: number }>(page, 'scrollState');
      if (top >= bottom - 1) break;
    }
  }
  // Wheel scrolling is asynchronous: give the last ticks time to land before the recorder stops.
  await page.waitForTimeout(300);
  return { ...(await call<ScrollTiming>(page, 'stopRecording', lineCount)), ticks };
}
