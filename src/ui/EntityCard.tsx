/** The entity card: who or what this is as of a date, with roles, facts, claims and cross-references. */
import { t } from '../shared/i18n.ts';
import type { CardData } from '../shared/messages.ts';
import { formatDate, formatSpan, safeHref } from './format.ts';
import { OnThisPage, type PageRef } from './OnThisPage.tsx';
import { Sources } from './Sources.tsx';
import { Verdict } from './Verdict.tsx';

const KIND_KEYS = {
  person: 'kindPerson',
  organisation: 'kindOrganisation',
  place: 'kindPlace',
  agreement: 'kindAgreement',
  event: 'kindEvent',
  concept: 'kindConcept',
} as const;

export function EntityCard({
  data,
  onPage,
  onJump,
}: {
  data: CardData;
  onPage?: PageRef[];
  onJump?: (id: string) => void;
}) {
  const e = data.entity;
  if (!e) return null;
  const current = (e.roles ?? []).filter((r) => !r.end);
  const past = (e.roles ?? []).filter((r) => r.end);
  const wiki = safeHref(e.sameAs?.wikipedia);
  return (
    <>
      <p class="kind">{t(KIND_KEYS[e.type])}</p>
      <h2 id="footnote-card-title">{e.name}</h2>
      <p class="desc">
        {e.description}
        <Sources ids={e.sources} sources={data.sources} />
      </p>
      {current.length > 0 && (
        <section>
          <h3>{t('rolesAsOf', formatDate(e.asOf))}</h3>
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
          <h3>{t('earlierRoles')}</h3>
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
          <h3>{t('keyFacts')}</h3>
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
          <h3>{t('claimsAbout', e.name)}</h3>
          <ul>
            {data.claims.slice(0, 5).map((c) => (
              <li key={c.id}>
                <Verdict verdict={c.verdict} /> {c.text}
              </li>
            ))}
          </ul>
          {data.claims.length > 5 && <p class="muted">{t('andMore', data.claims.length - 5)}</p>}
        </section>
      )}
      {data.related.length > 0 && (
        <p class="related">
          <span class="muted">{t('related')} </span>
          {data.related.map((r) => r.name).join(' · ')}
        </p>
      )}
      <OnThisPage refs={onPage} onJump={onJump} />
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
