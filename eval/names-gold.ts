/**
 * Name-matching evaluation against hand-written gold files (test/gold/*.json): for each page, every expected
 * mention [text, entity] in document order and the decoys that must stay unannotated. Used by the unit test
 * (precision and recall must be 1.0) and by `npm run eval`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Engine } from '../src/core/engine.ts';
import { parseHtml } from '../src/node/html.ts';

const ROOT = resolve(new URL('..', import.meta.url).pathname);

export interface GoldFile {
  page: string;
  mentions: Array<[string, string]>;
  decoys: string[];
}

export interface GoldScore {
  page: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Human-readable differences: "missed …", "extra …", "wrong …", "decoy …". */
  errors: string[];
}

export function goldFiles(): Array<{ name: string; gold: GoldFile; path: string }> {
  const dir = join(ROOT, 'test', 'gold');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldFile;
      return { name: f.replace(/\.json$/, ''), gold, path: resolve(ROOT, gold.page) };
    })
    .filter((g) => existsSync(g.path));
}

export function scoreGold(engine: Engine, gold: GoldFile, path: string, opts: { exact?: boolean } = {}): GoldScore {
  const page = parseHtml(readFileSync(path, 'utf8'));
  const predicted = engine
    .annotateBlocks(
      page.blocks.map((b) => b.text),
      { lang: page.lang, exact: opts.exact },
    )
    .flatMap((list, i) =>
      list
        .filter((a) => a.kind === 'entity')
        .map((a) => ({ ...a, start: a.start + page.offsets[i], end: a.end + page.offsets[i] })),
    );
  const text = page.text;
  page.close();
  const used = new Set<number>();
  const errors: string[] = [];
  let tp = 0;
  let fn = 0;
  let cursor = 0;
  for (const [mention, entity] of gold.mentions) {
    const at = text.indexOf(mention, cursor);
    if (at < 0) {
      errors.push(`gold mention "${mention}" not found in the page text after offset ${cursor}`);
      fn++;
      continue;
    }
    cursor = at + mention.length;
    const overlap = predicted.findIndex((p, k) => !used.has(k) && p.start < at + mention.length && p.end > at);
    if (overlap >= 0 && predicted[overlap].id === entity) {
      used.add(overlap);
      tp++;
    } else {
      fn++;
      if (overlap >= 0) {
        used.add(overlap);
        errors.push(`wrong: "${mention}" at ${at} is ${entity}, got ${predicted[overlap].id}`);
      } else errors.push(`missed: "${mention}" at ${at} (${entity})`);
    }
  }
  const extra = predicted.filter(
    (_, k) => !used.has(k) || errors.some((e) => e.startsWith('wrong') && e.includes(`got ${predicted[k].id}`)),
  );
  const fp = predicted.length - tp;
  for (const p of predicted.filter((_, k) => !used.has(k))) errors.push(`extra: "${p.text}" at ${p.start} → ${p.id}`);
  for (const decoy of gold.decoys) {
    for (let at = text.indexOf(decoy); at >= 0; at = text.indexOf(decoy, at + 1)) {
      const hit = predicted.find((p) => p.start < at + decoy.length && p.end > at);
      if (hit) errors.push(`decoy: "${decoy}" at ${at} annotated as ${hit.id}`);
    }
  }
  void extra;
  return {
    page: gold.page,
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    errors,
  };
}
