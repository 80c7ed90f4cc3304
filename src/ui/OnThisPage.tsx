/** "Also on this page": other annotations related to the open card; activate one to jump to it. */
import { t } from '../shared/i18n.ts';

export interface PageRef {
  id: string;
  label: string;
  kind: 'entity' | 'claim';
  count: number;
}

export function OnThisPage({ refs, onJump }: { refs?: PageRef[]; onJump?: (id: string) => void }) {
  if (!refs || refs.length === 0) return null;
  return (
    <section>
      <h3>{t('alsoOnPage')}</h3>
      <ul class="chips">
        {refs.map((r) => (
          <li key={r.id}>
            <button type="button" class="chip" onClick={() => onJump?.(r.id)}>
              {r.label}
              {r.count > 1 ? <span class="muted"> ×{r.count}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
