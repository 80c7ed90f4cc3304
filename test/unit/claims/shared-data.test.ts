/**
 * Smoke tests on the real CheckThat! 2022 data in ../shared/data. Skipped, with a notice, when it is absent
 * (the full evaluation is `npm run eval`).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, load2A, load2B, loadTranscripts } from '../../../eval/data';
import { rankMetrics } from '../../../eval/metrics';
import { buildClaimIndex, MODELS, PLAIN_BM25 } from '../../../src/core/claims/index';

const available = existsSync(DATA_DIR);
if (!available) console.warn(`[claims] skipping shared-data tests: ${DATA_DIR} not found`);

describe.skipIf(!available)('claim retrieval on CheckThat! 2022 data', () => {
  it('loads 2A and 2B with the documented row counts', () => {
    const a = load2A();
    const b = load2B();
    expect(a.claims).toHaveLength(14231);
    expect(b.claims).toHaveLength(19250);
    expect(a.queries.filter((q) => q.split === 'test')).toHaveLength(209);
    expect(b.queries.filter((q) => q.split === 'test')).toHaveLength(65);
    expect(loadTranscripts()).toHaveLength(12862);
  });

  it('beats plain BM25 on the first 60 2A test tweets with the tweets model', () => {
    const a = load2A();
    const qs = a.queries.filter((q) => q.split === 'test' && q.gold.length).slice(0, 60);
    const plain = buildClaimIndex(a.claims, { bm25: PLAIN_BM25, model: null });
    const ours = buildClaimIndex(a.claims, { model: MODELS.tweets });
    const run = (index: typeof plain, rerank: boolean) =>
      rankMetrics(
        qs.map((q) => ({
          ranked: index.search(q.text, { date: q.date, top: 5, rerank }).map((h) => h.id),
          gold: q.gold,
        })),
      ).map5;
    const base = run(plain, false);
    const better = run(ours, true);
    expect(better).toBeGreaterThan(base);
    expect(better).toBeGreaterThan(0.85);
  }, 60_000);
});
