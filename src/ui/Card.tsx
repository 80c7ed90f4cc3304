/**
 * The card shown in the popover (and reused by the side panel): an entity card or a claim card.
 * Purely presentational: data in, markup out; actions are callbacks.
 */
import type { Source } from '../core/pack/schema.ts';
import type { CardData } from '../shared/messages.ts';
import { formatDate, formatSpan, safeHref } from './format.ts';
import { lookOf } from './verdict.ts';

export interface CardProps {
  data: CardData;
  /** Matched text and score, for "why this matched". */
  match?: { text: string; score: number; via: string };
  onClose?: () => void;
}

function SourceLink({ source }: { source: Source | undefined }) {
  if (!source) return null;
  const href = safeHref(source.url);
  return (
    <span class="src">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {source.publisher}
        </a>
      ) : (
        source.publisher
      )}
      {source.date ? <span class="muted">, {formatDate(source.date)}</span> : null}
    </span>
  );
}

function Sources({ ids, sources }: { ids: readonly string[]; sources: Record<string, Source> }) {
  const list = ids.map((id) => sources[id]).filter(Boolean);
  if (list.length === 0) return null;
  return (
    <span class="sources">
      {' '}
      (
      {list.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? '; ' : ''}
          <SourceLink source={s} />
        </span>
      ))}
      )
    </span>
  );
}

export function Verdict({ verdict }: { verdict: string }) {
  const look = lookOf(verdict);
  return (
    <span class={`verdict tone-${look.tone}`}>
      <span aria-hidden="true" class="icon">
        {look.icon}
      </span>{' '}
      {look.label}
    </span>
  );
}

function EntityBody({ data }: { data: CardData }) {
  const e = data.entity;
  if (!e) return null;
  const current = (e.roles ?? []).filter((r) => !r.end);
  const past = (e.roles ?? []).filter((r) => r.end);
  const wiki = safeHref(e.sameAs?.wikipedia);
  return (
    <>
      <p class="kind">{e.type}</p>
      <h2 id="footnote-card-title">{e.name}</h2>
      <p class="desc">
        {e.description}
        <Sources ids={e.sources} sources={data.sources} />
      </p>
      {current.length > 0 && (
        <section>
          <h3>Role as of {formatDate(e.asOf)}</h3>
          <ul>
            {current.map((r) => (
              <li key={r.title + r.start}>
                {r.title} <span class="muted">({formatSpan(r.start, r.end)})</span>
                <Sources ids={r.sources} sources={data.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {past.length > 0 && (
        <section>
          <h3>Earlier roles</h3>
          <ul>
            {past.map((r) => (
              <li key={r.title + r.start}>
                {r.title} <span class="muted">({formatSpan(r.start, r.end)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(e.facts ?? []).length > 0 && (
        <section>
          <h3>Key facts</h3>
          <ul>
            {(e.facts ?? []).map((f) => (
              <li key={f.text}>
                <span class="muted">{formatDate(f.date)}:</span> {f.text}
                <Sources ids={f.sources} sources={data.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.claims.length > 0 && (
        <section>
          <h3>Claims by or about {e.name}</h3>
          <ul>
            {data.claims.slice(0, 5).map((c) => (
              <li key={c.id}>
                <Verdict verdict={c.verdict} /> {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.related.length > 0 && (
        <p class="related">
          <span class="muted">Related: </span>
          {data.related.map((r) => r.name).join(' · ')}
        </p>
      )}
      {(wiki || e.sameAs?.wikidata) && (
        <p class="links">
          {wiki && (
            <a href={wiki} target="_blank" rel="noopener noreferrer">
              Wikipedia
            </a>
          )}
          {e.sameAs?.wikidata && (
            <a href={`https://www.wikidata.org/wiki/${e.sameAs.wikidata}`} target="_blank" rel="noopener noreferrer">
              Wikidata {e.sameAs.wikidata}
            </a>
          )}
        </p>
      )}
    </>
  );
}

function ClaimBody({ data }: { data: CardData }) {
  const c = data.claim;
  if (!c) return null;
  return (
    <>
      <p class="kind">claim</p>
      <h2 id="footnote-card-title">
        <Verdict verdict={c.verdict} />
      </h2>
      <blockquote>{c.text}</blockquote>
      <p class="muted">
        {c.claimant ? c.claimant.name : 'Unattributed'}
        {c.date ? `, ${formatDate(c.date)}` : ''}
      </p>
      {c.reviews.length > 0 && (
        <section>
          <h3>Fact-checks</h3>
          <ul>
            {c.reviews.map((r) => (
              <li key={r.url}>
                <a href={safeHref(r.url)} target="_blank" rel="noopener noreferrer">
                  {r.publisher}
                </a>
                : “{r.rating}” <span class="muted">({formatDate(r.date)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>Context</h3>
        <p>
          {c.context}
          <Sources ids={c.sources} sources={data.sources} />
        </p>
      </section>
      {data.related.length > 0 && (
        <p class="related">
          <span class="muted">About: </span>
          {data.related.map((r) => r.name).join(' · ')}
        </p>
      )}
    </>
  );
}

export function Card({ data, match, onClose }: CardProps) {
  return (
    <div class="card">
      {onClose && (
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      )}
      {data.kind === 'entity' ? <EntityBody data={data} /> : <ClaimBody data={data} />}
      {match && (
        <p class="why muted">
          Matched “{match.text}” ({match.via}, score {match.score.toFixed(2)})
        </p>
      )}
    </div>
  );
}
