/** Source links: publisher and date, https only, opened in a new tab without referrer. */
import type { Source } from '../core/pack/schema.ts';
import { formatDate, safeHref } from './format.ts';

export function SourceLink({ source }: { source: Source | undefined }) {
  if (!source) return null;
  const href = safeHref(source.url);
  return (
    <span class="src">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" title={source.title}>
          {source.publisher}
        </a>
      ) : (
        source.publisher
      )}
      {source.date ? <span class="muted">, {formatDate(source.date)}</span> : null}
    </span>
  );
}

export function Sources({ ids, sources }: { ids: readonly string[]; sources: Record<string, Source> }) {
  const list = ids.map((id) => sources[id]).filter(Boolean);
  if (list.length === 0) return null;
  return (
    <span class="sources">
      {' ('}
      {list.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? '; ' : ''}
          <SourceLink source={s} />
        </span>
      ))}
      {')'}
    </span>
  );
}
