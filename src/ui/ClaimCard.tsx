/** The claim card: the claim as reviewed, the verdict in words, fact-checks, context and why it matched. */
import type { Annotation } from '../core/engine.ts';
import { t } from '../shared/i18n.ts';
import type { CardData } from '../shared/messages.ts';
import { formatDate, safeHref } from './format.ts';
import { OnThisPage, type PageRef } from './OnThisPage.tsx';
import { Sources } from './Sources.tsx';
import { Verdict } from './Verdict.tsx';

export function ClaimCard({
  data,
  onPage,
  onJump,
}: {
  data: CardData;
  onPage?: PageRef[];
  onJump?: (id: string) => void;
}) {
  const c = data.claim;
  if (!c) return null;
  return (
    <>
      <p class="kind">{t('kindClaim')}</p>
      <h2 id="footnote-card-title">
        <Verdict verdict={c.verdict} rating={c.reviews[0]?.rating} />
      </h2>
      <blockquote>{c.text}</blockquote>
      <p class="muted">
        {c.claimant ? c.claimant.name : t('unattributed')}
        {c.date ? `, ${formatDate(c.date)}` : ''}
      </p>
      {c.reviews.length > 0 ? (
        <section>
          <h3>{t('factChecks')}</h3>
          <ul>
            {c.reviews.map((r) => (
              <li key={r.url}>
                <a href={safeHref(r.url)} target="_blank" rel="noopener noreferrer">
                  {r.publisher}
                </a>
                : <Verdict verdict={r.verdict} rating={r.rating} /> <span class="muted">({formatDate(r.date)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="muted">{t('noFactCheck')}</p>
      )}
      <section>
        <h3>{t('context')}</h3>
        <p>
          {c.context}
          <Sources ids={c.sources} sources={data.sources} />
        </p>
      </section>
      {data.claims.length > 0 && (
        <section>
          <h3>{t('relatedClaims')}</h3>
          <ul>
            {data.claims.map((r) => (
              <li key={r.id}>
                <Verdict verdict={r.verdict} /> {r.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.related.length > 0 && (
        <p class="related">
          <span class="muted">{t('about')} </span>
          {data.related.map((r) => r.name).join(' · ')}
        </p>
      )}
      <OnThisPage refs={onPage} onJump={onJump} />
    </>
  );
}

/** "Why this matched": the evidence behind an annotation, in words. */
export function WhyMatched({ match }: { match: Pick<Annotation, 'text' | 'score' | 'via' | 'explanation'> }) {
  const x = match.explanation;
  return (
    <details class="why">
      <summary>{t('whyMatched', Math.round(match.score * 100))}</summary>
      <p class="muted">
        {t('matchedText', match.text)} · {t(`via_${match.via}` as never) || match.via}
      </p>
      {x && x.terms.length > 0 && <p class="muted">{t('matchedTerms', x.terms.join(', '))}</p>}
      {x && x.entities.length > 0 && <p class="muted">{t('matchedEntities', x.entities.join(', '))}</p>}
      {x && x.numbers.length > 0 && <p class="muted">{t('matchedNumbers', x.numbers.join(', '))}</p>}
    </details>
  );
}
