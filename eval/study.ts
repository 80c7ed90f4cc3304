/**
 * Detection study — a diagnostic, never a shipped figure:  npx tsx eval/study.ts
 *
 * How far could transcript detection go with the signals the matcher computes, if its calibrator were fitted on
 * the evaluation transcripts themselves? Leave one transcript out: fit a logistic calibrator on the other nine
 * (same inputs as the shipped one: the top hit's CALIBRATION_FEATURES), pick its threshold by F1 on those nine,
 * flag the tenth; F1 over all ten. This fits on test labels, so it bounds what any re-calibration of these inputs
 * could reach; the shipped model never sees these transcripts (eval/README.md, "Detection").
 */

import { fileURLToPath } from 'node:url';
import { BACKGROUND, buildClaimIndex, FEATURES, MODELS } from '../src/core/claims/index';
import { CALIBRATION_FEATURES, LinearModel, type ModelJson, sigmoid } from '../src/core/claims/model';
import { collectOne } from './collect';
import { debateDate, load2B, loadTranscripts, transcriptGold } from './data';
import { fitLogistic } from './learn';
import { bestF1Threshold, type DetectionMetrics, detection } from './metrics';
import { calibrationRows } from './train';

interface Row {
  transcript: string;
  f: number[];
  positive: boolean;
}

/** The top hit's calibrator inputs for every transcript sentence (sentences without a candidate are left out). */
function transcriptRows(model: ModelJson): { rows: Row[]; positives: number } {
  const ds = load2B();
  const index = buildClaimIndex(ds.claims, { model, background: BACKGROUND });
  const ranker = new LinearModel(model.ranker, FEATURES);
  const gold = transcriptGold(ds);
  const rows: Row[] = [];
  let positives = 0;
  for (const l of loadTranscripts()) {
    const ref = `${l.key}#${l.line}`;
    const positive = gold.has(ref);
    if (positive) positives++;
    const date = debateDate(l.key);
    const q = {
      split: 'test' as const,
      id: ref,
      text: l.text,
      speaker: l.speaker,
      gold: [],
      ...(date ? { date } : {}),
    };
    const top = calibrationRows(collectOne(index, '2B', q, model.depth, 'query'), ranker, 1)[0];
    if (top) rows.push({ transcript: l.key, f: top.f, positive });
  }
  return { rows, positives };
}

/** Scored sentences plus the positives that had no candidate at all (score 0: never flagged). */
function withUnscored<T extends { positive: boolean; score: number }>(items: T[], positives: number) {
  const out: Array<{ score: number; positive: boolean }> = [...items];
  for (let i = items.filter((x) => x.positive).length; i < positives; i++) out.push({ score: 0, positive: true });
  return out;
}

/** Detection figures over all sentences (those without a candidate count as not flagged). */
function score(flags: Array<{ flagged: boolean; positive: boolean }>, positives: number): DetectionMetrics {
  const items = flags.map((x) => ({ score: x.flagged ? 1 : 0, positive: x.positive }));
  return detection(withUnscored(items, positives), 1);
}

export function leaveOneTranscriptOut(rows: Row[], positives: number): DetectionMetrics {
  const flags: Array<{ flagged: boolean; positive: boolean }> = [];
  for (const held of [...new Set(rows.map((r) => r.transcript))]) {
    const train = rows.filter((r) => r.transcript !== held);
    const fit = fitLogistic(
      train.map((r) => Float64Array.from(r.f)),
      train.map((r) => (r.positive ? 1 : 0)),
      train.map(() => 1),
      [...CALIBRATION_FEATURES],
      1,
    );
    const cal = new LinearModel(fit, CALIBRATION_FEATURES);
    const p = (r: Row) => sigmoid(cal.logit(r.f));
    const { threshold } = bestF1Threshold(train.map((r) => ({ score: p(r), positive: r.positive })));
    for (const r of rows.filter((x) => x.transcript === held))
      flags.push({ flagged: p(r) >= threshold, positive: r.positive });
  }
  return score(flags, positives);
}

function main(): void {
  const model = MODELS.debates as ModelJson;
  const t0 = Date.now();
  const { rows, positives } = transcriptRows(model);
  const shipped = new LinearModel(model.calibrator, CALIBRATION_FEATURES);
  const items = rows.map((r) => ({ score: sigmoid(shipped.logit(r.f)), positive: r.positive }));
  const asShipped = score(
    items.map((x) => ({ flagged: x.score >= model.threshold, positive: x.positive })),
    positives,
  );
  const loto = leaveOneTranscriptOut(rows, positives);
  const fmt = (m: DetectionMetrics) =>
    `P ${m.precision.toFixed(4)} R ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)} (tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
  console.log(`debates model, ${rows.length} transcript sentences with a candidate, ${positives} positives`);
  console.log(`  shipped calibrator (TRAIN/DEV), threshold ${model.threshold}: ${fmt(asShipped)}`);
  const oracle = bestF1Threshold(withUnscored(items, positives)).f1;
  console.log(`  best threshold for the shipped score, chosen on test: F1 ${oracle.toFixed(4)}`);
  console.log(`  calibrator fitted leave-one-transcript-out on the transcripts: ${fmt(loto)}`);
  console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
