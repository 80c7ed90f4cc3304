/**
 * The pack bundled with the extension: a JSON file in the package (see `footnotePack` in vite.config.ts), read
 * from the extension itself, never from the network.
 */
import file from 'virtual:footnote-pack';
import type { Pack } from '../core/pack/schema.ts';
import { browser } from '../shared/browser.ts';

export async function loadBundledPack(): Promise<Pack> {
  const url = browser.runtime.getURL(file);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`the bundled pack ${file} could not be read (${res.status})`);
  return (await res.json()) as Pack;
}
