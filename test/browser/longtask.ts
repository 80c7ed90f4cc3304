/**
 * Measuring main-thread time in a page, for the real-page sweep.
 *
 * Two instruments, because neither alone says whose time it was:
 *  - `LONGTASK_INIT`: a PerformanceObserver('longtask') registered before any page script (context.addInitScript),
 *    in every run. It sees every task over 50 ms on the page's main thread, ours included (content scripts share
 *    that thread), but its attribution is only "this frame": it cannot tell a content script from the page.
 *    Long Animation Frame entries would name scripts, but Chromium leaves isolated worlds (content scripts) out
 *    of their `scripts` list, so they cannot either.
 *  - The V8 sampling profiler over CDP (`startProfiling` / `ourSlices`): every ~1 ms it records the JS stack of
 *    the page's main thread, with each frame's script URL. Content-script frames carry chrome-extension:// URLs,
 *    so a run of consecutive samples with one of our frames on the stack is a slice of main-thread time spent in
 *    our code — including the style and layout our calls force (e.g. checkVisibility), which V8 charges to the
 *    calling JS frame. The longest slice bounds our longest task from below; a slice over 50 ms is a long task
 *    that is ours no matter what the page does around it. Work the browser does after our task (painting the
 *    highlights in the next frame) is not in a slice; the longtask comparison between runs covers that.
 */
import type { CDPSession } from 'playwright-core';

const KEY = 'footnote.sweep.longtasks';

/** Init script: collect long tasks from the start of the document, in a property page code will not see. */
export const LONGTASK_INIT = `(() => {
  const key = Symbol.for(${JSON.stringify(KEY)});
  if (window[key]) return;
  const tasks = [];
  Object.defineProperty(window, key, { value: tasks, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Page expression: the long tasks seen so far, as [{start, duration}] in ms. */
export const READ_LONGTASKS = `(window[Symbol.for(${JSON.stringify(KEY)})] || []).slice()`;

export interface LongTask {
  start: number;
  duration: number;
}

/** Sampling interval: 1 ms keeps a 50 ms task at ~50 samples at a profiling overhead of a few per cent. */
const SAMPLE_INTERVAL_US = 1000;

export async function startProfiling(session: CDPSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLE_INTERVAL_US });
  await session.send('Profiler.start');
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export async function stopProfiling(session: CDPSession): Promise<CpuProfile> {
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await session.send('Profiler.disable');
  return profile;
}

/** Short runs of these between two of our samples belong to the same task of ours (GC, native glue). */
const GLUE = new Set(['(garbage collector)', '(program)']);
/** Longest run of glue samples still counted as inside our slice. */
const MAX_GLUE_US = 2000;

/**
 * Slices of main-thread time (ms) with a frame from a script whose URL starts with `prefix` on the stack.
 * Each sample stands for the time until the next one.
 */
export function ourSlices(profile: CpuProfile, prefix: string): number[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length === 0) return [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const glue = new Set<number>();
  // Parents come before children in Profiler output, but walk from the root to be safe.
  const root = profile.nodes[0];
  const stack: Array<[ProfileNode, boolean]> = [[root, false]];
  while (stack.length) {
    const [node, parentOurs] = stack.pop() as [ProfileNode, boolean];
    const mine = parentOurs || node.callFrame.url.startsWith(prefix);
    ours.set(node.id, mine);
    if (GLUE.has(node.callFrame.functionName)) glue.add(node.id);
    for (const c of node.children ?? []) {
      const child = byId.get(c);
      if (child) stack.push([child, mine]);
    }
  }
  const times: number[] = [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    times.push(t);
  }
  times.push(profile.endTime);
  const slices: number[] = [];
  let start = -1; // time of the first sample of the open slice
  let end = -1; // end of the last sample of ours in it
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i];
    if (ours.get(id)) {
      if (start < 0) start = times[i];
      end = times[i + 1];
    } else if (start >= 0 && !(glue.has(id) && times[i + 1] - end <= MAX_GLUE_US)) {
      slices.push((end - start) / 1000);
      start = -1;
    }
  }
  if (start >= 0) slices.push((end - start) / 1000);
  return slices;
}

/** One main-thread task that ran our code: wall-clock duration and the thread's CPU time in it (ms). */
export interface OurTask {
  wall: number;
  cpu: number;
}

/** The fields of a Chrome trace event that this module and ./tasks.ts read. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      scriptName?: string;
      startTime?: number;
      cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: { url: string } }>; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

/**
 * Exact attribution, for the pages the sampling screen flags: a Chrome trace of one visit with the V8 sampler on
 * the trace's own clock (as DevTools records it). Every task the page's main thread ran is a RunTask event with
 * its wall duration (dur) and thread CPU time (tdur); a task is ours when a sample inside it has one of our
 * frames on the stack — which also catches our promise continuations, which run inside the browser's task that
 * delivered a message and have no FunctionCall event of their own. Back-to-back tasks stay separate, so the
 * content script's yields count. Tracing is browser-wide (one session at a time): use one tab.
 */
export async function traceOurTasks(
  session: CDPSession,
  action: () => Promise<void>,
  prefix = 'chrome-extension://',
): Promise<OurTask[]> {
  const events: TraceEvent[] = [];
  // Protocol types describe trace events as loose objects; this module reads the few fields it needs.
  const onData = (e: { value: object[] }) => {
    for (const ev of e.value) events.push(ev as TraceEvent);
  };
  session.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    // Only the two categories read below ('-*' drops the default ones): RunTask events and V8 samples.
    categories: '-*,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler',
    transferMode: 'ReportEvents',
  } as never);
  try {
    await action();
  } finally {
    await session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', onData);
  }
  const ours = ourSampleTimes(events, prefix);
  const tasks: OurTask[] = [];
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.dur === undefined) continue;
    const times = ours.get(`${e.pid}:${e.tid}`);
    const end = e.ts + e.dur;
    if (times?.some((t) => t >= e.ts && t <= end)) tasks.push({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 });
  }
  return tasks;
}

/**
 * Times (trace clock, µs) of the V8 samples (category disabled-by-default-v8.cpu_profiler) that have a frame from
 * a script whose URL starts with `prefix` on the stack, per thread (`pid:tid`).
 */
export function ourSampleTimes(events: readonly TraceEvent[], prefix: string): Map<string, number[]> {
  const ours = new Map<string, number[]>();
  const profiles = new Map<
    string,
    { thread: string; time: number; url: Map<number, string>; parent: Map<number, number> }
  >();
  for (const e of events) {
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile')
      profiles.set(key, {
        thread: `${e.pid}:${e.tid}`,
        time: e.args?.data?.startTime ?? e.ts,
        url: new Map(),
        parent: new Map(),
      });
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(key);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) {
      p.url.set(n.id, n.callFrame.url);
      if (n.parent !== undefined) p.parent.set(n.id, n.parent);
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.time += deltas[i] ?? 0;
      let mine = false;
      for (let n: number | undefined = samples[i]; n !== undefined && !mine; n = p.parent.get(n))
        mine = (p.url.get(n) ?? '').startsWith(prefix);
      if (!mine) continue;
      const list = ours.get(p.thread) ?? [];
      list.push(p.time);
      ours.set(p.thread, list);
    }
  }
  return ours;
}

/** Main-thread CPU time and wall-clock task time so far (CDP Performance metrics, seconds). */
export async function mainThreadTimes(session: CDPSession): Promise<{ cpu: number; tasks: number }> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { cpu: get('ThreadTime'), tasks: get('TaskDuration') };
}
