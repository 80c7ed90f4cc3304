/** The CLI as a user runs it: `npm run -s footnote -- …` is `tsx src/cli/main.ts …`. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_PEOPLE } from './seed-story.ts';

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'pages', 'seed-article.html');
const SAMPLE = join(import.meta.dirname, '..', 'pages', 'alaska-summit.html');

function footnote(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Out {
  annotations: Array<{
    kind: string;
    id: string;
    label: string;
    text: string;
    start: number;
    end: number;
    score: number;
  }>;
}

describe('footnote annotate', () => {
  it.skipIf(!existsSync(SEED))('lists all 13 people of the seed article, as JSON only', () => {
    const r = footnote('annotate', SEED, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    const people = new Set(out.annotations.filter((a) => a.kind === 'entity').map((a) => a.id));
    for (const id of SEED_PEOPLE) expect(people, id).toContain(id);
  });

  it.skipIf(!existsSync(SEED))('finds every checkable claim of the seed article (C1–C8) on its sentence', () => {
    const out = JSON.parse(footnote('annotate', SEED, '--json').stdout) as Out;
    const claims = new Map(out.annotations.filter((a) => a.kind === 'claim').map((a) => [a.id, a.text]));
    const expected: Array<[string, RegExp]> = [
      ['claim-ukraine-90bn-us-weapons', /\$90 billion in US weapons/],
      ['claim-trump-rules-out-nato-membership', /NATO membership is off the table/],
      ['claim-no-us-ground-troops-air-support', /ruled out deploying US troops/],
      ['claim-witkoff-article-5-like-guarantees', /Article 5-like/],
      ['claim-budapest-memorandum-russia-pledged-sovereignty', /Budapest Memorandum, where Russia pledged/],
      ['claim-guarantees-formalised-within-10-days', /within the next week to 10 days/],
      ['claim-trump-met-putin-in-alaska', /meeting with Russian President Vladimir Putin in Alaska/],
      ['claim-bilateral-then-trilateral-meeting-planned', /bilateral meeting between Putin and Zelenskyy/],
    ];
    for (const [id, sentence] of expected) {
      expect(claims.get(id), id).toMatch(sentence);
    }
  });

  it('gives offsets into the visible text, each with the exact matched text, label and score', () => {
    const r = footnote('annotate', SAMPLE, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.annotations.length).toBeGreaterThan(10);
    const macron = out.annotations.find((a) => a.id === 'emmanuel-macron');
    expect(macron).toMatchObject({ kind: 'entity', label: 'Emmanuel Macron', text: 'Emmanuel Macron' });
    for (const a of out.annotations) {
      expect(a.end).toBeGreaterThan(a.start);
      expect(a.score).toBeGreaterThan(0);
      expect(a.score).toBeLessThanOrEqual(1);
      expect(Object.keys(a).sort()).toEqual(['end', 'id', 'kind', 'label', 'score', 'start', 'text']);
    }
    const texts = out.annotations.map((a) => a.text).join('|');
    expect(texts).not.toMatch(/trump card|Alaska Airlines/i);
  });

  it('prints a readable table without --json', () => {
    const r = footnote('annotate', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kind\s+id\s+label\s+text\s+span\s+score/m);
    expect(r.stdout).toMatch(/Emmanuel Macron/);
    expect(r.stdout).toMatch(/\d+ annotations: \d+ entities/);
  });

  it('fails with one line and exit code 2 for a missing file', () => {
    const r = footnote('annotate', 'no/such/page.html', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['footnote: cannot read no/such/page.html: no such file']);
  });

  it('fails with exit code 2 for a directory and for an unknown option', () => {
    expect(footnote('annotate', 'test', '--json').code).toBe(2);
    const r = footnote('annotate', SAMPLE, '--jsn');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --jsn');
  });
});

describe('footnote stats and pack', () => {
  it('prints the pack counts as JSON', () => {
    const r = footnote('stats');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.entities).toBeGreaterThanOrEqual(13);
    expect(s.aliases).toBeGreaterThan(s.entities);
    expect(Object.values(s.byType as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(s.entities);
  });

  it('rejects an invalid pack file naming file, record and field, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'footnote-pack-'));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        entities: [{ id: 'x', type: 'person', name: 'X', description: 'd', asOf: '2025', sources: ['src-missing'] }],
      }),
    );
    const r = footnote('pack', 'check', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json: x: sources[0]: unknown source "src-missing"');
  });

  it('builds a compiled pack that annotate can use with --pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'footnote-pack-'));
    const out = join(dir, 'pack.json');
    const b = footnote('pack', 'build', 'src/data/pack', '--out', out);
    expect(b.code, b.stderr).toBe(0);
    const r = footnote('annotate', SAMPLE, '--json', '--pack', out);
    expect(JSON.parse(r.stdout).annotations.length).toBeGreaterThan(10);
  });
});
