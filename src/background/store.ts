/** Settings in extension storage: read with defaults and migration, written whole. */
import { browser } from '../shared/browser.ts';
import { normalizeSettings, type Settings } from '../shared/settings.ts';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return normalizeSettings(got[KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
