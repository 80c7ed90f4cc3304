import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  importClaimReview,
  importCsv,
  importFactCheckApi,
  importJsonLines,
  normalizeVerdict,
  parseCsv,
} from '../../src/core/importers/index.ts';
import { formatIssue, validatePackFiles } from '../../src/core/pack/validate.ts';
import { buildPackWithReport } from '../../src/node/pack-io.ts';

const opts = { file: 'in.json', today: '2026-11-30' };
const review = (over: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://www.politifact.com/factchecks/2019/oct/29/donald-trump/x/',
  claimReviewed: 'Murders in major cities dropped by more than 10%.',
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Donald Trump' }, datePublished: '2019-10-28' },
  author: { '@type': 'Organization', name: 'PolitiFact' },
  datePublished: '2019-10-29',
  reviewRating: { '@type': 'Rating', alternateName: 'Pants on Fire' },
  headline: 'Trump wrong about murders',
  ...over,
});

/** Imported records must pass the same validation as hand-written ones. */
function valid(r: { claims: unknown[]; sources: unknown[] }) {
  return validatePackFiles(
    [{ file: 'imported', data: { sources: r.sources, claims: r.claims } }],
    '2026-11-30',
  ).issues.map(formatIssue);
}

describe('ClaimReview JSON-LD importer', () => {
  it('imports a single object with claimant, dates, rating and a normalised verdict', () => {
    const r = importClaimReview(review(), opts);
    expect(r.issues).toEqual([]);
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0];
    expect(c).toMatchObject({
      text: 'Murders in major cities dropped by more than 10%.',
      claimant: { name: 'Donald Trump' },
      date: '2019-10-28',
      verdict: 'false',
      reviews: [{ publisher: 'PolitiFact', rating: 'Pants on Fire', date: '2019-10-29', verdict: 'false' }],
    });
    expect(r.sources[0]).toMatchObject({ url: review().url, publisher: 'PolitiFact', date: '2019-10-29' });
    expect(valid(r)).toEqual([]);
  });

  it('imports arrays, @graph and ClaimReviews nested in other objects', () => {
    const second = review({ url: 'https://example.org/fc/2', claimReviewed: 'Another claim.' });
    expect(importClaimReview([review(), second], opts).claims).toHaveLength(2);
    expect(importClaimReview({ '@graph': [{ '@type': 'WebPage' }, review(), second] }, opts).claims).toHaveLength(2);
    expect(importClaimReview({ '@type': 'NewsArticle', review: [review()] }, opts).claims).toHaveLength(1);
  });

  it('explains each rejected record (which record, which field) and keeps the good ones', () => {
    const r = importClaimReview(
      [
        review(),
        review({ claimReviewed: '', url: 'https://e.org/2' }),
        review({ url: 'javascript:alert(1)', claimReviewed: 'X' }),
      ],
      opts,
    );
    expect(r.claims).toHaveLength(1);
    expect(r.issues.map(formatIssue)).toEqual([
      'in.json: [1]: claimReviewed: missing: the claim as worded is required',
      'in.json: [2]: url: "javascript:alert(1)" must use https',
    ]);
  });

  it('says so when a document holds no ClaimReview, and survives hostile nesting', () => {
    expect(importClaimReview({ '@type': 'WebPage' }, opts).issues[0].message).toContain('no ClaimReview found');
    let deep: Record<string, unknown> = review();
    for (let i = 0; i < 5000; i++) deep = { nested: deep };
    const r = importClaimReview(deep, opts);
    expect(r.claims).toHaveLength(0);
    expect(r.issues.some((i) => i.message.includes('nested deeper'))).toBe(true);
  });

  it('reads a numeric rating scale when no wording is given', () => {
    const r = importClaimReview(review({ reviewRating: { ratingValue: 1, bestRating: 5, worstRating: 1 } }), opts);
    expect(r.claims[0].verdict).toBe('false');
  });
});

describe('Fact Check Tools API importer', () => {
  it('imports every (claim, review) pair of a claims:search response', () => {
    const response = {
      claims: [
        {
          text: 'Ukraine will buy $90 billion of US weapons.',
          claimant: 'Volodymyr Zelenskyy',
          claimDate: '2025-08-18T00:00:00Z',
          claimReview: [
            {
              publisher: { name: 'Example Check', site: 'example.org' },
              url: 'https://example.org/a',
              title: 'A',
              reviewDate: '2025-08-20T00:00:00Z',
              textualRating: 'Missing context',
              languageCode: 'en',
            },
            {
              publisher: { site: 'other.org' },
              url: 'https://other.org/b',
              reviewDate: '2025-08-21T00:00:00Z',
              textualRating: 'Mostly true',
            },
          ],
        },
        { text: 'No review here' },
      ],
      nextPageToken: 'x',
    };
    const r = importFactCheckApi(response, opts);
    expect(r.claims.map((c) => [c.verdict, c.date, c.reviews[0].publisher])).toEqual([
      ['needs-context', '2025-08-18', 'Example Check'],
      ['mostly-accurate', '2025-08-18', 'other.org'],
    ]);
    expect(r.issues.map(formatIssue)).toEqual(['in.json: claims[1]: claimReview: missing: no review for this claim']);
    expect(valid(r)).toEqual([]);
  });
});

describe('CSV importer', () => {
  it('parses quoted fields with commas, quotes and newlines', () => {
    const { rows } = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });

  it('maps common column names and reports bad rows by line', () => {
    const csv = [
      'Claim,Claimant,Review URL,Publisher,Rating,Review date',
      '"Russia pledged to respect Ukraine\'s borders in 1994.",Someone,https://example.org/r1,Example,True,2024-01-02',
      'Too,few,cells',
      'Claim without a date,X,https://example.org/r2,Example,False,',
    ].join('\n');
    const r = importCsv(csv, { ...opts, file: 'in.csv' });
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0].verdict).toBe('accurate');
    expect(r.issues.map(formatIssue)).toEqual([
      'in.csv: line 3: (row): has 3 cells, the header has 6',
      'in.csv: line 4: reviewDate: missing: a claim needs a fact-check with url, publisher, rating and date (or a fallback source for the whole import)',
    ]);
    expect(importCsv('foo,bar\n1,2', opts).issues[0].message).toContain('no claim column');
  });
});

describe('verdict normalisation', () => {
  it.each([
    ['Pants on Fire!', 'false'],
    ['False', 'false'],
    ['Mostly False', 'misleading'],
    ['barely-true', 'misleading'],
    ['Half True', 'needs-context'],
    ['Missing context', 'needs-context'],
    ['Mostly True', 'mostly-accurate'],
    ['True', 'accurate'],
    ['Unproven', 'unsupported'],
    ['Misleading', 'misleading'],
    ['Something else entirely', 'needs-context'],
  ])('%s → %s', (rating, verdict) => {
    expect(normalizeVerdict(rating)).toBe(verdict);
  });
});

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn('[footnote] ../shared not found: importer tests on real data skipped');

describe.skipIf(!hasShared)('importers on real data (../shared/data)', () => {
  it('converts the CheckThat 2B PolitiFact table: every record imported or explained, the pack valid', () => {
    const { pack, imports } = buildPackWithReport([join(SHARED, 'checkthat2022-task2b-en', 'vclaims.jsonl')]);
    const [r] = imports;
    expect(r.total).toBe(19250);
    expect(r.accepted + r.rejected.filter((i) => i.field !== '(file)').length).toBeGreaterThanOrEqual(r.total);
    expect(pack.claims.length).toBe(r.accepted);
    expect(pack.claims.length).toBeGreaterThan(19000);
    for (const i of r.rejected) expect(formatIssue(i)).toMatch(/^vclaims\.jsonl: line \d+: .+: .+/);
    expect(pack.claims.every((c) => c.reviews[0]?.url.startsWith('https://www.politifact.com/'))).toBe(true);
  });

  it('converts LIAR with a data-set source and reviewer: zero crashes, every rejection explained', () => {
    const { pack, imports } = buildPackWithReport([join(SHARED, 'liar', 'liar.jsonl.gz')], {
      reviewer: 'PolitiFact',
      fallbackSource: {
        url: 'https://aclanthology.org/P17-2067/',
        publisher: 'Association for Computational Linguistics',
        title: 'Liar, Liar Pants on Fire',
        date: '2017-07',
      },
    });
    const [r] = imports;
    expect(r.total).toBe(12836);
    expect(r.accepted + r.rejected.length).toBe(r.total);
    expect(pack.claims.length).toBe(r.accepted);
    for (const i of r.rejected) expect(i.message.length).toBeGreaterThan(10);
  });

  it('refuses LIAR without a source for its records, saying why', () => {
    expect(() => buildPackWithReport([join(SHARED, 'liar', 'liar.jsonl.gz')])).toThrow(
      /no usable record in 12836 .*url, publisher, reviewDate: missing/,
    );
  });

  it('explains why the CheckThat 2A Snopes table (no ratings, no URLs) yields no claims', () => {
    expect(() => buildPackWithReport([join(SHARED, 'checkthat2022-task2a-en', 'vclaims.jsonl')])).toThrow(
      /no usable record in 14231 .*line 1: .*missing/,
    );
  });
});

describe('JSON Lines importer', () => {
  it('reports unparseable rows by line and goes on', () => {
    const r = importJsonLines(
      'not json\n{"claim": "x", "url": "https://e.org/1", "publisher": "E", "rating": "False", "review_date": "2024-01-01"}\n',
      {
        file: 'x.jsonl',
        today: '2026-11-30',
      },
    );
    expect(r.claims).toHaveLength(1);
    expect(r.issues.map(formatIssue)[0]).toMatch(/^x\.jsonl: line 1: \(json\): /);
  });
});
