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
