/**
 * Options page: what to show and where, how it looks, the knowledge pack (info, import, remove), and the
 * "wrong match" list (review, forget, export).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import type { PackInfo, UiToBackground, WrongMatch } from '../shared/messages.ts';
import { callBackground } from '../shared/rpc.ts';
import type { Settings } from '../shared/settings.ts';
import { download } from '../ui/download.ts';
import { formatDate } from '../ui/format.ts';
import { applyTheme } from '../ui/theme.ts';
import '../ui/page.css';
import { HostList } from './HostList.tsx';
import { ImportPack } from './ImportPack.tsx';
import './options.css';

type Ui = UiToBackground;

function PackSection({ info, onChange }: { info: PackInfo | null; onChange: (i: PackInfo) => void }) {
  if (!info) return <p class="muted">{t('loading')}</p>;
  const remove = async () => onChange(await callBackground<Ui, 'footnote:remove-import'>('footnote:remove-import', {}));
  return (
    <>
      <dl data-testid="pack-info">
        <dt>{t('packName')}</dt>
        <dd>{info.name}</dd>
        <dt>{t('packVersion')}</dt>
        <dd>{info.version}</dd>
        <dt>{t('packBuilt')}</dt>
        <dd>{formatDate(info.built.slice(0, 10))}</dd>
        <dt>{t('packContents')}</dt>
        <dd>{t('packCounts', info.entities, info.claims, info.aliases, info.sources)}</dd>
        <dt>{t('packHash')}</dt>
        <dd>
          <code>{info.hash?.slice(0, 16)}</code>
        </dd>
        <dt>{t('packImported')}</dt>
        <dd data-testid="imported">
          {info.imported ? (
            <>
              {t(
                'importedSummary',
                info.imported.file,
                info.imported.claims,
                formatDate(info.imported.imported.slice(0, 10)),
              )}{' '}
              <button type="button" onClick={remove}>
                {t('removeImport')}
              </button>
            </>
          ) : (
            t('none')
          )}
        </dd>
      </dl>
      <ImportPack onImported={onChange} />
    </>
  );
}

function WrongMatches({ list, onChange }: { list: WrongMatch[]; onChange: (l: WrongMatch[]) => void }) {
  const forget = async (w: WrongMatch) =>
    onChange(
      await callBackground<Ui, 'footnote:forget-wrong-match'>('footnote:forget-wrong-match', {
        page: w.page,
        id: w.id,
        text: w.text,
      }),
    );
  if (list.length === 0) return <p class="muted">{t('noWrongMatches')}</p>;
  return (
    <>
      <table data-testid="wrong-matches">
        <thead>
          <tr>
            <th scope="col">{t('colText')}</th>
            <th scope="col">{t('colMatchedAs')}</th>
            <th scope="col">{t('colPage')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((w) => (
            <tr key={w.page + w.id + w.text}>
              <td>{w.text}</td>
              <td>{w.label}</td>
              <td class="url">{w.page}</td>
              <td>
                <button type="button" onClick={() => forget(w)} aria-label={t('forgetLabel', w.text)}>
                  {t('forget')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          download('footnote-wrong-matches.json', `${JSON.stringify(list, null, 2)}\n`, 'application/json')
        }
      >
        {t('exportList')}
      </button>
    </>
  );
}

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<PackInfo | null>(null);
  const [wrong, setWrong] = useState<WrongMatch[]>([]);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void callBackground<Ui, 'footnote:get-settings'>('footnote:get-settings', {}).then((s) => {
      setSettings(s);
      applyTheme(s.theme);
    });
    void callBackground<Ui, 'footnote:pack-info'>('footnote:pack-info', {}).then(setInfo);
    void callBackground<Ui, 'footnote:wrong-matches'>('footnote:wrong-matches', {}).then(setWrong);
  }, []);

  const update = async (patch: Partial<Settings>) => {
    const next = await callBackground<Ui, 'footnote:set-settings'>('footnote:set-settings', { patch });
    setSettings(next);
    applyTheme(next.theme);
    setSaved(t('saved'));
  };

  if (!settings) return <main class="muted">{t('loading')}</main>;
  const show = settings.show;
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="muted" role="status" aria-live="polite">
        {saved}
      </p>
      <section aria-labelledby="show-h">
        <h2 id="show-h">{t('showOnPages')}</h2>
        <label>
          <input
            type="checkbox"
            checked={show.entities}
            onChange={(e) => update({ show: { ...show, entities: e.currentTarget.checked } })}
          />{' '}
          {t('showNames')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={show.claims}
            onChange={(e) => update({ show: { ...show, claims: e.currentTarget.checked } })}
          />{' '}
          {t('showClaims')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.exact}
            onChange={(e) => update({ exact: e.currentTarget.checked })}
          />{' '}
          {t('exactOnlyLong')}
        </label>
      </section>
      <section aria-labelledby="look-h">
        <h2 id="look-h">{t('lookAndFeel')}</h2>
        <label>
          {t('highlightStyle')}{' '}
          <select
            value={settings.highlightStyle}
            onChange={(e) => update({ highlightStyle: e.currentTarget.value as Settings['highlightStyle'] })}
          >
            <option value="underline">{t('styleUnderline')}</option>
            <option value="background">{t('styleBackground')}</option>
          </select>
        </label>
        <label>
          {t('theme')}{' '}
          <select
            value={settings.theme}
            onChange={(e) => update({ theme: e.currentTarget.value as Settings['theme'] })}
          >
            <option value="system">{t('themeSystem')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </label>
        <label>
          {t('hoverDelay')}{' '}
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
      </section>
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">{t('sites')}</h2>
        <HostList label={t('denyList')} hosts={settings.deny} onChange={(deny) => update({ deny })} />
        <HostList label={t('allowList')} hosts={settings.allow} onChange={(allow) => update({ allow })} />
      </section>
      <section aria-labelledby="pack-h">
        <h2 id="pack-h">{t('knowledgePack')}</h2>
        <PackSection info={info} onChange={setInfo} />
      </section>
      <section aria-labelledby="wrong-h">
        <h2 id="wrong-h">{t('wrongMatches')}</h2>
        <WrongMatches list={wrong} onChange={setWrong} />
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app') as HTMLElement);
