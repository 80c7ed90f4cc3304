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

/** An entity mention predicted on the page text. */
export interface Mention {
  id: string;
  text: string;
  start: number;
  end: number;
}

export type Predictor = (path: string) => { text: string; mentions: Mention[] };

/** Predict with the engine (the product's behaviour). */
export function engineMentions(engine: Engine, opts: { exact?: boolean } = {}): Predictor {
  return (path) => {
    const page = parseHtml(readFileSync(path, 'utf8'));
    const mentions = engine
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
    return { text, mentions };
  };
}

/**
 * The naive baseline: every alias of the pack as a case-insensitive whole-word pattern over the page text,
 * longest first, no overlaps, the first entity that owns a spelling wins — no casing, ambiguity or context rules.
 */
export function naiveMentions(engine: Engine): Predictor {
  const aliases: Array<{ text: string; id: string }> = [];
  for (const e of engine.pack.entities) {
    for (const t of new Set([e.name, ...(e.aliases ?? []).map((a) => a.text)])) aliases.push({ text: t, id: e.id });
  }
  aliases.sort((a, b) => b.text.length - a.text.length);
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = aliases.map((a) => ({
    id: a.id,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(a.text)}(?![\\p{L}\\p{N}])`, 'giu'),
  }));
  return (path) => {
    const page = parseHtml(readFileSync(path, 'utf8'));
    const text = page.text;
    page.close();
    const taken = new Uint8Array(text.length);
    const mentions: Mention[] = [];
    for (const p of patterns) {
      for (const m of text.matchAll(p.re)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (taken.subarray(start, end).some((x) => x)) continue;
        taken.fill(1, start, end);
        mentions.push({ id: p.id, text: m[0], start, end });
      }
    }
    return { text, mentions: mentions.sort((a, b) => a.start - b.start) };
  };
}

export function scoreGold(engine: Engine, gold: GoldFile, path: string, opts: { exact?: boolean } = {}): GoldScore {
  return scoreMentions(engineMentions(engine, opts)(path), gold);
}

export function scoreMentions(
  { text, mentions: predicted }: { text: string; mentions: Mention[] },
  gold: GoldFile,
): GoldScore {
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
  const fp = predicted.length - tp;
  for (const p of predicted.filter((_, k) => !used.has(k))) errors.push(`extra: "${p.text}" at ${p.start} → ${p.id}`);
  for (const decoy of gold.decoys) {
    for (let at = text.indexOf(decoy); at >= 0; at = text.indexOf(decoy, at + 1)) {
      const hit = predicted.find((p) => p.start < at + decoy.length && p.end > at);
      if (hit) errors.push(`decoy: "${decoy}" at ${at} annotated as ${hit.id}`);
    }
  }
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
