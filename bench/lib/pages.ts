/**
 * The English news pages of ../shared/data as the extension reads them: each saved page parsed with
 * src/node/html.ts (happy-dom + the content script's own extractor), so the text is block for block what the
 * engine gets in the browser.
 *
 * Parsing ~320 pages with happy-dom costs about a minute of CPU, so the extracted blocks are cached in
 * bench-output/ (git-ignored, never committed), keyed by the pages' sizes and dates and by the extractor's source.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../src/node/html.ts';
import { REPO_DIR, readJsonl } from './data.ts';

export interface NewsPage {
  /** "news-pages/bbc-1", "news-pages-mercury/www.cnn.com.html". */
  id: string;
  lang: string | undefined;
  blocks: string[];
  /** UTF-8 bytes of the blocks' text (what MB/s figures count). */
  bytes: number;
}

interface IndexRow {
  name?: string;
  file?: string;
  category?: string;
}

/** Paths of the English news pages: news-pages (category news-en) and the news-pages-* corpora. */
export function newsPageFiles(dataDir: string): Array<{ id: string; path: string }> {
  const out: Array<{ id: string; path: string }> = [];
  const corpus = (dir: string, keep: (r: IndexRow) => boolean, file: (r: IndexRow) => string) => {
    for (const r of readJsonl<IndexRow>(join(dataDir, dir, 'index.jsonl'))) {
      if (keep(r)) out.push({ id: `${dir}/${r.name ?? r.file}`, path: join(dataDir, dir, file(r)) });
    }
  };
  corpus(
    'news-pages',
    (r) => r.category === 'news-en',
    (r) => `${r.name}/source.html`,
  );
  corpus(
    'news-pages-mercury',
    (r) => r.category === 'news-en',
    (r) => r.file as string,
  );
  corpus(
    'news-pages-newspaper',
    () => true,
    (r) => r.file as string,
  );
  corpus(
    'news-pages-trafilatura',
    () => true,
    (r) => r.file as string,
  );
  return out;
}

export async function loadNewsPages(dataDir: string, cacheFile?: string): Promise<NewsPage[]> {
  const files = newsPageFiles(dataDir);
  const key = cacheKey(files.map((f) => f.path));
  if (cacheFile && existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; pages: NewsPage[] };
      if (cached.key === key) return cached.pages;
    } catch {
      // An unreadable cache is rebuilt below.
    }
  }
  const pages: NewsPage[] = [];
  for (const { id, path } of files) {
    const page = parseHtml(readFileSync(path, 'utf8'));
    const blocks = page.blocks.map((b) => b.text);
    pages.push({ id, lang: page.lang, blocks, bytes: blocks.reduce((n, b) => n + Buffer.byteLength(b, 'utf8'), 0) });
    page.close();
    // happy-dom's close() finishes asynchronously: without this yield every window (~15 MB each) stays alive
    // until the loop ends, and 320 pages exhaust the heap.
    await new Promise((r) => setImmediate(r));
  }
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify({ key, pages }));
  return pages;
}

function cacheKey(paths: string[]): string {
  const h = createHash('sha256');
  for (const f of ['src/content/extract.ts', 'src/node/html.ts']) h.update(readFileSync(join(REPO_DIR, f)));
  for (const p of paths) {
    const st = statSync(p);
    h.update(`${p}\t${st.size}\t${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}
