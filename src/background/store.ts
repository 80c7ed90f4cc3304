/**
 * Everything Footnote keeps in extension storage, each under its own key so a settings change never rewrites a
 * large imported pack: `settings`, `wrongMatches`, `userPack`, plus `schemaVersion` for migrations
 * (./migrations.ts). Writes are whole-value `set` calls, which the storage API applies atomically.
 */
import type { Claim, PackMeta, Source } from '../core/pack/schema.ts';
import { browser } from '../shared/browser.ts';
import type { WrongMatch } from '../shared/messages.ts';
import { normalizeSettings, type Settings } from '../shared/settings.ts';

/** A pack the user imported from the options page; merged with the bundled pack. */
export interface UserPack {
  meta: PackMeta & { file: string; imported: string };
  sources: Source[];
  claims: Claim[];
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get('settings');
  return normalizeSettings(got.settings);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ settings: next });
  return next;
}

export async function loadWrongMatches(): Promise<WrongMatch[]> {
  const got = await browser.storage.local.get('wrongMatches');
  return Array.isArray(got.wrongMatches) ? (got.wrongMatches as WrongMatch[]) : [];
}

export async function saveWrongMatches(list: WrongMatch[]): Promise<void> {
  await browser.storage.local.set({ wrongMatches: list });
}

export async function loadUserPack(): Promise<UserPack | null> {
  const got = await browser.storage.local.get('userPack');
  const p = got.userPack as UserPack | undefined;
  return p && Array.isArray(p.claims) && Array.isArray(p.sources) ? p : null;
}

/** Replace the imported pack in one write. A quota error comes back as a message the user can act on. */
export async function saveUserPack(pack: UserPack | null): Promise<void> {
  try {
    if (pack) await browser.storage.local.set({ userPack: pack });
    else await browser.storage.local.remove('userPack');
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    if (/quota|QUOTA_BYTES|storage/i.test(msg))
      throw new Error(`not enough storage to keep this pack (${msg}); the current pack is unchanged`);
    throw e;
  }
}
