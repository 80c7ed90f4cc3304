/**
 * Timing and memory helpers: medians of warmed-up runs, a forced GC (without needing node --expose-gc) so heap
 * figures count live objects only, and CPU time beside wall time (this machine's cores are shared).
 */
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFn: (() => void) | null | undefined;

/** A full GC if one can be had: global.gc under --expose-gc, else V8's gc exposed for this process. */
export function forceGc(): boolean {
  if (gcFn === undefined) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) gcFn = g;
    else {
      try {
        setFlagsFromString('--expose-gc');
        gcFn = runInNewContext('gc') as () => void;
      } catch {
        gcFn = null;
      }
    }
  }
  if (!gcFn) return false;
  gcFn();
  gcFn();
  return true;
}

/** Heap in use after a full GC, in MB (1e6 bytes). */
export function heapUsedMB(): number {
  forceGc();
  return process.memoryUsage().heapUsed / 1e6;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Timed<T> {
  value: T;
  ms: number;
  cpuMs: number;
}

export function timed<T>(fn: () => T): Timed<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms, cpuMs: (c.user + c.system) / 1000 };
}

export interface PassTimes {
  /** Median wall milliseconds. */
  wall: number;
  /** Median CPU milliseconds (user + system, whole process): robust when other jobs share the cores. */
  cpu: number;
  /** Every CPU sample, for pooling across calls. */
  cpuSamples: number[];
}

/**
 * Run each named pass `warmup` times, then `runs` times interleaved (a, b, c, a, b, c, …) so that load from other
 * processes hits every pass alike; returns median wall and CPU time per pass.
 */
export function interleavedMedians(
  passes: Record<string, () => void>,
  runs: number,
  warmup = 1,
): Record<string, PassTimes> {
  const names = Object.keys(passes);
  for (let w = 0; w < warmup; w++) for (const n of names) passes[n]();
  const wall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < runs; r++) {
    for (const n of names) {
      const t = timed(passes[n]);
      wall[n].push(t.ms);
      cpu[n].push(t.cpuMs);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { wall: median(wall[n]), cpu: median(cpu[n]), cpuSamples: cpu[n] }]));
}

export const mbPerSec = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

export const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
