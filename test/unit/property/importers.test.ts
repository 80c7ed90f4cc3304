/**
 * Properties of the importers on arbitrary input: they never throw, always answer {claims, sources, issues, total},
 * name every problem (file, record, field, message), and every claim they accept passes the pack validation that
 * hand-written records pass. The CSV parser never throws and reads back what an RFC 4180 writer writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  type ImportResult,
  importClaimReview,
  importCsv,
  importFactCheckApi,
  importJsonLines,
  importText,
  parseCsv,
} from '../../../src/core/importers/index.ts';
import { formatIssue, validatePackFiles } from '../../../src/core/pack/validate.ts';
import { anyCodePoint, check, hostileText, propertyRuns, TRICKY } from './arbitraries.ts';

const TODAY = '2026-11-30';
const OPTS = { file: 'in.json', today: TODAY };
const RUNS = propertyRuns(150);

const unit = fc.oneof(fc.constantFrom(...TRICKY), anyCodePoint, fc.constantFrom('\u0000', '\u0007', '\u001F', '\r'));
const json = fc.jsonValue({ maxDepth: 6, stringUnit: unit });

/** Plausible field values: real ones, near misses, and hostile ones. */
const text = fc.oneof(
  fc.constantFrom('Murders dropped by 10%.', '  padded  ', '', 'x'),
  hostileText(30),
  fc.string({ unit, maxLength: 40 }),
  fc.nat(6000).map((n) => `${'A long title '.repeat(Math.ceil(n / 13)).slice(0, n)}x`),
);
const url = fc.oneof(
  fc.constantFrom(
    'https://www.politifact.com/factchecks/2019/oct/29/x/',
    'https://example.org/fc/1',
    'http://example.org/fc/2',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://localhost/x',
    'https://exa mple.org/',
    '//example.org/relative',
  ),
  fc.webUrl().map((u) => u.replace(/^http:/, 'https:')),
  text,
);
const date = fc.oneof(
  fc.constantFrom('2019-10-29', '2019-10-30T00:00:00Z', 'Oct 30, 2019', '2019-02-30', '2999-01-01', '12345-01-01', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  text,
);
const rating = fc.oneof(
  fc.constantFrom('Pants on Fire!', 'Mostly False', 'half-true', 'True', 'Missing context', 'Unproven', ''),
  text,
);
/** A list or object nested thousands of levels deep: String() or Number() of it overflows the stack. */
const deep = fc.tuple(fc.integer({ min: 5000, max: 12000 }), fc.boolean()).map(([depth, list]) => {
  let v: unknown = list ? [] : {};
  for (let i = 0; i < depth; i++) v = list ? [v] : { a: v };
  return v;
});
const anyOf = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 10, arbitrary: a }, { weight: 2, arbitrary: json }, { weight: 1, arbitrary: deep });
/** For input that is serialised first: JSON.stringify itself cannot write `deep`, so it is spliced in as text. */
const shallow = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: json });
const deepText = fc.integer({ min: 5000, max: 12000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`);

const claimReview = fc.record(
  {
    '@type': fc.constantFrom('ClaimReview', ['ClaimReview'], 'schema:ClaimReview', 'https://schema.org/ClaimReview'),
    url: anyOf(url),
    claimReviewed: anyOf(text),
    itemReviewed: anyOf(
      fc.record(
        {
          author: anyOf(fc.oneof(text, fc.record({ name: anyOf(text) }))),
          datePublished: anyOf(date),
          appearance: anyOf(fc.oneof(url, fc.record({ url: anyOf(url), publisher: anyOf(text) }))),
        },
        { requiredKeys: [] },
      ),
    ),
    author: anyOf(fc.oneof(text, fc.record({ name: anyOf(text) }), fc.array(fc.record({ name: anyOf(text) })))),
    datePublished: anyOf(date),
    reviewRating: anyOf(
      fc.oneof(
        fc.record({ alternateName: anyOf(rating) }),
        fc.record({ ratingValue: anyOf(fc.integer()), bestRating: anyOf(fc.integer()), worstRating: json }),
      ),
    ),
    headline: anyOf(text),
  },
  { requiredKeys: ['@type'] },
);

/** Every claim accepted passes validation; every issue is named; the shape is the documented one. */
function checkResult(r: ImportResult): void {
  expect(Object.keys(r).sort()).toEqual(['claims', 'issues', 'sources', 'total']);
  check(Number.isInteger(r.total) && r.total >= 0, `total ${r.total}`);
  check(r.claims.length <= r.total, `${r.claims.length} claims from ${r.total} records`);
  for (const i of r.issues) {
    for (const k of ['file', 'record', 'field', 'message'] as const) {
      check(typeof i[k] === 'string' && i[k].length > 0, `issue without ${k}: ${JSON.stringify(i)}`);
    }
  }
  const v = validatePackFiles([{ file: 'imported', data: { sources: r.sources, claims: r.claims } }], TODAY);
  expect(v.issues.map(formatIssue)).toEqual([]);
}

describe('importers on arbitrary input', () => {
  it('ClaimReview: never throws on any JSON value, and names every problem', () => {
    fc.assert(
      fc.property(json, (data) => {
        checkResult(importClaimReview(data, OPTS));
      }),
      RUNS,
    );
  });

  it('ClaimReview: every claim made from hostile ClaimReview fields passes pack validation', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          claimReview,
          fc.array(claimReview, { maxLength: 5 }),
          fc.record({ '@graph': fc.array(fc.oneof(claimReview, json), { maxLength: 5 }) }),
        ),
        (data) => {
          checkResult(importClaimReview(data, OPTS));
        },
      ),
      propertyRuns(400),
    );
  });

  it('ClaimReview: survives nesting far deeper than it reads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 3000 }), fc.boolean(), claimReview, (depth, arrays, leaf) => {
        let data: unknown = leaf;
        for (let i = 0; i < depth; i++) data = arrays ? [data] : { nested: data };
        checkResult(importClaimReview(data, OPTS));
      }),
      propertyRuns(30),
    );
  });

  it('Fact Check Tools: never throws on any JSON value or hostile response, and accepts only valid claims', () => {
    const review = fc.record(
      {
        publisher: anyOf(fc.oneof(text, fc.record({ name: anyOf(text), site: anyOf(text) }, { requiredKeys: [] }))),
        url: anyOf(url),
        title: anyOf(text),
        reviewDate: anyOf(date),
        textualRating: anyOf(rating),
        languageCode: anyOf(text),
      },
      { requiredKeys: [] },
    );
    const response = fc.record({
      claims: fc.array(
        fc.oneof(
          fc.record(
            {
              text: anyOf(text),
              claimant: anyOf(text),
              claimDate: anyOf(date),
              claimReview: anyOf(fc.array(anyOf(review), { maxLength: 3 })),
            },
            { requiredKeys: [] },
          ),
          json,
        ),
        { maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(fc.oneof(json, response), (data) => {
        checkResult(importFactCheckApi(data, OPTS));
      }),
      propertyRuns(300),
    );
  });

  it('JSON Lines: never throws on arbitrary text or lines of arbitrary JSON', () => {
    const row = fc.record(
      {
        claim: shallow(text),
        url: shallow(url),
        publisher: shallow(text),
        rating: shallow(rating),
        date: shallow(date),
      },
      { requiredKeys: [] },
    );
    const deepRow = fc
      .tuple(fc.constantFrom('claim', 'url', 'publisher', 'rating', 'date'), deepText)
      .map(
        ([k, d]) => `{"claim": "x", "url": "https://example.org/1", "publisher": "P", "rating": "False", "${k}": ${d}}`,
      );
    const lines = fc.array(
      fc.oneof(
        row.map((x) => JSON.stringify(x)),
        json.map((x) => JSON.stringify(x)),
        deepRow,
      ),
      {
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText(80),
          lines.map((l) => l.join('\n')),
        ),
        (input) => {
          checkResult(importJsonLines(input, { ...OPTS, file: 'in.jsonl' }));
        },
      ),
      RUNS,
    );
  });

  it('detects a format and imports any file text without throwing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('a.json', 'a.jsonld', 'a.csv', 'a.jsonl', 'a.ndjson', 'a.txt', 'A.JSON.GZ'),
        fc.oneof(
          hostileText(60),
          json.map((j) => JSON.stringify(j)),
          deepText,
          fc
            .record({ claimReviewed: shallow(text), url: shallow(url), datePublished: shallow(date) })
            .map((j) => JSON.stringify({ '@type': 'ClaimReview', ...j })),
        ),
        (name, input) => {
          const format = detectFormat(name, input);
          if (format === null || format === 'pack') return;
          checkResult(importText(format, input, { ...OPTS, file: name }));
        },
      ),
      RUNS,
    );
  });
});

/** RFC 4180 writer: quote every cell that needs it, double the quotes. */
// A writer quotes a cell that begins with U+FEFF too: unquoted at the start of a file, it reads as a byte-order mark
// (spreadsheet programs write one), which the parser drops.
const csvCell = (s: string) =>
  /[",\r\n]/.test(s) || s === '' || s.startsWith('\uFEFF') ? `"${s.replace(/"/g, '""')}"` : s;

describe('CSV on arbitrary input', () => {
  it('parseCsv and importCsv never throw on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText(80), fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', ' ', '\uFEFF') })),
        (input) => {
          const { rows } = parseCsv(input);
          let line = 0;
          for (const r of rows) {
            check(r.line > line, `rows out of order at line ${r.line}`);
            line = r.line;
          }
          checkResult(importCsv(input, { ...OPTS, file: 'in.csv' }));
        },
      ),
      RUNS,
    );
  });

  it('parseCsv reads back every cell an RFC 4180 writer wrote (quotes, commas, newlines, CRLF)', () => {
    const cell = fc.string({ unit: fc.oneof(fc.constantFrom('"', ',', '\n', '\r', ' ', 'é'), unit), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, eol) => {
          const csv = rows.map((r) => r.map(csvCell).join(',')).join(eol) + eol;
          const parsed = parseCsv(csv);
          expect(parsed.error).toBeUndefined();
          expect(parsed.rows.map((r) => r.cells)).toEqual(rows);
        },
      ),
      RUNS,
    );
  });

  it('importCsv accepts only claims that pass pack validation, whatever the cells hold', () => {
    const header = ['Claim', 'Claimant', 'Review URL', 'Publisher', 'Rating', 'Review date', 'Title'];
    const row = fc.tuple(text, text, url, text, rating, date, text);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const csv = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n');
        checkResult(importCsv(csv, { ...OPTS, file: 'in.csv' }));
      }),
      propertyRuns(300),
    );
  });
});
