/**
 * Toolbar popup: the page summary (claims first, then names), click to jump to a mention; quick toggles for
 * "pause on this site" and exact-only matching.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import type { AnnotationSummary, ToContent, UiToBackground } from '../shared/messages.ts';
import { callBackground, callTab } from '../shared/rpc.ts';
import { activeOn, normalizeHost, type Settings } from '../shared/settings.ts';
import { Verdict } from '../ui/Card.tsx';
import '../ui/page.css';
import './popup.css';

type State =
  | { status: 'loading' }
  | { status: 'unavailable'; why: string }
  | { status: 'ready'; annotations: AnnotationSummary[] };

/** One row per distinct id, with how often it occurs. */
function group(list: AnnotationSummary[]): Array<AnnotationSummary & { count: number }> {
  const byId = new Map<string, AnnotationSummary & { count: number }>();
  for (const a of list) {
    const g = byId.get(a.id);
    if (g) g.count++;
    else byId.set(a.id, { ...a, count: 1 });
  }
  return [...byId.values()];
}

function Popup() {
  const [tab, setTab] = useState<{ id: number; host: string } | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    (async () => {
      const [t] = await browser.tabs.query({ active: true, currentWindow: true });
      const host = t?.url ? safeHost(t.url) : '';
      if (t?.id !== undefined) setTab({ id: t.id, host });
      setSettings(await callBackground<UiToBackground, 'footnote:get-settings'>('footnote:get-settings', {}));
      if (t?.id === undefined) return setState({ status: 'unavailable', why: 'No page is open.' });
      try {
        const { annotations } = await callTab<ToContent, 'footnote:annotations'>(t.id, 'footnote:annotations', {});
        setState({ status: 'ready', annotations });
      } catch {
        setState({
          status: 'unavailable',
          why: 'Footnote does not run on this page (browser pages, the web store, local files).',
        });
      }
    })();
  }, []);

  const update = async (patch: Partial<Settings>) => {
    setSettings(await callBackground<UiToBackground, 'footnote:set-settings'>('footnote:set-settings', { patch }));
    if (tab) {
      const { annotations } = await callTab<ToContent, 'footnote:annotations'>(
        tab.id,
        'footnote:annotations',
        {},
      ).catch(() => ({ annotations: [] }));
      setState({ status: 'ready', annotations });
    }
  };

  const paused = settings && tab ? !activeOn(settings, tab.host) : false;
  const togglePause = () => {
    if (!settings || !tab) return;
    const host = normalizeHost(tab.host);
    const deny = paused ? settings.deny.filter((h) => h !== host) : [...settings.deny, host];
    void update({ deny });
  };

  const reveal = (id: string) => tab && void callTab<ToContent, 'footnote:reveal'>(tab.id, 'footnote:reveal', { id });

  const items = state.status === 'ready' ? group(state.annotations) : [];
  const claims = items.filter((a) => a.kind === 'claim');
  const entities = items.filter((a) => a.kind === 'entity');
  return (
    <main>
      <header>
        <h1>Footnote</h1>
        {state.status === 'ready' && (
          <p class="muted" data-testid="counts">
            {claims.length} claim{claims.length === 1 ? '' : 's'} · {entities.length} name
            {entities.length === 1 ? '' : 's'} on this page
          </p>
        )}
      </header>
      {state.status === 'loading' && <p class="muted">Reading the page…</p>}
      {state.status === 'unavailable' && <p class="muted">{state.why}</p>}
      {claims.length > 0 && (
        <section aria-labelledby="claims-h">
          <h2 id="claims-h">Claims</h2>
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
          <h2 id="names-h">Names</h2>
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
      {settings && (
        <footer>
          <label>
            <input type="checkbox" checked={paused} disabled={!tab?.host} onChange={togglePause} /> Pause on this site
          </label>
          <label>
            <input
              type="checkbox"
              checked={settings.exact}
              onChange={(e) => void update({ exact: e.currentTarget.checked })}
            />{' '}
            Exact matches only
          </label>
          <a href={browser.runtime.getURL('src/options/index.html')} target="_blank" rel="noopener">
            Options
          </a>
        </footer>
      )}
    </main>
  );
}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol.startsWith('http') ? u.hostname : '';
  } catch {
    return '';
  }
}

render(<Popup />, document.getElementById('app') as HTMLElement);
