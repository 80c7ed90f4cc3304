/**
 * Storage migrations: what an older version of Footnote left in storage is brought to the current schema once,
 * at start-up, before anything reads it. `migrate` is pure (tested from each previous format); `migrateStorage`
 * applies it. Unknown or damaged values are repaired field by field, never dropped wholesale.
 *
 *   v1 (0.1.0): `settings` only ({ version: 1, … }); hosts stored as typed ("WWW.Example.com/").
 *   v2 (0.2.0): `schemaVersion`; hosts normalised; `wrongMatches` list; optional `userPack`.
 */
import { browser } from '../shared/browser.ts';
import { normalizeSettings, SETTINGS_VERSION } from '../shared/settings.ts';

export const SCHEMA_VERSION = 2;

/** The keys to write to bring `stored` to the current schema (empty when it is current). */
export function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  const from = typeof stored.schemaVersion === 'number' ? stored.schemaVersion : stored.settings ? 1 : SCHEMA_VERSION;
  if (from >= SCHEMA_VERSION) return {};
  const out: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION };
  if (from < 2) {
    // normalizeSettings keeps every well-typed field and normalises host names (lowercase, no scheme, no www).
    if (stored.settings !== undefined)
      out.settings = { ...normalizeSettings(stored.settings), version: SETTINGS_VERSION };
    if (!Array.isArray(stored.wrongMatches)) out.wrongMatches = [];
  }
  return out;
}

export async function migrateStorage(): Promise<void> {
  const stored = (await browser.storage.local.get(['schemaVersion', 'settings', 'wrongMatches'])) as Record<
    string,
    unknown
  >;
  const changes = migrate(stored);
  if (Object.keys(changes).length) await browser.storage.local.set(changes);
}
