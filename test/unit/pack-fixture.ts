/**
 * A small valid pack file that uses every field of the schema (one source; one entity with aliases, roles, facts
 * and sameAs; one reviewed claim), for tests that break it one field at a time.
 */
export function fullPackFile(): Record<string, unknown> {
  return {
    sources: [{ id: 'src-a', url: 'https://example.org/a', publisher: 'Example', title: 'A', date: '2025-08-18' }],
    entities: [
      {
        id: 'kyiv',
        type: 'place',
        name: 'Kyiv',
        aliases: [{ text: 'Kiev', lang: 'en', ambiguous: false, caseSensitive: true }],
        description: 'Capital of Ukraine.',
        asOf: '2025-08-18',
        roles: [{ title: 'Capital', of: 'kyiv', start: '1991', end: null, sources: ['src-a'] }],
        facts: [{ text: 'A fact.', date: '2025', sources: ['src-a'] }],
        sameAs: { wikidata: 'Q1899', wikipedia: 'https://en.wikipedia.org/wiki/Kyiv' },
        related: ['kyiv'],
        sources: ['src-a'],
      },
    ],
    claims: [
      {
        id: 'claim-a',
        text: 'A claim.',
        claimant: { id: 'kyiv', name: 'Kyiv' },
        date: '2025-08-01',
        appearances: [{ url: 'https://example.org/b', publisher: 'B', date: '2025-08-01', where: 'TV' }],
        reviews: [
          {
            publisher: 'Example',
            url: 'https://example.org/fc',
            date: '2025-08-02',
            rating: 'False',
            verdict: 'false',
            title: 'T',
          },
        ],
        verdict: 'false',
        context: 'Context.',
        sources: ['src-a'],
        entities: ['kyiv'],
        related: ['claim-a'],
        hints: { phrases: ['a claim'], numbers: ['1'] },
        title: 'A title',
      },
    ],
  };
}
