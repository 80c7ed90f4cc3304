/**
 * Background service worker (Chrome) / event page (Firefox): owns the engine and the pack.
 *
 * Content scripts send block texts here and get annotations back, so the index lives once per browser, not
 * once per tab (page heap stays small even with a 100k-alias pack). Nothing here touches the network.
 */
import pack from 'virtual:footnote-pack';
import { Engine } from '../core/engine.ts';
import { browser } from '../shared/browser.ts';
import type { CardData, ContentToBackground, PackInfo, ToContent, UiToBackground } from '../shared/messages.ts';
import { callTab, serve } from '../shared/rpc.ts';
import { activeOn } from '../shared/settings.ts';
import { loadSettings, saveSettings } from './store.ts';

const engine = new Engine(pack).warm();

function card(kind: 'entity' | 'claim', id: string): CardData {
  if (kind === 'entity') {
    const c = engine.entityCard(id);
    if (!c) throw new Error(`unknown entity "${id}"`);
    return { kind, ...c };
  }
  const claim = engine.claim(id);
  if (!claim) throw new Error(`unknown claim "${id}"`);
  const sources: CardData['sources'] = {};
  for (const s of claim.sources) {
    const src = engine.source(s);
    if (src) sources[s] = src;
  }
  const related = (claim.entities ?? [])
    .map((e) => engine.entity(e))
    .filter((e) => e !== undefined)
    .map(({ id, name, type }) => ({ id, name, type }));
  const claims = (claim.related ?? [])
    .map((c) => engine.claim(c))
    .filter((c) => c !== undefined)
    .map(({ id, text, verdict }) => ({ id, text, verdict }));
  return { kind, claim, sources, related, claims };
}

function packInfo(): PackInfo {
  const aliases = engine.aliasCount;
  return {
    ...pack.meta,
    entities: pack.entities.length,
    claims: pack.claims.length,
    sources: pack.sources.length,
    aliases,
  };
}

serve<ContentToBackground>({
  'footnote:match': async ({ blocks, lang, anchors }) => {
    const settings = await loadSettings();
    const skip = new Set<'entity' | 'claim'>();
    if (!settings.show.entities) skip.add('entity');
    if (!settings.show.claims) skip.add('claim');
    const pageAnchors = { ...(anchors ?? {}) };
    const annotations = engine.annotateBlocks(blocks, { lang, exact: settings.exact, skip, anchors: pageAnchors });
    return { annotations, anchors: pageAnchors };
  },
  'footnote:card': ({ kind, id }) => card(kind, id),
  'footnote:settings': async ({ host }) => {
    const settings = await loadSettings();
    return { settings, active: activeOn(settings, host) };
  },
  'footnote:count': async ({ claims, entities }, sender) => {
    if (sender.tabId === undefined) return null;
    const text = claims > 0 ? String(claims) : entities > 0 ? '·' : '';
    await browser.action.setBadgeText({ tabId: sender.tabId, text });
    await browser.action.setBadgeBackgroundColor({ tabId: sender.tabId, color: claims > 0 ? '#8a4b00' : '#1f3a5f' });
    return null;
  },
});

serve<UiToBackground>({
  'footnote:pack-info': () => packInfo(),
  'footnote:get-settings': () => loadSettings(),
  'footnote:set-settings': async ({ patch }) => {
    const next = await saveSettings(patch);
    const tabs = await browser.tabs.query({});
    await Promise.allSettled(
      tabs
        .filter((t) => t.id !== undefined)
        .map((t) => callTab<ToContent, 'footnote:refresh'>(t.id as number, 'footnote:refresh', {})),
    );
    return next;
  },
});

browser.commands.onCommand.addListener(async (command) => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const direction = command === 'previous-annotation' ? -1 : 1;
  await callTab<ToContent, 'footnote:step'>(tab.id, 'footnote:step', { direction }).catch(() => false);
});
