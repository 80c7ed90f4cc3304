/**
 * Options page: what to show, where, how; and what pack is loaded.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PackInfo, UiToBackground } from '../shared/messages.ts';
import { callBackground } from '../shared/rpc.ts';
import { normalizeHost, type Settings } from '../shared/settings.ts';
import { formatDate } from '../ui/format.ts';
import '../ui/page.css';
import './options.css';

function HostList({ label, hosts, onChange }: { label: string; hosts: string[]; onChange: (h: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const h = normalizeHost(draft);
    if (h && !hosts.includes(h)) onChange([...hosts, h]);
    setDraft('');
  };
  return (
    <fieldset>
      <legend>{label}</legend>
      <ul>
        {hosts.map((h) => (
          <li key={h}>
            {h}{' '}
            <button type="button" onClick={() => onChange(hosts.filter((x) => x !== h))} aria-label={`Remove ${h}`}>
              Remove
            </button>
          </li>
        ))}
        {hosts.length === 0 && <li class="muted">None</li>}
      </ul>
      <input
        type="text"
        value={draft}
        placeholder="example.com"
        aria-label={`Add to: ${label}`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />{' '}
      <button type="button" onClick={add}>
        Add
      </button>
    </fieldset>
  );
}

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<PackInfo | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void callBackground<UiToBackground, 'footnote:get-settings'>('footnote:get-settings', {}).then(setSettings);
    void callBackground<UiToBackground, 'footnote:pack-info'>('footnote:pack-info', {}).then(setInfo);
  }, []);

  const update = async (patch: Partial<Settings>) => {
    setSettings(await callBackground<UiToBackground, 'footnote:set-settings'>('footnote:set-settings', { patch }));
    setSaved('Saved');
  };

  if (!settings) return <main class="muted">Loading…</main>;
  return (
    <main>
      <h1>Footnote options</h1>
      <p class="muted" role="status" aria-live="polite">
        {saved}
      </p>
      <h2>Show on pages</h2>
      <label>
        <input
          type="checkbox"
          checked={settings.show.entities}
          onChange={(e) => update({ show: { ...settings.show, entities: e.currentTarget.checked } })}
        />{' '}
        Names (people, organisations, places, agreements, events)
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.show.claims}
          onChange={(e) => update({ show: { ...settings.show, claims: e.currentTarget.checked } })}
        />{' '}
        Claims that fact-checkers have reviewed
      </label>
      <label>
        <input type="checkbox" checked={settings.exact} onChange={(e) => update({ exact: e.currentTarget.checked })} />{' '}
        Exact matches only (no folding of case or accents, no inflections)
      </label>
      <h2>Look and feel</h2>
      <label>
        Highlight style{' '}
        <select
          value={settings.highlightStyle}
          onChange={(e) => update({ highlightStyle: e.currentTarget.value as Settings['highlightStyle'] })}
        >
          <option value="underline">Underline</option>
          <option value="background">Background</option>
        </select>
      </label>
      <label>
        Theme{' '}
        <select value={settings.theme} onChange={(e) => update({ theme: e.currentTarget.value as Settings['theme'] })}>
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label>
        Hover delay before a card opens{' '}
        <input
          type="number"
          min={0}
          max={2000}
          step={50}
          value={settings.hoverDelay}
          onChange={(e) => update({ hoverDelay: Number(e.currentTarget.value) })}
        />{' '}
        ms
      </label>
      <h2>Sites</h2>
      <HostList label="Paused on these sites" hosts={settings.deny} onChange={(deny) => update({ deny })} />
      <HostList
        label="Only on these sites (empty = everywhere)"
        hosts={settings.allow}
        onChange={(allow) => update({ allow })}
      />
      <h2>Knowledge pack</h2>
      {info ? (
        <dl data-testid="pack-info">
          <dt>Name</dt>
          <dd>{info.name}</dd>
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Built</dt>
          <dd>{formatDate(info.built.slice(0, 10))}</dd>
          <dt>Contents</dt>
          <dd>
            {info.entities} entities, {info.claims} claims, {info.aliases} spellings, {info.sources} sources
          </dd>
          <dt>Content hash</dt>
          <dd>
            <code>{info.hash?.slice(0, 16)}</code>
          </dd>
        </dl>
      ) : (
        <p class="muted">Loading pack information…</p>
      )}
    </main>
  );
}

render(<Options />, document.getElementById('app') as HTMLElement);
