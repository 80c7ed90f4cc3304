/**
 * Background service worker (Chrome) / event page (Firefox): owns the knowledge (bundled + imported pack and
 * their engine), settings, "wrong match" memory, the toolbar badge, keyboard commands and the context menu.
 *
 * Content scripts send block texts here and get annotations back, so the index lives once per browser, not
 * once per tab. Nothing here touches the network.
 */
import { browser } from '../shared/browser.ts';
import type { ContentToBackground, ToContent, UiToBackground } from '../shared/messages.ts';
import { callTab, serve } from '../shared/rpc.ts';
import { activeOn } from '../shared/settings.ts';
import { loadBundledPack } from './bundled.ts';
import { Knowledge } from './knowledge.ts';
import { setUpMenus, takePendingQuery } from './menus.ts';
import { migrateStorage } from './migrations.ts';
import { loadSettings, loadWrongMatches, saveSettings, saveWrongMatches } from './store.ts';

const migrated = migrateStorage();
const knowledge = new Knowledge(loadBundledPack());

async function refreshTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.allSettled(
    tabs
      .filter((t) => t.id !== undefined)
      .map((t) => callTab<ToContent, 'footnote:refresh'>(t.id as number, 'footnote:refresh', {})),
  );
}

serve<ContentToBackground & UiToBackground>({
  'footnote:match': async ({ blocks, lang, anchors, kinds }) => {
    await migrated;
    const [engine, settings] = await Promise.all([knowledge.current(), loadSettings()]);
    const skip = new Set<'entity' | 'claim'>();
    if (!settings.show.entities || (kinds && !kinds.includes('entity'))) skip.add('entity');
    if (!settings.show.claims || (kinds && !kinds.includes('claim'))) skip.add('claim');
    const pageAnchors = { ...(anchors ?? {}) };
    const annotations = engine.annotateBlocks(blocks, { lang, exact: settings.exact, skip, anchors: pageAnchors });
    return { annotations, anchors: pageAnchors };
  },
  'footnote:card': ({ kind, id }) => knowledge.card(kind, id),
  'footnote:settings': async ({ host, page }) => {
    await migrated;
    const [settings, wrong] = await Promise.all([loadSettings(), loadWrongMatches()]);
    return { settings, active: activeOn(settings, host), hidden: wrong.filter((w) => w.page === page) };
  },
  'footnote:wrong-match': async (w) => {
    const list = await loadWrongMatches();
    if (!list.some((x) => x.page === w.page && x.id === w.id && x.text === w.text)) {
      list.push({ ...w, added: new Date().toISOString() });
      await saveWrongMatches(list);
    }
    return null;
  },
  'footnote:count': async ({ claims, entities }, sender) => {
    if (sender.tabId === undefined) return null;
    const text = claims > 0 ? String(claims) : entities > 0 ? '·' : '';
    await browser.action.setBadgeText({ tabId: sender.tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId: sender.tabId, color: claims > 0 ? '#8a4b00' : '#1f3a5f' });
    return null;
  },
  'footnote:pack-info': async () => {
    await knowledge.current();
    return knowledge.info();
  },
  'footnote:get-settings': async () => {
    await migrated;
    return loadSettings();
  },
  'footnote:set-settings': async ({ patch }) => {
    const next = await saveSettings(patch);
    await refreshTabs();
    return next;
  },
  'footnote:wrong-matches': () => loadWrongMatches(),
  'footnote:forget-wrong-match': async ({ page, id, text }) => {
    const list = (await loadWrongMatches()).filter((w) => !(w.page === page && w.id === id && w.text === text));
    await saveWrongMatches(list);
    await refreshTabs();
    return list;
  },
  'footnote:import-pack': async ({ file, data }) => {
    const info = await knowledge.import(file, data);
    await refreshTabs();
    return info;
  },
  'footnote:remove-import': async () => {
    const info = await knowledge.removeImport();
    await refreshTabs();
    return info;
  },
  'footnote:search': ({ query }) => knowledge.search(query),
  'footnote:pending-query': () => takePendingQuery(),
});

browser.commands.onCommand.addListener(async (command) => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const direction = command === 'previous-annotation' ? -1 : 1;
  await callTab<ToContent, 'footnote:step'>(tab.id, 'footnote:step', { direction }).catch(() => false);
});

setUpMenus();
