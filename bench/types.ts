/**
 * The contract between `npm run bench` (bench/run.ts) and the bench modules beside it.
 *
 * A bench module is any top-level bench/*.ts file that exports `name` and `run(ctx)`. The runner imports every
 * such file, runs them in `order` (then file name) and prints their rows; a row that names a `baseline` gets its
 * ratio from that row's value *measured in the same run*, and a `goal` is checked against the ratio (or the
 * value when there is no baseline).
 */
import type { Pack } from '../src/core/pack/schema.ts';
import type { NewsPage } from './lib/pages.ts';
import type { ScalePack } from './lib/scale/build.ts';

export interface BenchRow {
  /** Unique within the bench: "names.full.engine" style keys read well in results.json. */
  metric: string;
  value: number;
  unit: string;
  /** Metric this row is compared with: a metric of the same bench, or "benchName/metric". */
  baseline?: string;
  /** value / baseline value; filled in by the runner when a baseline is named. */
  ratio?: number;
  /** A condition on the ratio (or on the value without a baseline): ">=10", "<=2", ">=100000". */
  goal?: string;
  /** Filled in by the runner from `goal`. */
  met?: boolean;
  /** One short remark shown after the row (subset size, "extrapolated", …). */
  note?: string;
}

export interface BenchResult {
  rows: BenchRow[];
  /** Free-form lines printed under the table (sanity sections, notices). */
  notes?: string[];
  /** Set when the bench could not run here (e.g. ../shared missing); rows may then be empty. */
  skipped?: string;
}

export interface BenchContext {
  /** ../shared/data, or null when it is absent (a user's fresh clone). */
  dataDir: string | null;
  /** bench-output/ (git-ignored). */
  outDir: string;
  /** `--quick`: fewer runs and smaller subsets, for a smoke check. */
  quick: boolean;
  /** Every `--flag` given to `npm run bench` (e.g. "no-validate"), for benches' own switches. */
  flags: ReadonlySet<string>;
  /** The scale pack, built once per run and shared by every bench (needs dataDir). */
  scalePack(): Promise<ScalePack>;
  /** The default pack (src/data/pack), compiled once per run. */
  defaultPack(): Pack;
  /** The English news pages' visible text, parsed once per run (needs dataDir). */
  newsPages(): Promise<NewsPage[]>;
  log(line: string): void;
}

export interface BenchModule {
  name: string;
  /** Lower runs first; default 100. */
  order?: number;
  run(ctx: BenchContext): Promise<BenchResult>;
}
