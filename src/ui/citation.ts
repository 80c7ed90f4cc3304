/** Citations for fact-checkers: one record with its sources, as Markdown or plain text. Pure functions. */
import type { Source } from '../core/pack/schema.ts';
import type { CardData } from '../shared/messages.ts';
import { formatDate } from './format.ts';
import { lookOf } from './verdict.ts';

export type CitationFormat = 'markdown' | 'text';

const md = (label: string, url: string | undefined, f: CitationFormat) =>
  url && f === 'markdown' ? `[${escapeMd(label)}](${url})` : url ? `${label} <${url}>` : label;

function escapeMd(s: string): string {
  return s.replace(/([[\]\\])/g, '\\$1');
}

function sourceList(sources: Source[], f: CitationFormat): string {
  return sources.map((s) => `${md(s.publisher, s.url, f)}${s.date ? `, ${formatDate(s.date)}` : ''}`).join('; ');
}

export function citation(data: CardData, f: CitationFormat): string {
  const sources = Object.values(data.sources);
  if (data.kind === 'entity' && data.entity) {
    const e = data.entity;
    const role = (e.roles ?? []).find((r) => !r.end);
    const head = md(e.name, e.sameAs?.wikipedia, f);
    const asOf = role ? ` ${role.title} (since ${formatDate(role.start)}, as of ${formatDate(e.asOf)}).` : '';
    return `${head}: ${e.description}${asOf} Sources: ${sourceList(sources, f)}.`;
  }
  const c = data.claim;
  if (!c) return '';
  const who = [c.claimant?.name, c.date ? formatDate(c.date) : ''].filter(Boolean).join(', ');
  const reviews = c.reviews
    .map((r) => `${md(r.publisher, r.url, f)}: “${r.rating}” (${formatDate(r.date)})`)
    .join('; ');
  const verdict = lookOf(c.verdict).label;
  const lines = [
    `“${c.text}”${who ? ` — ${who}` : ''}`,
    `Verdict: ${verdict}.${reviews ? ` Fact-checks: ${reviews}.` : ''}`,
    `Context: ${c.context}`,
  ];
  if (sources.length) lines.push(`Sources: ${sourceList(sources, f)}.`);
  return lines.join(f === 'markdown' ? '  \n' : '\n');
}

/** The one link a reader most likely wants: the first fact-check, else the first source. */
export function primaryLink(data: CardData): string | undefined {
  return data.claim?.reviews[0]?.url ?? Object.values(data.sources)[0]?.url;
}
