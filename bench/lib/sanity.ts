/**
 * Is what the engine finds at scale real? The most frequent matched entities over the whole corpus, how matches
 * were made, and the names found on a few politics-heavy pages, for a reader to judge at a glance.
 */
import type { Engine } from '../../src/core/engine.ts';
import type { Corpus } from './corpus.ts';

// Politics-heavy pages named in the news-pages README, plus two from the other corpora.
const SPOT = [
  'news-pages/bbc-1',
  'news-pages/telegraph',
  'news-pages/wapo-2',
  'news-pages/nytimes-1',
  'news-pages-mercury/html/www.nytimes.com--recent.html',
];

interface Tally {
  label: string;
  type: string;
  count: number;
  pages: Set<string>;
  texts: Map<string, number>;
}

export function sanityReport(engine: Engine, corpus: Corpus, top = 20): string[] {
  const tally = new Map<string, Tally>();
  const via = new Map<string, number>();
  // How the indirect decisions went: "text→label" per way of matching, with counts.
  const indirect = new Map<string, Map<string, number>>();
  const spot = new Map<string, string[]>();
  let total = 0;
  for (const page of corpus.pages) {
    const seen = new Set<string>();
    const found: string[] = [];
    for (const list of engine.annotateBlocks(page.blocks, { lang: page.lang, skip: new Set(['claim']) })) {
      for (const a of list) {
        total++;
        via.set(a.via, (via.get(a.via) ?? 0) + 1);
        if (a.via !== 'exact' && a.via !== 'folded') {
          const m = indirect.get(a.via) ?? new Map<string, number>();
          const k = `${a.text}→${a.label}`;
          m.set(k, (m.get(k) ?? 0) + 1);
          indirect.set(a.via, m);
        }
        const e = engine.entity(a.id);
        const t = tally.get(a.id) ?? {
          label: a.label,
          type: e?.type ?? '?',
          count: 0,
          pages: new Set(),
          texts: new Map(),
        };
        t.count++;
        t.pages.add(page.id);
        t.texts.set(a.text, (t.texts.get(a.text) ?? 0) + 1);
        tally.set(a.id, t);
        const pair = `${a.text}→${a.label}`;
        if (!seen.has(pair)) {
          seen.add(pair);
          found.push(a.text === a.label ? a.label : pair);
        }
      }
    }
    if (SPOT.includes(page.id)) spot.set(page.id, found);
  }
  const lines = [
    `sanity: ${total} matches of ${tally.size} entities on ${corpus.pages.length} pages; by how: ${[...via]
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `sanity: the ${top} most frequent matched entities (matches, pages, spellings seen):`,
  ];
  const ranked = [...tally.values()].sort((a, b) => b.count - a.count).slice(0, top);
  ranked.forEach((t, i) => {
    const texts = [...t.texts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([s]) => `"${s}"`);
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${t.label} (${t.type}): ${t.count} on ${t.pages.size} pages; ${texts.join(', ')}`,
    );
  });
  for (const [how, m] of indirect) {
    const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 15);
    lines.push(`sanity: most frequent "${how}" matches: ${top.map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  }
  for (const [id, found] of spot) {
    lines.push(
      `spot-check ${id}: ${found.slice(0, 25).join('; ')}${found.length > 25 ? `; … (${found.length} distinct)` : ''}`,
    );
  }
  return lines;
}
