/**
 * Our main-thread tasks, measured exactly: a Chrome trace (CDP Tracing, devtools.timeline) lists every task the
 * page's main thread ran (RunTask, with its duration) and the script calls inside it (FunctionCall /
 * EvaluateScript, with the script URL). A task with a call into a chrome-extension:// script is one of ours; its
 * duration includes the style and layout our calls forced. Unlike sampling, separate tasks that run back to back
 * (after we yield) stay separate.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

export class TaskTracer {
  private events: TraceEvent[] = [];
  private done: Promise<void> | null = null;
  private running = false;

  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    this.events = [];
    this.cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value as unknown as TraceEvent[]) this.events.push(ev);
    });
    this.done = new Promise((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
    this.running = true;
    await this.cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    } as never);
  }

  /** Durations (ms) of every main-thread task that ran code from a script whose URL starts with `prefix`. */
  async stop(prefix = 'chrome-extension://'): Promise<number[]> {
    await this.end();
    const tasks = this.events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined);
    const calls = this.events.filter(
      (e) =>
        (e.name === 'FunctionCall' ||
          e.name === 'EvaluateScript' ||
          e.name === 'v8.compileModule' ||
          e.name === 'TimerFire') &&
        (e.args?.data?.url ?? e.args?.data?.scriptName ?? '').startsWith(prefix),
    );
    const ours: number[] = [];
    for (const t of tasks) {
      const end = t.ts + (t.dur as number);
      if (calls.some((c) => c.pid === t.pid && c.tid === t.tid && c.ts >= t.ts && c.ts <= end))
        ours.push((t.dur as number) / 1000);
    }
    return ours;
  }

  private async end(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.cdp.send('Tracing.end');
    await this.done;
  }

  /** End tracing if a test stopped early (failed), so the next trace can start. */
  async dispose(): Promise<void> {
    await this.end().catch(() => undefined);
  }

  /** What happened inside the longest task of ours (event name → total ms), for diagnosis. */
  breakdown(prefix = 'chrome-extension://'): Record<string, number> {
    const tasks = this.events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined);
    const mine = tasks.filter((t) =>
      this.events.some(
        (c) =>
          c.pid === t.pid &&
          c.tid === t.tid &&
          c.ts >= t.ts &&
          c.ts <= t.ts + (t.dur as number) &&
          (c.args?.data?.url ?? '').startsWith(prefix),
      ),
    );
    const longest = mine.sort((a, b) => (b.dur as number) - (a.dur as number))[0];
    const out: Record<string, number> = {};
    if (!longest) return out;
    for (const e of this.events) {
      if (e.pid !== longest.pid || e.tid !== longest.tid || e.ph !== 'X' || e === longest) continue;
      if (e.ts < longest.ts || e.ts > longest.ts + (longest.dur as number)) continue;
      const key = `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''}`;
      out[key] = (out[key] ?? 0) + (e.dur ?? 0) / 1000;
    }
    return out;
  }
}
