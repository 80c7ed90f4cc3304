import { describe, expect, it } from 'vitest';
import { checkDate, checkUrl, formatIssue, validatePackFiles } from '../../src/core/pack/validate.ts';

const TODAY = '2026-11-30';
const source = { id: 'src-a', url: 'https://example.org/a', publisher: 'Example', title: 'A page', date: '2025-08-18' };
const entity = (over: Record<string, unknown> = {}) => ({
  id: 'emmanuel-macron',
  type: 'person',
  name: 'Emmanuel Macron',
  description: 'President of France.',
  asOf: '2025-08-18',
  sources: ['src-a'],
  ...over,
});
const claim = (over: Record<string, unknown> = {}) => ({
  id: 'claim-x',
  text: 'Something was said.',
  reviews: [],
  verdict: 'needs-context',
  context: 'Some context.',
  sources: ['src-a'],
  ...over,
});
const check = (files: Array<{ file: string; data: unknown }>) =>
  validatePackFiles(files, TODAY).issues.map(formatIssue);

describe('pack validation', () => {
  it('accepts a well-formed pack', () => {
    expect(check([{ file: 'a.json', data: { sources: [source], entities: [entity()], claims: [claim()] } }])).toEqual(
      [],
    );
  });

  it.each<[string, unknown, string]>([
    ['duplicate ids across files', null, 'b.json: emmanuel-macron: id: duplicate id (also defined in a.json)'],
    ['a dangling reference', { related: ['nobody'] }, 'a.json: emmanuel-macron: related[0]: unknown entity "nobody"'],
    ['a record without a source', { sources: [] }, 'a.json: emmanuel-macron: sources: needs at least 1 item(s)'],
    ['an impossible date', { asOf: '2025-02-30' }, 'a.json: emmanuel-macron: asOf: "2025-02-30" has an impossible day'],
    [
      'a malformed date',
      { asOf: '18/08/2025' },
      'a.json: emmanuel-macron: asOf: "18/08/2025" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
    [
      'a future date',
      { asOf: '2031-01-01' },
      'a.json: emmanuel-macron: asOf: "2031-01-01" is in the future (after 2026-11-30)',
    ],
    [
      'an unknown type',
      { type: 'robot' },
      'a.json: emmanuel-macron: type: must be one of person, organisation, place, agreement, event, concept',
    ],
    ['a misspelt field', { souces: ['src-a'] }, 'a.json: emmanuel-macron: souces: unknown field'],
    [
      'a role ending before it starts',
      { roles: [{ title: 'X', start: '2020', end: '2019', sources: ['src-a'] }] },
      'a.json: emmanuel-macron: roles[0].end: ends (2019) before it starts (2020)',
    ],
    ['a bad QID', { sameAs: { wikidata: 'X1' } }, 'a.json: emmanuel-macron: sameAs.wikidata: must be a QID like "Q42"'],
  ])('reports %s with file, record and field', (_, over, message) => {
    const files =
      over === null
        ? [
            { file: 'a.json', data: { sources: [source], entities: [entity()] } },
            { file: 'b.json', data: { entities: [entity()] } },
          ]
        : [{ file: 'a.json', data: { sources: [source], entities: [entity(over as Record<string, unknown>)] } }];
    expect(check(files)).toContain(message);
  });

  it('refuses non-https and script URLs in sources and reviews', () => {
    const bad = { ...source, url: 'javascript:alert(1)' };
    const issues = check([
      {
        file: 'a.json',
        data: {
          sources: [bad],
          claims: [
            claim({
              reviews: [{ publisher: 'P', url: 'http://x.org', date: '2025', rating: 'False', verdict: 'false' }],
            }),
          ],
        },
      },
    ]);
    expect(issues).toContain('a.json: src-a: url: "javascript:alert(1)" must use https');
    expect(issues).toContain('a.json: claim-x: reviews[0].url: "http://x.org" must use https');
  });

  it('requires the ambiguity flag when two entities share a spelling', () => {
    const a = entity({ id: 'georgia-country', name: 'Georgia' });
    const b = entity({ id: 'georgia-us-state', name: 'Georgia (US state)', aliases: [{ text: 'Georgia' }] });
    const issues = check([{ file: 'a.json', data: { sources: [source], entities: [a, b] } }]);
    expect(issues.some((i) => i.includes('georgia-country: aliases: "georgia" also names georgia-us-state'))).toBe(
      true,
    );
    const flagged = [
      entity({ id: 'georgia-country', name: 'Georgia', aliases: [{ text: 'Georgia', ambiguous: true }] }),
      entity({ id: 'georgia-us-state', name: 'Georgia (US state)', aliases: [{ text: 'Georgia', ambiguous: true }] }),
    ];
    expect(check([{ file: 'a.json', data: { sources: [source], entities: flagged } }])).toEqual([]);
  });

  it('reports wrong types instead of throwing', () => {
    const issues = check([{ file: 'a.json', data: { entities: [42, { id: 7 }], claims: 'no' } }]);
    expect(issues).toContain('a.json: entities[0]: (record): must be an object');
    expect(issues).toContain('a.json: entities[1]: id: must match /^[a-z0-9]+(?:-[a-z0-9]+)*$/');
    expect(issues).toContain('a.json: (file): claims: must be a list');
    expect(check([{ file: 'a.json', data: [] }])).toEqual([
      'a.json: (file): (root): must be a JSON object with "sources", "entities" and/or "claims" lists',
    ]);
  });

  it.each([
    ['2024-02-29', null],
    ['2023-02-29', 'impossible day'],
    ['2025-13', 'impossible month'],
    ['2026-11', null],
  ])('checks the calendar: %s', (d, err) => {
    const r = checkDate(d, TODAY);
    if (err) expect(r).toContain(err);
    else expect(r).toBeNull();
  });

  it('accepts only https URLs with a host', () => {
    expect(checkUrl('https://www.nato.int/cps/en/natohq/official_texts_17120.htm')).toBeNull();
    expect(checkUrl('data:text/html,hi')).toContain('must use https');
    expect(checkUrl('https://localhost/x')).toContain('no proper host');
    expect(checkUrl('not a url')).toContain('not a valid URL');
  });
});
