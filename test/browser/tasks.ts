/**
 * Our main-thread tasks, measured exactly, for the hostile-page test: a Chrome trace (CDP Tracing) lists every task
 * the page's main thread ran (RunTask, with its wall duration `dur` and the thread's CPU time in it, `tdur`). A task
 * is ours when it ran code of ours, by either of two signs:
 *   - a script event inside it (FunctionCall, EvaluateScript, v8.compileModule, TimerFire) names a
 *     chrome-extension:// script;
 *   - a V8 sample inside it has one of our frames on the stack (./longtask.ts), which also catches our promise
 *     continuations: they run inside the browser's task that delivered a message, with no script event of their own.
 * Its duration includes the style and layout our calls forced and the deserialising of a reply we asked for, and any
 * garbage collection V8 ran in it (reported apart, `gc`). Unlike sampling alone, separate tasks that run back to back
 * (after we yield) stay separate.
 */
import type { CDPSession } from 'playwright-core';
import { type OurTask, ourSampleTimes, type TraceEvent } from './longtask.ts';

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compileModule', 'TimerFire']);
/** V8's garbage collections on the main thread (their phases are separate events inside them). */
const GC_EVENTS = new Set(['MajorGC', 'MinorGC']);

export interface TracedTask extends OurTask {
  /** Thread CPU time (ms) of the garbage collections inside the task (MajorGC and MinorGC events). */
  gc: number;
  /** Start (trace clock, µs) and thread (`pid:tid`), for `inside`. */
  ts: number;
  thread: string;
}

export class TaskTracer {
  private events: TraceEvent[] = [];
  private done: Promise<void> | null = null;
  private running = false;
  private readonly onData = (e: { value: object[] }) => {
    for (const ev of e.value) this.events.push(ev as TraceEvent);
  };

  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    this.events = [];
    this.cdp.on('Tracing.dataCollected', this.onData);
    this.done = new Promise((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
    this.running = true;
    await this.cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler',
      transferMode: 'ReportEvents',
    } as never);
  }

  /** Every main-thread task that ran code from a script whose URL starts with `prefix`. */
  async stop(prefix = 'chrome-extension://'): Promise<TracedTask[]> {
    await this.end();
    const samples = ourSampleTimes(this.events, prefix);
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of this.events) {
      const key = `${e.pid}:${e.tid}`;
      const list = byThread.get(key);
      if (list) list.push(e);
      else byThread.set(key, [e]);
    }
    const ours: TracedTask[] = [];
    for (const [thread, events] of byThread) {
      const scripts = events.filter((e) => SCRIPT_EVENTS.has(e.name) && urlOf(e).startsWith(prefix)).map((e) => e.ts);
      const sampled = samples.get(thread) ?? [];
      const gcs = events.filter((e) => GC_EVENTS.has(e.name) && e.ph === 'X');
      for (const t of events) {
        if (t.name !== 'RunTask' || t.ph !== 'X' || t.dur === undefined) continue;
        const end = t.ts + t.dur;
        const inside = (ts: number) => ts >= t.ts && ts <= end;
        if (!scripts.some(inside) && !sampled.some(inside)) continue;
        let gc = 0;
        for (const e of gcs) if (inside(e.ts)) gc += (e.tdur ?? e.dur ?? 0) / 1000;
        ours.push({ wall: t.dur / 1000, cpu: (t.tdur ?? t.dur) / 1000, gc, ts: t.ts, thread });
      }
    }
    return ours;
  }

  /** What ran inside one of the tasks `stop` returned (complete events by name and script file, ms), for diagnosis. */
  inside(task: TracedTask): Record<string, number> {
    const out: Record<string, number> = {};
    const end = task.ts + task.wall * 1000;
    for (const e of this.events) {
      if (`${e.pid}:${e.tid}` !== task.thread || e.ph !== 'X' || e.name === 'RunTask') continue;
      if (e.ts < task.ts || e.ts > end || e.name.startsWith('V8.GC_')) continue;
      const url = urlOf(e);
      const key = url ? `${e.name} ${url.split('/').pop()}` : e.name;
      out[key] = Math.round(((out[key] ?? 0) + (e.dur ?? 0) / 1000) * 10) / 10;
    }
    return out;
  }

  private async end(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.cdp.send('Tracing.end');
    await this.done;
    this.cdp.off('Tracing.dataCollected', this.onData);
  }

  /** End tracing if a test stopped early (failed), so the next trace can start. */
  async dispose(): Promise<void> {
    await this.end().catch(() => undefined);
  }
}

const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
