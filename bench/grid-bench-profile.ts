/**
 * Where the renderer's time goes during one step of the lines-grid benchmark: a CPU profile taken
 * over the DevTools protocol, summed by function (self time, and total time including callees).
 * The renderer bundle is not minified, so the names are the source's own (GridRow, linesFromDetail…).
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  wallMs: number;
  /** Busy time: every sample that was not idle. */
  busyMs: number;
  bySelf: FunctionTime[];
  byTotal: FunctionTime[];
}

const IDLE = new Set(['(idle)', '(root)']);

const keyOf = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  return `${name} ${basename(url).replace(/-[\w-]{8}\.js$/, '.js')}:${lineNumber + 1}`;
};

export function summarizeProfile(profile: CpuProfile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    // A sample's time is the gap to the next one.
    const ms = (deltas[index + 1] ?? 0) / 1000;
    const node = byId.get(samples[index] as number);
    if (!node || IDLE.has(node.callFrame.functionName)) continue;
    busy += ms;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    const onStack = new Set<string>();
    for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at) as ProfileNode;
      if (frame.callFrame.functionName === '(root)') continue;
      onStack.add(keyOf(frame));
    }
    for (const name of onStack) total.set(name, (total.get(name) ?? 0) + ms);
  }
  const rows = [...new Set([...self.keys(), ...total.keys()])].map((name) => ({ name, selfMs: self.get(name) ?? 0, totalMs: total.get(name) ?? 0 }));
  return {
    wallMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: busy,
    bySelf: [...rows].sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
    byTotal: [...rows].sort((a, b) => b.totalMs - a.totalMs).slice(0, top),
  };
}

/** Where the raw profiles and traces go for DevTools (BENCH_PROFILE_DIR), when asked for. */
function keep(name: string, body: string | Buffer): void {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (dir) writeFileSync(join(dir, name), body);
}

/** Runs `work` under the V8 sampling profiler of the page and sums the profile by function. */
export async function profiled(page: Page, name: string, work: () => Promise<unknown>): Promise<ProfileSummary> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    await work();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.send('Profiler.disable');
    keep(`${name}.cpuprofile`, JSON.stringify(profile));
    return summarizeProfile(profile);
  } finally {
    await cdp.detach();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike dur, it does not grow while other processes hold the CPU. */
  tdur?: number;
  pid: number;
  tid: number;
}

export interface PhaseTime {
  name: string;
  selfMs: number;
  count: number;
}

/** Renderer main-thread phases whose self time is worth naming; any other event keeps its own name. */
const PHASES: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  EventDispatch: 'script (event dispatch)',
  FireAnimationFrame: 'script (animation frame)',
  TimerFire: 'script (timer)',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  RunTask: 'task (outside any phase)',
  'ThreadControllerImpl::RunTask': 'task (outside any phase)',
  Paint: 'paint',
  Layerize: 'layerize',
  'MajorGC': 'garbage collection',
  'MinorGC': 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  HitTest: 'hit testing',
  ScrollLayer: 'scroll',
  UpdateLayer: 'layers',
  UpdateLayerTree: 'layers',
  'ParseHTML': 'parse HTML',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
  'ResizeObserverController::DeliverObservations': 'resize observers',
};

/**
 * Self time per phase on the page's busiest thread (the renderer's main thread) from a Chromium
 * trace: complete events nested by time, each one's own thread time less its children's.
 */
export interface TraceSummary {
  busyMs: number;
  /** CPU time of the main thread's top-level tasks, and of the longest one. */
  cpuMs: number;
  longestTaskCpuMs: number;
  longestTaskMs: number;
  phases: PhaseTime[];
}

export function summarizeTrace(events: TraceEvent[]): TraceSummary {
  const complete = events.filter((event) => event.ph === 'X' && typeof event.dur === 'number');
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of complete) {
    const key = `${event.pid}:${event.tid}`;
    const list = byThread.get(key);
    if (list) list.push(event);
    else byThread.set(key, [event]);
  }
  // The renderer's main thread is the one that ran the most layout and script.
  const weight = (list: TraceEvent[]) => list.filter((event) => event.name === 'Layout' || event.name === 'FunctionCall').length;
  const main = [...byThread.values()].sort((a, b) => weight(b) - weight(a))[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const self = new Map<string, { selfMs: number; count: number }>();
  const stack: { event: TraceEvent; childUs: number }[] = [];
  // Thread time where the trace has it, so other processes on the machine do not swell the phases.
  const spent = (event: TraceEvent) => event.tdur ?? (event.dur as number);
  const close = (entry: { event: TraceEvent; childUs: number }) => {
    const phase = PHASES[entry.event.name] ?? entry.event.name;
    const slot = self.get(phase) ?? { selfMs: 0, count: 0 };
    slot.selfMs += Math.max(0, spent(entry.event) - entry.childUs) / 1000;
    slot.count += 1;
    self.set(phase, slot);
  };
  let busyUs = 0;
  let cpuUs = 0;
  let longestCpuUs = 0;
  let longestUs = 0;
  for (const event of main) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { event: TraceEvent; childUs: number };
      if (event.ts < top.event.ts + (top.event.dur as number)) break;
      close(stack.pop() as { event: TraceEvent; childUs: number });
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.childUs += spent(event);
    // Only a top-level task adds to the busy time.
    else if (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') {
      busyUs += event.dur as number;
      cpuUs += event.tdur ?? 0;
      longestCpuUs = Math.max(longestCpuUs, event.tdur ?? 0);
      longestUs = Math.max(longestUs, event.dur as number);
    }
    stack.push({ event, childUs: 0 });
  }
  while (stack.length > 0) close(stack.pop() as { event: TraceEvent; childUs: number });
  const phases = [...self.entries()].map(([name, value]) => ({ name, ...value })).sort((a, b) => b.selfMs - a.selfMs);
  return { busyMs: busyUs / 1000, cpuMs: cpuUs / 1000, longestTaskCpuMs: longestCpuUs / 1000, longestTaskMs: longestUs / 1000, phases };
}

/** Runs `work` under a Chromium performance trace (devtools.timeline) and sums the main thread by phase. */
export async function traced(page: Page, name: string, work: () => Promise<unknown>): Promise<TraceSummary> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to trace');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
  let failure: unknown = null;
  await work().catch((error: unknown) => {
    failure = error ?? new Error('the traced work failed');
  });
  const buffer = await browser.stopTracing();
  if (failure) throw failure;
  keep(`${name}.trace.json`, buffer);
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return summarizeTrace(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
}
