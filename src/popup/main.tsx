/**
 * Toolbar popup: the page summary (claims first, verdict first; then names), click to jump to a mention; quick
 * toggles for "pause on this site" and exact-only matching; the fact-checker's export of the page.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import type { AnnotationSummary, ContentToBackground, ToContent, UiToBackground } from '../shared/messages.ts';
import { type Report, reportRow, toCsv, toJson, toMarkdown } from '../shared/report.ts';
import { callBackground, callTab } from '../shared/rpc.ts';
import { activeOn, normalizeHost, type Settings } from '../shared/settings.ts';
import { download } from '../ui/download.ts';
import { applyTheme } from '../ui/theme.ts';
import { Verdict } from '../ui/Verdict.tsx';
import '../ui/page.css';
import './popup.css';

type State =
  | { status: 'loading' }
  | { status: 'unavailable'; why: string }
  | { status: 'ready'; annotations: AnnotationSummary[] };
type Tab = { id: number; host: string; url: string; title: string };
type Row = AnnotationSummary & { count: number; texts: string[] };

/** One row per distinct id, with how often it occurs and how it is written. */
function group(list: AnnotationSummary[]): Row[] {
  const byId = new Map<string, Row>();
  for (const a of list) {
    const g = byId.get(a.id);
    if (g) {
      g.count++;
      g.texts.push(a.text);
    } else byId.set(a.id, { ...a, count: 1, texts: [a.text] });
  }
  return [...byId.values()];
}

// Claims the reader should look at first: the worse the verdict, the higher.
const VERDICT_ORDER = [
  'false',
  'misleading',
  'disputed',
  'unsupported',
  'needs-context',
  'pending',
  'mostly-accurate',
  'accurate',
];

function Popup() {
  const [tab, setTab] = useState<Tab | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [note, setNote] = useState('');

  const load = async (id: number) => {
    try {
      // The page's address comes from its content script: Footnote needs no "tabs" permission to read it.
      const { annotations, page } = await callTab<ToContent, 'footnote:annotations'>(id, 'footnote:annotations', {});
      setTab({ id, host: page.host, url: page.url, title: page.title });
      setState({ status: 'ready', annotations });
    } catch {
      setState({ status: 'unavailable', why: t('popupUnavailable') });
    }
  };

  useEffect(() => {
    (async () => {
      const s = await callBackground<UiToBackground, 'footnote:get-settings'>('footnote:get-settings', {});
      setSettings(s);
      applyTheme(s.theme);
      // ?tab=<id> shows the summary of that tab (the popup opened as a page, e.g. for keyboard users or tests).
      const wanted = Number(new URLSearchParams(location.search).get('tab'));
      const [active] = wanted
        ? [await browser.tabs.get(wanted)]
        : await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) return setState({ status: 'unavailable', why: t('popupNoPage') });
      await load(active.id);
    })();
  }, []);

  const update = async (patch: Partial<Settings>) => {
    setSettings(await callBackground<UiToBackground, 'footnote:set-settings'>('footnote:set-settings', { patch }));
    if (tab) await load(tab.id);
  };

  const paused = settings && tab ? !activeOn(settings, tab.host) : false;
  const togglePause = () => {
    if (!settings || !tab) return;
    const host = normalizeHost(tab.host);
    const deny = paused ? settings.deny.filter((h) => h !== host) : [...settings.deny, host];
    void update({ deny });
  };
  const reveal = (id: string) => tab && void callTab<ToContent, 'footnote:reveal'>(tab.id, 'footnote:reveal', { id });

  const rows = state.status === 'ready' ? group(state.annotations) : [];
  const claims = rows
    .filter((a) => a.kind === 'claim')
    .sort((a, b) => VERDICT_ORDER.indexOf(a.verdict ?? '') - VERDICT_ORDER.indexOf(b.verdict ?? ''));
  const entities = rows.filter((a) => a.kind === 'entity').sort((a, b) => b.count - a.count);

  const exportAs = async (format: 'json' | 'csv' | 'md') => {
    if (!tab) return;
    const cards = await Promise.all(
      rows.map((r) =>
        callBackground<ContentToBackground, 'footnote:card'>('footnote:card', { kind: r.kind, id: r.id }),
      ),
    );
    const report: Report = {
      page: { url: tab.url, title: tab.title },
      generated: new Date().toISOString(),
      rows: cards.map((c, i) => reportRow(c, rows[i].texts)),
    };
    const base = `footnote-${normalizeHost(tab.host) || 'page'}-${report.generated.slice(0, 10)}`;
    if (format === 'json') download(`${base}.json`, toJson(report), 'application/json');
    else if (format === 'csv') download(`${base}.csv`, toCsv(report), 'text/csv');
    else download(`${base}.md`, toMarkdown(report), 'text/markdown');
    setNote(t('exported', rows.length));
  };

  return (
    <main>
      <header>
        <h1>Footnote</h1>
        {state.status === 'ready' && (
          <p class="muted" data-testid="counts">
            {t('popupCounts', claims.length, entities.length)}
          </p>
        )}
      </header>
      {state.status === 'loading' && <p class="muted">{t('popupLoading')}</p>}
      {state.status === 'unavailable' && <p class="muted">{state.why}</p>}
      {state.status === 'ready' && rows.length === 0 && (
        <p class="muted">{paused ? t('popupPaused') : t('popupNothing')}</p>
      )}
      {claims.length > 0 && (
        <section aria-labelledby="claims-h">
          <h2 id="claims-h">{t('claims')}</h2>
          <ul class="list">
            {claims.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => reveal(c.id)}>
                  <Verdict verdict={c.verdict ?? 'needs-context'} /> <span>{c.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {entities.length > 0 && (
        <section aria-labelledby="names-h">
          <h2 id="names-h">{t('names')}</h2>
          <ul class="list">
            {entities.map((e) => (
              <li key={e.id}>
                <button type="button" onClick={() => reveal(e.id)}>
                  {e.label} <span class="muted">×{e.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {rows.length > 0 && (
        <section aria-labelledby="export-h" class="export">
          <h2 id="export-h">{t('exportPage')}</h2>
          <button type="button" onClick={() => exportAs('json')}>
            JSON
          </button>{' '}
          <button type="button" onClick={() => exportAs('csv')}>
            CSV
          </button>{' '}
          <button type="button" onClick={() => exportAs('md')}>
            Markdown
          </button>
          <span class="muted" role="status" aria-live="polite">
            {' '}
            {note}
          </span>
        </section>
      )}
      {settings && (
        <footer>
          <label>
            <input type="checkbox" checked={paused} disabled={!tab?.host} onChange={togglePause} /> {t('pauseSite')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={settings.exact}
              onChange={(e) => void update({ exact: e.currentTarget.checked })}
            />{' '}
            {t('exactOnly')}
          </label>
          <a href={browser.runtime.getURL('src/options/index.html')} target="_blank" rel="noopener">
            {t('options')}
          </a>
        </footer>
      )}
    </main>
  );
}

render(<Popup />, document.getElementById('app') as HTMLElement);
