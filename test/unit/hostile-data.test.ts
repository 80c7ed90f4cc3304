/**
 * Hostile pack and import data: script URLs, HTML, megabyte strings, JSON nested 10k levels deep, 100k copies of
 * one alias, wrong types everywhere. Each is refused with a message naming file, record and field, or accepted as
 * plain text (HTML in a description is only text: the UI renders strings inertly); nothing throws, nothing hangs,
 * and a failing `pack build` leaves an existing --out file as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runPack } from '../../src/cli/pack.ts';
import { Engine } from '../../src/core/engine.ts';
import { importClaimReview, importJsonLines } from '../../src/core/importers/index.ts';
import { makePack } from '../../src/core/pack/compile.ts';
import { formatIssue, validatePackFiles } from '../../src/core/pack/validate.ts';
import { buildPack, PackError, readPackFiles } from '../../src/node/pack-io.ts';
import { fullPackFile } from './pack-fixture.ts';

const TODAY = new Date().toISOString().slice(0, 10);
const MB = 'x'.repeat(1 << 20);
const DEPTH = 10_000;
const deepList = (): unknown => {
  let v: unknown = [];
  for (let i = 0; i < DEPTH; i++) v = [v];
  return v;
};
const DEEP_TEXT = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;

type Path = Array<string | number>;

/** The full example file with the value at `path` replaced. */
function withValue(path: Path, value: unknown): Record<string, unknown> {
  const data = fullPackFile();
  let at = data as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]] = value;
  return data;
}

const issuesOf = (data: unknown, file = 'hostile.json') =>
  validatePackFiles([{ file, data }], TODAY).issues.map(formatIssue);

const tmp = () => mkdtempSync(join(tmpdir(), 'footnote-hostile-'));

// Where each URL of the schema lives: [path, record, field as reported].
const URL_FIELDS: Array<[Path, string, string]> = [
  [['sources', 0, 'url'], 'src-a', 'url'],
  [['entities', 0, 'sameAs', 'wikipedia'], 'kyiv', 'sameAs.wikipedia'],
  [['claims', 0, 'appearances', 0, 'url'], 'claim-a', 'appearances[0].url'],
  [['claims', 0, 'reviews', 0, 'url'], 'claim-a', 'reviews[0].url'],
];
const BAD_URLS: Array<[string, string]> = [
  ['javascript:alert(1)', 'must use https'],
  ['JavaScript:alert(document.cookie)', 'must use https'],
  ['  javascript:alert(1)', 'must use https'],
  ['data:text/html,<script>alert(1)</script>', 'must use https'],
  ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'must use https'],
  ['vbscript:msgbox(1)', 'must use https'],
  ['file:///etc/passwd', 'must use https'],
  ['http://example.org/', 'must use https'],
  ['//example.org/relative', 'is not a valid URL'],
  ['https://localhost/', 'has no proper host name'],
  [`https://example.org/${MB}`, 'URL longer than 2000 characters'],
];

describe('hostile pack files: URLs', () => {
  it.each(
    URL_FIELDS.flatMap(([path, record, field]) =>
      BAD_URLS.map(([url, why]) => [field, url.slice(0, 60), path, record, why, url] as const),
    ),
  )('refuses %s = %j naming file, record and field', (field, _shown, path, record, why, url) => {
    const issues = issuesOf(withValue(path, url));
    expect(issues).toHaveLength(1);
    expect(issues[0].startsWith(`hostile.json: ${record}: ${field}: `)).toBe(true);
    expect(issues[0]).toContain(why);
    expect(issues[0].length).toBeLessThan(300);
  });
});

const HTML = '<script>alert(1)</script><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a> &amp;';

// Every free-text field of the schema. A pack is data, never markup: HTML there is text like any other.
const TEXT_FIELDS: Path[] = [
  ['sources', 0, 'publisher'],
  ['sources', 0, 'title'],
  ['entities', 0, 'name'],
  ['entities', 0, 'aliases', 0, 'text'],
  ['entities', 0, 'description'],
  ['entities', 0, 'roles', 0, 'title'],
  ['entities', 0, 'facts', 0, 'text'],
  ['claims', 0, 'text'],
  ['claims', 0, 'title'],
  ['claims', 0, 'claimant', 'name'],
  ['claims', 0, 'appearances', 0, 'publisher'],
  ['claims', 0, 'appearances', 0, 'where'],
  ['claims', 0, 'reviews', 0, 'publisher'],
  ['claims', 0, 'reviews', 0, 'rating'],
  ['claims', 0, 'reviews', 0, 'title'],
  ['claims', 0, 'context'],
  ['claims', 0, 'hints', 'phrases', 0],
  ['claims', 0, 'hints', 'numbers', 0],
];

describe('hostile pack files: HTML and script', () => {
  it('accepts HTML in every text field as plain text and builds it byte for byte, unescaped and unstripped', () => {
    const data = fullPackFile();
    for (const path of TEXT_FIELDS) {
      let at = data as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
      at[path[path.length - 1]] = `${HTML} ${path.join('.')}`;
    }
    expect(issuesOf(data)).toEqual([]);
    const dir = tmp();
    writeFileSync(join(dir, 'html.json'), JSON.stringify(data));
    const pack = buildPack([dir]);
    const built = { sources: pack.sources, entities: pack.entities, claims: pack.claims };
    for (const path of TEXT_FIELDS) {
      const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], built);
      expect(value, path.join('.')).toBe(`${HTML} ${path.join('.')}`);
    }
    // The engine hands the strings on as they are; the card renders them as text (tested in the browser tier).
    const card = new Engine(pack).entityCard('kyiv');
    expect(card?.entity.description).toBe(`${HTML} entities.0.description`);
  });

  it.each<[string, Path, string]>([
    ['an entity id', ['entities', 0, 'id'], 'must match'],
    ['a claim id', ['claims', 0, 'id'], 'must match'],
    ['a source id', ['sources', 0, 'id'], 'must match'],
    ['an entity type', ['entities', 0, 'type'], 'must be one of person'],
    ['a date', ['entities', 0, 'asOf'], 'is not an ISO date'],
    ['a language', ['entities', 0, 'aliases', 0, 'lang'], 'must be a BCP-47 language tag'],
    ['a verdict', ['claims', 0, 'verdict'], 'must be one of accurate'],
    ['a Wikidata id', ['entities', 0, 'sameAs', 'wikidata'], 'must be a QID'],
    ['a reference', ['claims', 0, 'entities', 0], 'unknown entity'],
  ])('refuses HTML in %s', (_, path, why) => {
    const issues = issuesOf(withValue(path, HTML));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => i.includes(why))).toBe(true);
    for (const i of issues) expect(i).toMatch(/^hostile\.json: [^:]+: [^:]+: /);
  });
});

describe('hostile pack files: megabyte strings', () => {
  it.each<[string, Path, string, string]>([
    ['a description', ['entities', 0, 'description'], 'kyiv: description', 'longer than 4000 characters (1048576)'],
    ['a name', ['entities', 0, 'name'], 'kyiv: name', 'longer than 300 characters'],
    ['an alias', ['entities', 0, 'aliases', 0, 'text'], 'kyiv: aliases[0].text', 'longer than 300 characters'],
    ['a claim', ['claims', 0, 'text'], 'claim-a: text', 'longer than 4000 characters'],
    ['a rating', ['claims', 0, 'reviews', 0, 'rating'], 'claim-a: reviews[0].rating', 'longer than 300'],
    ['a date', ['sources', 0, 'date'], 'src-a: date', 'is not an ISO date'],
    ['an id', ['entities', 0, 'id'], 'entities[0]: id', `"${'x'.repeat(77)}..." longer than 200 characters`],
    ['a claim id', ['claims', 0, 'id'], 'claims[0]: id', `"${'x'.repeat(77)}..." longer than 200 characters`],
    ['a reference', ['entities', 0, 'related', 0], 'kyiv: related[0]', 'unknown entity "xxx'],
  ])('refuses a 1 MB string in %s with a short message', (_, path, where, why) => {
    const issues = issuesOf(withValue(path, MB));
    expect(issues.find((i) => i.includes(`: ${where}: `))).toContain(why);
    for (const i of issues) expect(i.length).toBeLessThan(300);
  });

  it('rejects imported records with megabyte fields one by one, with short messages', () => {
    const review = {
      '@type': 'ClaimReview',
      url: 'https://example.org/fc/1',
      claimReviewed: 'A claim.',
      author: { name: 'Example' },
      datePublished: '2024-01-02',
      reviewRating: { alternateName: 'False' },
    };
    const r = importClaimReview(
      [
        { ...review, claimReviewed: MB },
        { ...review, url: `https://example.org/${MB}` },
        { ...review, author: { name: MB } },
        { ...review, reviewRating: { alternateName: `False ${MB}` } },
        { ...review, datePublished: MB },
        { ...review, headline: MB, url: 'https://example.org/fc/2' },
      ],
      { file: 'big.json', today: TODAY },
    );
    expect(r.issues.map((i) => `${i.record}: ${i.field}`)).toEqual([
      '[0]: claimReviewed',
      '[1]: url',
      '[2]: source.publisher',
      '[2]: reviews[0].publisher',
      '[2]: context',
      '[3]: reviews[0].rating',
      '[3]: context',
      '[4]: reviewDate',
      '[4]: reviewDate',
    ]);
    for (const i of r.issues) expect(formatIssue(i).length).toBeLessThan(300);
    // A megabyte headline is cut to the schema's limit rather than losing the claim.
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0].title?.length).toBe(4000);
  });
});

describe('hostile pack files: wrong types everywhere', () => {
  // Every value of the example file, each replaced by a value of the wrong type.
  const wrong = (v: unknown): unknown[] =>
    typeof v === 'string'
      ? [42, true, null, ['x'], { x: 1 }]
      : typeof v === 'boolean'
        ? ['yes', 1, []]
        : Array.isArray(v)
          ? ['x', 42, { 0: 'x' }, null]
          : v === null
            ? [42, [], {}]
            : ['x', 42, [], null];
  const paths: Path[] = [];
  const walk = (v: unknown, at: Path) => {
    if (at.length >= 2) paths.push(at);
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, [...at, i]);
      });
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(fullPackFile(), []);

  it.each(paths.map((p) => [p.join('.'), p] as const))('refuses a wrong type at %s, naming it', (_, path) => {
    const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], fullPackFile());
    for (const value of wrong(original)) {
      // `end: null` means "still held": a date or null are both right there.
      if (path.at(-1) === 'end' && value === null) continue;
      const issues = issuesOf(withValue(path, value));
      expect(issues.length, `${path.join('.')} = ${JSON.stringify(value)}`).toBeGreaterThan(0);
      for (const i of issues) expect(i).toMatch(/^hostile\.json: [^:]+: [^:]+: .+/);
    }
  });
});

describe('hostile pack files: 100k copies of one alias', () => {
  it('refuses 100k aliases on one entity at the list limit', () => {
    const aliases = Array.from({ length: 100_000 }, () => ({ text: 'Kyiv' }));
    expect(issuesOf(withValue(['entities', 0, 'aliases'], aliases))).toEqual([
      'hostile.json: kyiv: aliases: has 100000 items (at most 200)',
    ]);
  });

  it('names a few of the other entities, not all, when thousands share one unmarked spelling', () => {
    const n = 5000;
    const data = fullPackFile();
    data.entities = Array.from({ length: n }, (_, i) => ({
      id: `e${i}`,
      type: 'place',
      name: 'Kyiv',
      description: 'A place.',
      asOf: '2025',
      sources: ['src-a'],
    }));
    data.claims = [];
    const issues = issuesOf(data);
    expect(issues).toHaveLength(n);
    expect(issues[0]).toBe(
      'hostile.json: e0: aliases: "kyiv" also names e1, e2, e3, e4, e5 and 4994 more: mark it ambiguous (or remove it)',
    );
    // Listing every other entity in every message was n² characters: 170 MB at 5k, out of memory at 100k.
    expect(issues.reduce((sum, i) => sum + i.length, 0)).toBeLessThan(n * 200);
  });

  it('matches a spelling shared by the aliases of 20k entities in linear time', () => {
    const entities = Array.from({ length: 20_000 }, (_, i) => ({
      id: `e${i}`,
      type: 'place' as const,
      name: 'Kyiv',
      aliases: [{ text: 'Kyiv', ambiguous: true }],
      description: 'A place.',
      asOf: '2025',
      sources: [],
    }));
    const engine = new Engine({
      meta: { name: 't', version: '0', built: '' },
      sources: [],
      entities,
      claims: [],
    });
    // Quadratic before (a list searched per alias while building, per entity while resolving): minutes.
    expect(engine.annotateText('In Kyiv, Kyiv and Kyiv.')).toEqual([]);
  });
});

describe('hostile pack files: record counts past the argument limit', () => {
  it('answers a file of 200k bad records with 200k issues, not a stack overflow', () => {
    const r = validatePackFiles([{ file: 'many.json', data: { claims: new Array(200_000).fill(1) } }], TODAY);
    expect(r.issues).toHaveLength(200_000);
    expect(formatIssue(r.issues[199_999])).toBe('many.json: claims[199999]: (record): must be an object');
  });

  it('compiles 200k records from one file (a large import) without overflowing the stack', () => {
    const sources = Array.from({ length: 200_000 }, (_, i) => ({ id: `src-${i}` }) as never);
    const pack = makePack([{ sources }], { name: 't', version: '0', built: '' });
    expect(pack.sources).toHaveLength(200_000);
  });
});

describe('hostile JSON nested 10k levels deep', () => {
  it.each<[string, string, string]>([
    ['a list as the file', DEEP_TEXT, 'deep.json: (file): (root): must be a JSON object'],
    ['a list as the records', `{"sources": ${DEEP_TEXT}}`, 'deep.json: sources[0]: (record): must be an object'],
    [
      'an object as a field',
      `{"sources": [{"id": "src-a", "url": "https://example.org/a", "publisher": "P", "title": "T", "date": "2025", "nested": ${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}]}`,
      'deep.json: src-a: nested: unknown field',
    ],
  ])('reads and refuses %s, naming it', (_, text, expected) => {
    const dir = tmp();
    writeFileSync(join(dir, 'deep.json'), text);
    const { files, issues } = readPackFiles([dir]);
    expect(issues).toEqual([]);
    const found = validatePackFiles(files, TODAY).issues.map(formatIssue);
    expect(found[0].startsWith(expected)).toBe(true);
    expect(() => buildPack([dir])).toThrow(PackError);
  });

  it.each<[string, Record<string, unknown>]>([
    ['datePublished', { datePublished: deepList() }],
    ['reviewRating.ratingValue', { reviewRating: { ratingValue: deepList() } }],
    ['reviewRating.bestRating', { reviewRating: { ratingValue: 1, bestRating: deepList() } }],
    ['claimReviewed', { claimReviewed: deepList() }],
    ['url', { url: deepList() }],
    ['author', { author: deepList() }],
    ['headline', { headline: deepList() }],
    ['itemReviewed', { itemReviewed: { author: deepList(), datePublished: deepList(), appearance: deepList() } }],
  ])('imports a ClaimReview with %s nested 10k deep without throwing', (_, over) => {
    const review = {
      '@type': 'ClaimReview',
      url: 'https://example.org/fc/1',
      claimReviewed: 'A claim.',
      author: { name: 'Example' },
      datePublished: '2024-01-02',
      reviewRating: { alternateName: 'False' },
      ...over,
    };
    const r = importClaimReview(review, { file: 'deep.jsonld', today: TODAY });
    expect(r.total).toBe(1);
    expect(r.claims.length + r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) expect(formatIssue(i)).toMatch(/^deep\.jsonld: #1: [^:]+: .+/);
  });

  it('imports a JSON Lines record whose date is nested 10k deep without throwing', () => {
    const line = `{"claim": "x", "url": "https://example.org/1", "publisher": "P", "rating": "False", "date": ${DEEP_TEXT}}`;
    const r = importJsonLines(line, { file: 'deep.jsonl', today: TODAY });
    expect(r.issues.map(formatIssue)).toContain('deep.jsonl: line 1: reviewDate: a list is not a date');
  });

  it('refuses a ClaimReview document nested 10k deep when building, with the reason', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'deep.jsonld'), `${'{"a":'.repeat(DEPTH)}{"@type": "ClaimReview"}${'}'.repeat(DEPTH)}`);
    expect(() => buildPack([dir])).toThrow(/deep\.jsonld: .*: nested deeper than 32 levels/);
  });
});

describe('footnote pack format and build on hostile files', () => {
  let stderr: string[];
  beforeEach(() => {
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      stderr.push(String(s));
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each<[string, string]>([
    ['nesting too deep to serialise', `{"sources": [{"id": "src-a", "x": ${DEEP_TEXT}}]}`],
    ['lists of lists instead of records', `{"sources": ${DEEP_TEXT}}`],
    ['a string where a list goes', '{"sources": "abc"}'],
    ['null', 'null'],
  ])('format refuses a file of %s and leaves it as it was', async (_, text) => {
    const file = join(tmp(), 'bad.json');
    writeFileSync(file, text);
    expect(await runPack(['format', file])).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(stderr.join('')).toMatch(/bad\.json: \(file\): \(format\): cannot format/);
  });

  const REVIEW = JSON.stringify({
    '@type': 'ClaimReview',
    url: 'https://example.org/fc/1',
    claimReviewed: 'A claim.',
    author: { name: 'Example' },
    datePublished: '2024-01-02',
    reviewRating: { alternateName: 'False' },
  });
  it.each<[string, string, string, string[]]>([
    ['JSON that does not parse', 'in.json', '{"claims": [', []],
    ['an import with no usable record', 'in.jsonld', '[{"@type": "ClaimReview", "url": "javascript:alert(1)"}]', []],
    [
      'a pack file with a javascript: URL',
      'in.json',
      JSON.stringify(withValue(['sources', 0, 'url'], 'javascript:1')),
      [],
    ],
    ['a document nested 10k deep', 'in.jsonld', DEEP_TEXT, []],
    ['an unknown file type', 'in.xml', '<claims/>', []],
    [
      'a rejected record under --strict',
      'in.jsonld',
      `[${REVIEW}, ${REVIEW.replace('2024-01-02', 'yesterday')}]`,
      ['--strict'],
    ],
  ])('build with %s fails and leaves the existing --out file as it was', async (_, name, text, flags) => {
    const dir = tmp();
    const input = join(dir, name);
    const out = join(dir, 'pack.json');
    writeFileSync(input, text);
    writeFileSync(out, 'EXISTING PACK');
    let code: number;
    try {
      code = await runPack(['build', input, '--out', out, ...flags]);
    } catch (e) {
      code = (e as { code?: number }).code ?? -1;
      stderr.push((e as Error).message);
    }
    expect(code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('EXISTING PACK');
    expect(stderr.join('')).not.toMatch(/RangeError|TypeError|\n\s+at /);
  });
});

describe('footnote pack check on a directory of hostile files', () => {
  it('exits 1 listing every problem as file: record: field: message', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-deep.json'), DEEP_TEXT);
    writeFileSync(join(dir, 'b-script.json'), JSON.stringify(withValue(['sources', 0, 'url'], 'javascript:alert(1)')));
    writeFileSync(join(dir, 'c-types.json'), JSON.stringify({ entities: [42, { id: 7 }], claims: 'no', '': 1 }));
    writeFileSync(join(dir, 'd-broken.json'), '{"sources": [');
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      stderr.push(String(s));
      return true;
    });
    try {
      expect(await runPack(['check', dir])).toBe(1);
    } finally {
      vi.restoreAllMocks();
    }
    const lines = stderr.join('').trim().split('\n');
    expect(lines.at(-1)).toMatch(/^invalid: \d+ problems/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[a-z]-[a-z]+\.json: [^:]+: [^:]+: .+/);
    expect(lines).toContain(
      'a-deep.json: (file): (root): must be a JSON object with "sources", "entities" and/or "claims" lists',
    );
    expect(lines).toContain('b-script.json: src-a: url: "javascript:alert(1)" must use https');
    expect(lines).toContain('c-types.json: (file): "": unknown field');
    expect(lines).toContain('c-types.json: entities[1]: id: must match /^[a-z0-9]+(?:-[a-z0-9]+)*$/');
    expect(lines.some((l) => l.startsWith('d-broken.json: (file): (json): '))).toBe(true);
  });
});
