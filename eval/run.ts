/**
 * Evaluation of claim retrieval and detection on CheckThat! 2022 2A/2B (../shared/data), every figure printed beside
 * a plain-BM25 baseline computed in the same run with the same tokeniser.
 *
 *   npm run eval                  evaluate the shipped weights (src/core/claims/weights.json)
 *   npm run eval -- --train       retrain the weights from TRAIN/DEV first (eval/train.ts), then evaluate
 *   npm run eval -- --quick       skip the transcript detection part
 *
 * Writes eval/results.json. Everything is tuned on train/dev; test (and dev-test) figures are only reported.
 */

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackgroundStats } from '../src/core/claims/bm25';
import { parseDay } from '../src/core/claims/dates';
import { surname } from '../src/core/claims/docs';
import { BACKGROUND, buildClaimIndex, type ClaimIndex, MODELS, PLAIN_BM25 } from '../src/core/claims/index';
import type { ModelJson } from '../src/core/claims/model';
import { Engine } from '../src/core/engine.ts';
import { buildPack, DEFAULT_PACK_DIR } from '../src/node/pack-io.ts';
import { collectHeldOut, collectNews, collectQueries, newsSentences, searchOptions } from './collect';
import { type Dataset, dataAvailable, debateDate, load2A, load2B, loadTranscripts, transcriptGold } from './data';
import { bestF1Threshold, type DetectionMetrics, detection, type RankMetrics, rankMetrics } from './metrics';
import { engineMentions, type GoldScore, goldFiles, naiveMentions, scoreMentions } from './names-gold.ts';
import { BASE_RATE, type Trained, trainAll } from './train';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS_PATH = join(HERE, 'results.json');
const REPORT_SPLITS = ['dev', 'dev-test', 'test'] as const;
/** Background document frequencies the models were trained with (the shipped ones, or fresh from --train). */
let background: BackgroundStats = BACKGROUND;

function rankRun(index: ClaimIndex, ds: Dataset, split: string, rerank: boolean, context = true): RankMetrics {
  const qs = ds.queries.filter((q) => q.split === split && q.gold.length > 0);
  return rankMetrics(
    qs.map((q) => ({
      ranked: index.search(q.text, { ...(context ? searchOptions(q) : {}), top: 10, rerank }).map((h) => h.id),
      gold: q.gold,
    })),
  );
}

const f = (x: number) => x.toFixed(4);

function printRankTable(
  title: string,
  rows: Array<{ split: string; base: RankMetrics; ours: Record<string, RankMetrics> }>,
): void {
  console.log(`\n${title}`);
  const profiles = Object.keys(rows[0]?.ours ?? {});
  console.log(
    `  ${'split'.padEnd(9)} ${'n'.padStart(4)}  metric   plain-BM25  ${profiles.map((p) => p.padStart(11)).join('  ')}`,
  );
  for (const r of rows) {
    for (const m of ['map5', 'mrr', 'r1', 'r5'] as const) {
      const label = { map5: 'MAP@5', mrr: 'MRR', r1: 'R@1', r5: 'R@5' }[m];
      const lead = m === 'map5' ? `${r.split.padEnd(9)} ${String(r.base.n).padStart(4)}` : ' '.repeat(14);
      console.log(
        `  ${lead}  ${label.padEnd(7)}  ${f(r.base[m]).padStart(10)}  ${profiles.map((p) => f((r.ours[p] as RankMetrics)[m]).padStart(11)).join('  ')}`,
      );
    }
  }
}

/** Plain BM25 vs each profile with the sentence's context (date, speaker), and the joint profile without context. */
function evalRanking(ds: Dataset, profiles: Record<string, ModelJson>) {
  const plain = buildClaimIndex(ds.claims, { bm25: PLAIN_BM25, model: null });
  const ours = Object.fromEntries(
    Object.entries(profiles).map(([k, m]) => [k, buildClaimIndex(ds.claims, { model: m, background })]),
  );
  return REPORT_SPLITS.map((split) => ({
    split,
    base: rankRun(plain, ds, split, false),
    ours: {
      ...Object.fromEntries(Object.entries(ours).map(([k, idx]) => [k, rankRun(idx, ds, split, true)])),
      'joint-noctx': rankRun(ours.joint as ClaimIndex, ds, split, true, false),
    },
  }));
}

interface OurDetection extends DetectionMetrics {
  oracleF1: number;
  /** Flagged positives whose gold claim is among the 5 hits. */
  correctClaimInTop5: number;
  /** False positives whose top claim was said by the sentence's own speaker… */
  fpOwnClaim: number;
  /** …at the same event (claim dated 0–2 days before the transcript): statements PolitiFact checked, gold not linked. */
  fpOwnClaimSameEvent: number;
}

interface DetectionResult {
  sentences: number;
  positives: number;
  plainBm25: DetectionMetrics & { oracleF1: number };
  ours: Record<string, OurDetection>;
}

/** Plain BM25 flag threshold, calibrated like ours: TRAIN/DEV positives vs negatives weighted to BASE_RATE. */
function plainThreshold(plain: ClaimIndex, ds: Dataset): number {
  const splits = ['train', 'dev'];
  const pos = collectQueries(plain, ds, splits, 1).map((c) => c.bm25[0] ?? 0);
  const neg = [...collectHeldOut(plain, ds, splits, 1), ...collectNews(plain, ds.name, newsSentences(), 1)].map(
    (c) => c.bm25[0] ?? 0,
  );
  const wNeg = (pos.length * (1 - BASE_RATE)) / (BASE_RATE * neg.length);
  return bestF1Threshold([
    ...pos.map((score) => ({ score, positive: true })),
    ...neg.map((score) => ({ score, positive: false, weight: wNeg })),
  ]).threshold;
}

function evalDetection(ds: Dataset, profiles: Record<string, ModelJson>): DetectionResult {
  const lines = loadTranscripts();
  const gold = transcriptGold(ds);
  const positive = (ref: string) => gold.has(ref);
  const plain = buildClaimIndex(ds.claims, { bm25: PLAIN_BM25, model: null });
  const tPlain = plainThreshold(plain, ds);
  const plainItems = lines.map((l) => {
    const hit = plain.candidates(l.text, {}, 1)[0];
    return { score: hit?.bm25 ?? 0, positive: positive(`${l.key}#${l.line}`) };
  });
  const ours: DetectionResult['ours'] = {};
  const claims = new Map(ds.claims.map((c) => [c.id, c]));
  for (const [name, model] of Object.entries(profiles)) {
    const index = buildClaimIndex(ds.claims, { model, background });
    let correct = 0;
    let fpOwnClaim = 0;
    let fpOwnClaimSameEvent = 0;
    const items = lines.map((l) => {
      const date = debateDate(l.key);
      const hits = index.search(l.text, { ...(date ? { date } : {}), speaker: l.speaker, top: 5 });
      const ref = `${l.key}#${l.line}`;
      const g = gold.get(ref);
      const flagged = (hits[0]?.score ?? 0) >= model.threshold;
      if (g && flagged && hits.some((h) => g.includes(h.id))) correct++;
      const top = hits[0] ? claims.get(hits[0].id) : undefined;
      if (!g && flagged && top?.claimant && surname(top.claimant) === surname(l.speaker)) {
        fpOwnClaim++;
        const ago = (parseDay(date) ?? 0) - (parseDay(top.date) ?? Number.NEGATIVE_INFINITY);
        if (ago >= 0 && ago <= 2) fpOwnClaimSameEvent++;
      }
      return { score: hits[0]?.score ?? 0, positive: positive(ref) };
    });
    ours[name] = {
      ...detection(items, model.threshold),
      oracleF1: bestF1Threshold(items).f1,
      correctClaimInTop5: correct,
      fpOwnClaim,
      fpOwnClaimSameEvent,
    };
  }
  return {
    sentences: lines.length,
    positives: plainItems.filter((x) => x.positive).length,
    plainBm25: { ...detection(plainItems, tPlain), oracleF1: bestF1Threshold(plainItems).f1 },
    ours,
  };
}

function printDetection(d: DetectionResult): void {
  console.log(
    `\n2B transcripts — detection (${d.sentences} sentences, ${d.positives} with dev-test/test gold; date + speaker as context)`,
  );
  const row = (name: string, m: DetectionMetrics & { oracleF1: number }) =>
    console.log(
      `  ${name.padEnd(12)} threshold ${m.threshold.toPrecision(4).padStart(8)}  P ${f(m.precision)}  R ${f(m.recall)}  F1 ${f(m.f1)}  (tp ${m.tp} fp ${m.fp} fn ${m.fn}; best-possible F1 on test ${f(m.oracleF1)})`,
    );
  row('plain-BM25', d.plainBm25);
  for (const [k, m] of Object.entries(d.ours)) row(k, m);
  for (const [k, m] of Object.entries(d.ours)) {
    console.log(
      `  ${k}: ${m.correctClaimInTop5}/${m.tp} true positives have the gold claim in the top 5; ${m.fpOwnClaim}/${m.fp} false positives match a claim by the sentence's own speaker, ${m.fpOwnClaimSameEvent} of them stated at the same event (checked by PolitiFact, not linked in the gold)`,
    );
  }
}

/** Name matching on the hand-written gold pages (test/gold), beside a naive all-aliases regex baseline. */
function evalNames() {
  const engine = new Engine(buildPack([DEFAULT_PACK_DIR]));
  const ours = engineMentions(engine);
  const naive = naiveMentions(engine);
  const rows = goldFiles().map(({ name, gold, path }) => ({
    name,
    ours: scoreMentions(ours(path), gold),
    naive: scoreMentions(naive(path), gold),
  }));
  const total = (k: 'ours' | 'naive') => {
    const tp = rows.reduce((n, r) => n + r[k].tp, 0);
    const fp = rows.reduce((n, r) => n + r[k].fp, 0);
    const fn = rows.reduce((n, r) => n + r[k].fn, 0);
    return { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
  };
  console.log('\nNames on the gold pages (test/gold) — precision / recall');
  console.log('  page                   naive regex        footnote');
  for (const r of rows) {
    console.log(
      `  ${r.name.padEnd(22)} ${r.naive.precision.toFixed(3)} / ${r.naive.recall.toFixed(3)}    ${r.ours.precision.toFixed(3)} / ${r.ours.recall.toFixed(3)}`,
    );
  }
  const [n, o] = [total('naive'), total('ours')];
  console.log(
    `  ${'all'.padEnd(22)} ${n.precision.toFixed(3)} / ${n.recall.toFixed(3)}    ${o.precision.toFixed(3)} / ${o.recall.toFixed(3)}`,
  );
  return { pages: rows.map((r) => ({ name: r.name, naive: pick(r.naive), ours: pick(r.ours) })), naive: n, ours: o };
}

const pick = (s: GoldScore) => ({ tp: s.tp, fp: s.fp, fn: s.fn, precision: s.precision, recall: s.recall });

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (!dataAvailable()) {
    console.error('eval: ../shared/data (CheckThat 2022 2A/2B) not found; nothing to evaluate');
    return 2;
  }
  const t0 = Date.now();
  let trained: Trained = { weights: { default: 'joint', models: { ...MODELS } }, background: BACKGROUND };
  if (argv.includes('--train')) trained = trainAll();
  background = trained.background;
  const m = trained.weights.models;
  const a = load2A();
  const b = load2B();
  const r2a = evalRanking(a, { tweets: m.tweets as ModelJson, joint: m.joint as ModelJson });
  printRankTable('CheckThat 2022 2A — tweets → 14,231 Snopes claims (tweet date as context)', r2a);
  const r2b = evalRanking(b, { debates: m.debates as ModelJson, joint: m.joint as ModelJson });
  printRankTable('CheckThat 2022 2B — debate sentences → 19,250 PolitiFact claims (debate date as context)', r2b);
  let det: DetectionResult | undefined;
  if (!argv.includes('--quick')) {
    det = evalDetection(b, { debates: m.debates as ModelJson, joint: m.joint as ModelJson });
    printDetection(det);
  }
  const names = evalNames();
  const seconds = (Date.now() - t0) / 1000;
  console.log(`\n(eval took ${seconds.toFixed(0)} s)`);
  const results = {
    generated: new Date().toISOString().slice(0, 10),
    command: `npm run eval${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    seconds: Math.round(seconds),
    baseRate: BASE_RATE,
    '2A': r2a,
    '2B': r2b,
    detection2B: det ?? null,
    names,
  };
  writeFileSync(
    RESULTS_PATH,
    `${JSON.stringify(results, (_k, v) => (typeof v === 'number' ? Number(v.toFixed(4)) : v), 1)}\n`,
  );
  return 0;
}

main().then((code) => process.exit(code));
