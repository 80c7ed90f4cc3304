/**
 * Side panel (Chrome sidePanel, Firefox sidebar): "Check with Footnote" — a fuzzy search of the pack for the
 * selected text (or anything typed), results as cards.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { CardData, ContentToBackground, SearchResult, ToPages, UiToBackground } from '../shared/messages.ts';
import { callBackground, serve } from '../shared/rpc.ts';
import { Card } from '../ui/Card.tsx';
import cardCss from '../ui/card.css?inline';
import { applyTheme } from '../ui/theme.ts';
import { Verdict } from '../ui/Verdict.tsx';
import '../ui/page.css';
import './sidepanel.css';

const style = document.createElement('style');
style.textContent = cardCss.replace(/:host\s*\{[^}]*\}/, '');
document.head.append(style);

function Panel() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [open, setOpen] = useState<CardData | null>(null);

  const search = async (q: string) => {
    setQuery(q);
    setOpen(null);
    setResults(
      q.trim() ? await callBackground<UiToBackground, 'footnote:search'>('footnote:search', { query: q }) : null,
    );
  };

  useEffect(() => {
    void callBackground<UiToBackground, 'footnote:get-settings'>('footnote:get-settings', {}).then((s) =>
      applyTheme(s.theme),
    );
    void callBackground<UiToBackground, 'footnote:pending-query'>('footnote:pending-query', {}).then((q) => {
      if (q) void search(q);
    });
    serve<ToPages>({
      'footnote:query': ({ query: q }) => {
        void search(q);
        return null;
      },
    });
  }, []);

  const show = async (r: SearchResult) =>
    setOpen(await callBackground<ContentToBackground, 'footnote:card'>('footnote:card', { kind: r.kind, id: r.id }));
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  };

  return (
    <main>
      <h1>{t('panelTitle')}</h1>
      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void search(query);
          }}
        >
          <label for="q" class="visually-hidden">
            {t('searchLabel')}
          </label>
          <input
            id="q"
            type="search"
            value={query}
            placeholder={t('searchPlaceholder')}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />{' '}
          <button type="submit">{t('search')}</button>
        </form>
      </search>
      {results !== null && results.length === 0 && <p class="muted">{t('noResults', query)}</p>}
      {open ? (
        <div class="panel-card">
          <button type="button" class="back" onClick={() => setOpen(null)}>
            ← {t('backToResults')}
          </button>
          <Card data={open} onCopy={copy} />
        </div>
      ) : (
        results &&
        results.length > 0 && (
          <ul class="results" aria-label={t('results')}>
            {results.map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => show(r)}>
                  <span class="kind">{r.kind === 'claim' ? t('kindClaim') : t('kindName')}</span>{' '}
                  {r.verdict && <Verdict verdict={r.verdict} />} <strong>{r.label}</strong>
                  {r.detail && <span class="muted detail">{r.detail}</span>}
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </main>
  );
}

render(<Panel />, document.getElementById('app') as HTMLElement);
