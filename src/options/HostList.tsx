/** An editable list of host names (allow / deny lists). */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { normalizeHost } from '../shared/settings.ts';

export function HostList({
  label,
  hosts,
  onChange,
}: {
  label: string;
  hosts: string[];
  onChange: (h: string[]) => void;
}) {
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
            <button
              type="button"
              onClick={() => onChange(hosts.filter((x) => x !== h))}
              aria-label={t('removeHost', h)}
            >
              {t('remove')}
            </button>
          </li>
        ))}
        {hosts.length === 0 && <li class="muted">{t('none')}</li>}
      </ul>
      <input
        type="text"
        value={draft}
        placeholder="example.com"
        aria-label={t('addTo', label)}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && add()}
      />{' '}
      <button type="button" onClick={add}>
        {t('add')}
      </button>
    </fieldset>
  );
}
