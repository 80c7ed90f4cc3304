/**
 * "Check with Footnote" on a text selection: remember the selection, open the side panel (Chrome's sidePanel,
 * Firefox's sidebar_action) and tell it what to look up.
 */
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import type { ToPages } from '../shared/messages.ts';

export const MENU_ID = 'footnote-check';
let pending: string | null = null;

/** The selection waiting for the side panel, handed over once. */
export function takePendingQuery(): string | null {
  const q = pending;
  pending = null;
  return q;
}

export function setUpMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: MENU_ID, title: t('menuCheck'), contexts: ['selection'] }));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    pending = (info.selectionText ?? '').trim().slice(0, 500);
    // Open synchronously inside the click handler: both browsers only allow it during the user gesture.
    const g = globalThis as {
      chrome?: { sidePanel?: { open?: (o: { tabId?: number; windowId?: number }) => Promise<void> } };
      browser?: { sidebarAction?: { open?: () => Promise<void> } };
    };
    const opened = g.chrome?.sidePanel?.open
      ? g.chrome.sidePanel.open({ tabId: tab?.id, windowId: tab?.windowId })
      : g.browser?.sidebarAction?.open?.();
    Promise.resolve(opened)
      .catch(() => undefined)
      .then(() => {
        const msg: { type: keyof ToPages } & ToPages['footnote:query']['req'] = {
          type: 'footnote:query',
          query: pending ?? '',
        };
        return browser.runtime.sendMessage(msg).catch(() => undefined); // the panel may not be open yet: it asks on load
      });
  });
}
