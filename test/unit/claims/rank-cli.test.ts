import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRank } from '../../../src/cli/rank';

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'footnote-rank-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runRank(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const CLAIMS = [
  { id: 'c-ukraine', text: 'The US sent $90bn in weapons to Ukraine.', claimant: 'Someone', date: '2024-01-02' },
  { id: 'c-vaccines', text: 'Vaccines cause autism in children.', title: 'Vaccines and autism' },
  { id: 'c-jobs', text: 'Unemployment fell to 3.5 percent, the lowest in 50 years.' },
]
  .map((c) => JSON.stringify(c))
  .join('\n');
const QUERIES =
  'q1\tAmerica gave Ukraine 90 billion dollars of weapons\nq2\tthe unemployment rate is the lowest in fifty years at 3.5%\n';

describe('footnote rank', () => {
  it('prints one TREC run line per hit: qid Q0 claim_id rank score footnote', async () => {
    const dir = fixture({ 'claims.jsonl': `${CLAIMS}\n`, 'q.tsv': QUERIES });
    const { code, out, err } = await run([
      '--claims',
      join(dir, 'claims.jsonl'),
      '--queries',
      join(dir, 'q.tsv'),
      '--top',
      '2',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    for (const l of lines) expect(l).toMatch(/^\S+ Q0 \S+ [1-9]\d* (0|1)\.\d{6} footnote$/);
    const byQuery = (q: string) => lines.filter((l) => l.startsWith(`${q} `)).map((l) => l.split(' '));
    expect(byQuery('q1')[0]?.[2]).toBe('c-ukraine');
    expect(byQuery('q2')[0]?.[2]).toBe('c-jobs');
    for (const q of ['q1', 'q2']) {
      const rows = byQuery(q);
      expect(rows.length).toBeLessThanOrEqual(2);
      rows.forEach((r, i) => {
        expect(r[3]).toBe(String(i + 1));
      });
      for (let i = 1; i < rows.length; i++) expect(Number(rows[i]![4])).toBeLessThan(Number(rows[i - 1]![4]));
    }
  });

  it('accepts a leading "rank" word and the bm25 profile', async () => {
    const dir = fixture({ 'claims.jsonl': CLAIMS, 'q.tsv': QUERIES });
    const { code, out } = await run([
      'rank',
      '--claims',
      join(dir, 'claims.jsonl'),
      '--queries',
      join(dir, 'q.tsv'),
      '--profile',
      'bm25',
    ]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^q1 Q0 c-ukraine 1 /);
  });

  it('fails with exit code 2 and a one-line message when a file is missing', async () => {
    const dir = fixture({ 'q.tsv': QUERIES });
    const { code, out, err } = await run(['--claims', join(dir, 'nope.jsonl'), '--queries', join(dir, 'q.tsv')]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('nope.jsonl');
  });

  it.each([
    ['invalid JSON', `${CLAIMS}\n{not json}\n`, 'claims.jsonl:4'],
    ['a row without text', `${CLAIMS}\n{"id":"x"}\n`, 'claims.jsonl:4'],
    ['a duplicate id', `${CLAIMS}\n{"id":"c-jobs","text":"again"}\n`, 'claims.jsonl:4'],
    ['a non-string title', '{"id":"a","text":"t","title":5}\n', 'claims.jsonl:1'],
  ])('names file and line of a claims row with %s', async (_what, claims, where) => {
    const dir = fixture({ 'claims.jsonl': claims, 'q.tsv': QUERIES });
    const { code, err } = await run(['--claims', join(dir, 'claims.jsonl'), '--queries', join(dir, 'q.tsv')]);
    expect(code).toBe(2);
    expect(err).toContain(where);
  });

  it('names file and line of a query row without a tab', async () => {
    const dir = fixture({ 'claims.jsonl': CLAIMS, 'q.tsv': 'q1\tfine\nq2 no tab here\n' });
    const { code, err } = await run(['--claims', join(dir, 'claims.jsonl'), '--queries', join(dir, 'q.tsv')]);
    expect(code).toBe(2);
    expect(err).toContain('q.tsv:2');
  });

  it('rejects unknown arguments and a bad --top with exit code 2', async () => {
    expect((await run(['--claims', 'a', '--queries', 'b', '--frobnicate', '1'])).code).toBe(2);
    expect((await run(['--claims', 'a', '--queries', 'b', '--top', 'zero'])).code).toBe(2);
    expect((await run(['--claims', 'a'])).code).toBe(2);
  });
});
