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
