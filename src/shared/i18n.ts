/**
 * UI strings: `t(key, ...substitutions)` through browser.i18n (public/_locales/<lang>/messages.json). Outside an
 * extension (component tests, the CLI) it falls back to the English catalogue, so every surface renders the
 * same strings everywhere. Deliberately uses the raw `chrome`/`browser` global (not webextension-polyfill, which
 * throws outside an extension).
 */
import en from '../../public/_locales/en/messages.json' with { type: 'json' };

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const EN = en as Catalogue;

export type MessageKey = keyof typeof en;

function native(): ((key: string, subs?: string[]) => string) | null {
  const g = globalThis as {
    browser?: { i18n?: { getMessage?: unknown } };
    chrome?: { i18n?: { getMessage?: unknown } };
  };
  const api = g.browser?.i18n ?? g.chrome?.i18n;
  return typeof api?.getMessage === 'function'
    ? (api.getMessage as (k: string, s?: string[]) => string).bind(api)
    : null;
}

/** Fill $1…$9 and named $PLACEHOLDER$s the way browser.i18n does. */
function fill(entry: Catalogue[string], subs: string[]): string {
  let msg = entry.message;
  for (const [name, p] of Object.entries(entry.placeholders ?? {})) {
    msg = msg.replaceAll(`$${name.toUpperCase()}$`, p.content).replaceAll(`$${name}$`, p.content);
  }
  return msg.replace(/\$(\d)/g, (_, d) => subs[Number(d) - 1] ?? '');
}

export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const s = subs.map(String);
  const fromBrowser = native()?.(key, s);
  if (fromBrowser) return fromBrowser;
  const entry = EN[key];
  return entry ? fill(entry, s) : key;
}

/** The UI language the browser chose ("en", "de"…), for formatting dates. */
export function uiLanguage(): string {
  const g = globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } };
  try {
    return g.chrome?.i18n?.getUILanguage?.() ?? 'en';
  } catch {
    return 'en';
  }
}
