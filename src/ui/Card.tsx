/**
 * The card shown in the popover and the side panel: an entity or claim card, "why this matched", and actions
 * (copy citation, open source, wrong match, pin). Purely presentational: data in, callbacks out.
 */
import { useState } from 'preact/hooks';
import type { Annotation } from '../core/engine.ts';
import { t } from '../shared/i18n.ts';
import type { CardData } from '../shared/messages.ts';
import { ClaimCard, WhyMatched } from './ClaimCard.tsx';
import { type CitationFormat, citation, primaryLink } from './citation.ts';
import { EntityCard } from './EntityCard.tsx';
import { safeHref } from './format.ts';
import type { PageRef } from './OnThisPage.tsx';

export { Verdict } from './Verdict.tsx';

export interface CardActions {
  onClose?: () => void;
  onCopy?: (text: string) => Promise<boolean> | boolean;
  onWrongMatch?: () => void;
  onPin?: (pinned: boolean) => void;
  onJump?: (id: string) => void;
}

export interface CardProps extends CardActions {
  data: CardData;
  /** The annotation this card was opened from (absent in the side panel's search results). */
  match?: Pick<Annotation, 'text' | 'score' | 'via' | 'explanation'>;
  onPage?: PageRef[];
  pinned?: boolean;
}

export function Card(props: CardProps) {
  const { data, match, onClose, onCopy, onWrongMatch, onPin, onJump, onPage } = props;
  const [status, setStatus] = useState('');
  const [pinned, setPinned] = useState(Boolean(props.pinned));
  const copy = async (f: CitationFormat) => {
    const ok = onCopy ? await onCopy(citation(data, f)) : false;
    setStatus(ok ? t('copied') : t('copyFailed'));
  };
  const link = safeHref(primaryLink(data));
  return (
    <div class="card">
      {onClose && (
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      )}
      {data.kind === 'entity' ? (
        <EntityCard data={data} onPage={onPage} onJump={onJump} />
      ) : (
        <ClaimCard data={data} onPage={onPage} onJump={onJump} />
      )}
      {match && <WhyMatched match={match} />}
      <fieldset class="actions">
        <legend class="visually-hidden">{t('actions')}</legend>
        {onCopy && (
          <>
            <button type="button" onClick={() => copy('markdown')}>
              {t('copyMarkdown')}
            </button>
            <button type="button" onClick={() => copy('text')}>
              {t('copyText')}
            </button>
          </>
        )}
        {link && (
          <a class="button" href={link} target="_blank" rel="noopener noreferrer">
            {t('openSource')}
          </a>
        )}
        {onPin && (
          <button
            type="button"
            aria-pressed={pinned}
            onClick={() => {
              setPinned(!pinned);
              onPin(!pinned);
            }}
          >
            {pinned ? t('unpin') : t('pin')}
          </button>
        )}
        {onWrongMatch && (
          <button type="button" class="danger" onClick={onWrongMatch}>
            {t('wrongMatch')}
          </button>
        )}
      </fieldset>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
