/**
 * User settings: one versioned record in extension storage. Pure data and pure functions; the storage
 * access itself lives in the background (src/background/store.ts).
 */

export const SETTINGS_VERSION = 2;

export interface Settings {
  version: number;
  /** Categories shown on pages. */
  show: { entities: boolean; claims: boolean };
  /** Exact-only matching: no case/diacritic folding, no inflections. */
  exact: boolean;
  /** Hosts where Footnote is paused. */
  deny: string[];
  /** If non-empty, Footnote runs only on these hosts. */
  allow: string[];
  /** Hover delay before a card opens, in ms. */
  hoverDelay: number;
  highlightStyle: 'underline' | 'background';
  theme: 'system' | 'light' | 'dark';
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  show: { entities: true, claims: true },
  exact: false,
  deny: [],
  allow: [],
  // Wikipedia's Page Previews open after ~150 ms of hover intent: quick enough to feel direct, slow enough
  // that a pointer merely crossing a word does not open a card.
  hoverDelay: 150,
  highlightStyle: 'underline',
  theme: 'system',
};

/** Merge a stored (possibly older or damaged) record over the defaults, keeping only well-typed fields. */
export function normalizeSettings(raw: unknown): Settings {
  const s = structuredCloneSafe(DEFAULT_SETTINGS);
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  const show = r.show as Record<string, unknown> | undefined;
  if (show && typeof show === 'object') {
    if (typeof show.entities === 'boolean') s.show.entities = show.entities;
    if (typeof show.claims === 'boolean') s.show.claims = show.claims;
  }
  if (typeof r.exact === 'boolean') s.exact = r.exact;
  if (Array.isArray(r.deny))
    s.deny = r.deny
      .filter((h): h is string => typeof h === 'string')
      .map(normalizeHost)
      .filter(Boolean);
  if (Array.isArray(r.allow))
    s.allow = r.allow
      .filter((h): h is string => typeof h === 'string')
      .map(normalizeHost)
      .filter(Boolean);
  if (typeof r.hoverDelay === 'number' && r.hoverDelay >= 0 && r.hoverDelay <= 2000)
    s.hoverDelay = Math.round(r.hoverDelay);
  if (r.highlightStyle === 'underline' || r.highlightStyle === 'background') s.highlightStyle = r.highlightStyle;
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') s.theme = r.theme;
  return s;
}

function structuredCloneSafe<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function normalizeHost(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^www\./, '');
}

/** Is Footnote active on this host under these settings? */
export function activeOn(settings: Settings, host: string): boolean {
  const h = normalizeHost(host);
  const matches = (list: string[]) => list.some((d) => h === d || h.endsWith(`.${d}`));
  if (matches(settings.deny)) return false;
  if (settings.allow.length > 0) return matches(settings.allow);
  return true;
}
