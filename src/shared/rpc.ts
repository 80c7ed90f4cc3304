/**
 * Typed send/handle over the extension runtime, on top of the message contract (./messages.ts).
 * The only module that touches `runtime.sendMessage` / `tabs.sendMessage` / `onMessage`.
 */
import { browser } from './browser.ts';
import type { CallMap, Handlers, Result } from './messages.ts';
import { isFootnoteMessage } from './messages.ts';

function unwrap<T>(r: unknown, type: string): T {
  if (!r || typeof r !== 'object' || !('ok' in r))
    throw new Error(`${type}: no reply (is Footnote's background running?)`);
  const res = r as Result<T>;
  if (!res.ok) throw new Error(`${type}: ${res.error}`);
  return res.value;
}

/** Send to the background (from the content script, popup, options or side panel). */
export async function callBackground<M extends CallMap, K extends keyof M & string>(
  type: K,
  req: M[K]['req'],
): Promise<M[K]['res']> {
  return unwrap(await browser.runtime.sendMessage({ type, ...(req as object) }), type);
}

/** Send to the content script of a tab. */
export async function callTab<M extends CallMap, K extends keyof M & string>(
  tabId: number,
  type: K,
  req: M[K]['req'],
): Promise<M[K]['res']> {
  return unwrap(await browser.tabs.sendMessage(tabId, { type, ...(req as object) }), type);
}

/**
 * Answer messages of one call map. Unknown footnote messages are left to other listeners (several maps may be
 * served in one context); every handled call replies with a Result, even when the handler throws.
 */
export function serve<M extends CallMap>(handlers: Handlers<M>, signal?: AbortSignal): void {
  const listener = (msg: unknown, sender: { tab?: { id?: number; url?: string } }) => {
    if (!isFootnoteMessage(msg) || !(msg.type in handlers)) return undefined;
    const { type, ...req } = msg as { type: keyof M & string };
    const handler = handlers[type];
    return Promise.resolve()
      .then(() => handler(req as M[typeof type]['req'], { tabId: sender.tab?.id, url: sender.tab?.url }))
      .then(
        (value): Result<unknown> => ({ ok: true, value }),
        (e: unknown): Result<unknown> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
  };
  browser.runtime.onMessage.addListener(listener as never);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener as never));
}
