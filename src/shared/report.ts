/**
 * The fact-checker's export: every annotation on a page with its record and sources, as JSON, CSV or Markdown.
 * Pure functions over plain data (the popup gathers the data from the tab and the background).
 */
import type { CardData } from './messages.ts';

export interface ReportRow {
  kind: 'entity' | 'claim';
  id: string;
  label: string;
  /** How often it occurs on the page, and the texts as written there. */
  count: number;
  texts: string[];
  verdict?: string;
  rating?: string;
  description?: string;
  sources: Array<{ publisher: string; url: string; date: string; title: string }>;
}

export interface Report {
  page: { url: string; title: string };
  generated: string;
  rows: ReportRow[];
}

export function reportRow(card: CardData, texts: string[]): ReportRow {
  const record = card.entity ?? card.claim;
  return {
    kind: card.kind,
    id: record?.id ?? '',
    label: card.entity?.name ?? card.claim?.text ?? '',
    count: texts.length,
    texts: [...new Set(texts)],
    verdict: card.claim?.verdict,
    rating: card.claim?.reviews[0]?.rating,
    description: card.entity?.description ?? card.claim?.context,
    sources: Object.values(card.sources).map(({ publisher, url, date, title }) => ({ publisher, url, date, title })),
  };
}

export function toJson(r: Report): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  // Quote always; neutralise spreadsheet formulas (a cell starting with = + - @ would be evaluated).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function toCsv(r: Report): string {
  const head = ['kind', 'id', 'label', 'count', 'texts', 'verdict', 'rating', 'description', 'sources'];
  const lines = r.rows.map((x) =>
    [
      x.kind,
      x.id,
      x.label,
      x.count,
      x.texts.join(' | '),
      x.verdict,
      x.rating,
      x.description,
      x.sources.map((s) => `${s.publisher} <${s.url}> (${s.date})`).join(' | '),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]|<>])/g, '\\$1');

export function toMarkdown(r: Report): string {
  const out = [
    `# Footnote report: ${mdEscape(r.page.title || r.page.url)}`,
    '',
    `Page: <${r.page.url}>  `,
    `Generated: ${r.generated}`,
    '',
  ];
  for (const kind of ['claim', 'entity'] as const) {
    const rows = r.rows.filter((x) => x.kind === kind);
    if (rows.length === 0) continue;
    out.push(kind === 'claim' ? '## Claims' : '## Names', '');
    for (const x of rows) {
      const verdict = x.verdict ? ` — **${x.verdict}**${x.rating ? ` (“${mdEscape(x.rating)}”)` : ''}` : '';
      out.push(`- **${mdEscape(x.label)}**${verdict} ×${x.count}`);
      if (x.description) out.push(`  ${mdEscape(x.description)}`);
      for (const s of x.sources) out.push(`  - [${mdEscape(s.publisher)}](${s.url}), ${s.date}: ${mdEscape(s.title)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
