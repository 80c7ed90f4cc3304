/**
 * The saved real pages in ../shared/data/news-pages* folders (each folder's index.jsonl), as paths the static test
 * server serves under /shared/. Used by the real-page sweep and the in-browser benchmark.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './server.ts';

export const DATA = join(SHARED, 'data');

export interface RealPage {
  /** "<folder>/<page>", unique and short enough for reports. */
  id: string;
  /** Absolute path of the HTML file. */
  file: string;
  /** Path on the static server (append to its url). */
  urlPath: string;
  /** Category where the folder assigns one (news-en, article-en, …). */
  category?: string;
  /** Size of the saved HTML in bytes. */
  bytes: number;
}

interface IndexRow {
  name?: string;
  file?: string;
  category?: string;
}

/** The news-pages* folders present (none when ../shared is absent). */
export function realPageFolders(): string[] {
  if (!existsSync(DATA)) return [];
  return readdirSync(DATA)
    .filter((d) => d.startsWith('news-pages') && existsSync(join(DATA, d, 'index.jsonl')))
    .sort();
}

/** Every page listed in the folders' indexes whose file exists, in index order. */
export function realPages(folders: readonly string[] = realPageFolders()): RealPage[] {
  const out: RealPage[] = [];
  for (const folder of folders) {
    const lines = readFileSync(join(DATA, folder, 'index.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    for (const line of lines) {
      const row = JSON.parse(line) as IndexRow;
      // news-pages (Readability) lists directories by `name`; the other folders list HTML files by `file`.
      const rel = row.file ?? (row.name ? `${row.name}/source.html` : null);
      if (!rel) continue;
      const file = join(DATA, folder, rel);
      if (!existsSync(file)) continue;
      const page = rel
        .replace(/\/source\.html$/, '')
        .replace(/^html\//, '')
        .replace(/\.html?$/, '');
      out.push({
        id: `${folder}/${page}`,
        file,
        urlPath: `/shared/data/${folder}/${rel.split('/').map(encodeURIComponent).join('/')}`,
        category: row.category,
        bytes: statSync(file).size,
      });
    }
  }
  return out;
}

/**
 * Init script that makes a saved page behave the same on every load: some pages' inline scripts write the time
 * or a random number into the document (cache-busting URLs in document.write, "cb=<Date.now()>"), which would
 * make two loads differ whatever else happens. In the page's main world only: a content script's isolated world
 * keeps the real Date and Math.random. The clock starts at a fixed instant and advances 1 ms per reading, so
 * scripts that wait on it still finish.
 *
 * It also holds back, until just after DOMContentLoaded, the failure of a script from off this machine (the
 * sweep's network is closed, so such a script fails at once): whether that failure reaches the page before or
 * after parsing ends is a race that a loaded machine decides either way. One saved page replaces its article with
 * an ad-blocker notice when its paywall script fails before DOMContentLoaded, and did so in one browser and not
 * the other of a pair. Held, the failure always comes after, as it does on an idle machine.
 */
export const DETERMINISTIC_INIT = `(() => {
  let seed = 0x2f6e2b1;
  Math.random = function random() {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const RealDate = Date;
  let tick = RealDate.UTC(2026, 0, 1);
  const now = () => tick++;
  function FakeDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
  }
  FakeDate.prototype = RealDate.prototype;
  FakeDate.now = now;
  FakeDate.UTC = RealDate.UTC;
  FakeDate.parse = RealDate.parse;
  window.Date = FakeDate;
  if (document.readyState === 'loading') {
    const held = [];
    const offMachine = (src) => {
      try {
        return new URL(src, location.href).host !== location.host;
      } catch {
        return false;
      }
    };
    const hold = (e) => {
      const t = e.target;
      if (!e.isTrusted || !(t instanceof HTMLScriptElement) || !t.src || !offMachine(t.src)) return;
      e.stopImmediatePropagation();
      held.push(t);
    };
    window.addEventListener('error', hold, true);
    document.addEventListener('DOMContentLoaded', () => {
      window.removeEventListener('error', hold, true);
      setTimeout(() => {
        for (const s of held) s.dispatchEvent(new Event('error'));
      }, 0);
    }, { once: true });
  }
})();`;
