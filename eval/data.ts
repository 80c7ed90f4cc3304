/**
 * Loaders for the CheckThat! 2022 task 2A/2B data in ../shared/data (read in place, never copied into the repo).
 * Node-only: this is the eval side of the claim engine; src/core/claims never touches the file system.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClaimDoc } from '../src/core/claims/api';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = resolve(HERE, '../../shared/data');
export const DIR_2A = join(DATA_DIR, 'checkthat2022-task2a-en');
export const DIR_2B = join(DATA_DIR, 'checkthat2022-task2b-en');
export const DIR_NEWS_TEXT = join(DATA_DIR, 'news-pages-newspaper/text');

export type Split = 'train' | 'dev' | 'dev-test' | 'test';

export interface Query {
  split: Split;
  id: string;
  text: string;
  /** ISO date of the sentence (tweet date, debate date) when known. */
  date?: string;
  /** Who said it (transcript speaker) when known. */
  speaker?: string;
  /** Relevant claim ids. Empty for sentences that repeat no claim. */
  gold: string[];
}

export interface Dataset {
  name: string;
  claims: ClaimDoc[];
  queries: Query[];
}

export function dataAvailable(): boolean {
  return existsSync(DIR_2A) && existsSync(DIR_2B);
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function readTsv(path: string): string[][] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  return lines.slice(1).map((l) => l.split('\t'));
}

function qrels(path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [split, qid, cid] of readTsv(path)) {
    const key = `${split}\t${qid}`;
    out.set(key, [...(out.get(key) ?? []), cid as string]);
  }
  return out;
}

const ISO_MONTH: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** "— Name (@handle) January 14, 2020" at the end of an embedded tweet: the tweet date, ISO. */
export function tweetDate(text: string): string | undefined {
  const m = /([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const mon = ISO_MONTH[(m[1] as string).slice(0, 3).toLowerCase()];
  return mon ? `${m[3]}-${mon}-${(m[2] as string).padStart(2, '0')}` : undefined;
}

export function load2A(): Dataset {
  type Row = { vclaim_id: string; vclaim: string; title: string; subtitle: string; author: string; date: string };
  const claims: ClaimDoc[] = readJsonl<Row>(join(DIR_2A, 'vclaims.jsonl')).map((r) => ({
    id: r.vclaim_id,
    text: r.vclaim,
    title: r.title,
    // Snopes subtitles are one-line summaries of the claim: the closest thing 2A has to key phrases.
    phrases: r.subtitle ? [r.subtitle.replace(/^Rumor:\s*/, '')] : [],
    // Snopes gives the article date, i.e. when the claim was reviewed (not when it was first made).
    reviewDate: r.date,
  }));
  const gold = qrels(join(DIR_2A, 'qrels.tsv'));
  const queries: Query[] = readTsv(join(DIR_2A, 'queries.tsv')).map(([split, id, text]) => {
    const q: Query = {
      split: split as Split,
      id: id as string,
      text: text as string,
      gold: gold.get(`${split}\t${id}`) ?? [],
    };
    const date = tweetDate(text as string);
    if (date) q.date = date;
    return q;
  });
  return { name: '2A', claims, queries };
}

/** "20121023_third_presidential_debate_0959" or "2019_nov_21_fact-checking-…_0235" → ISO date. */
export function debateDate(id: string): string | undefined {
  const a = /^(\d{4})(\d{2})(\d{2})_/.exec(id);
  if (a) return `${a[1]}-${a[2]}-${a[3]}`;
  const b = /^(\d{4})_([a-z]{3})_(\d{2})/.exec(id);
  if (b) return `${b[1]}-${ISO_MONTH[b[2] as string]}-${b[3]}`;
  return undefined;
}

export interface TranscriptLine {
  /** Transcript key: "2019_nov_21" (the date part shared by dev-test and test query ids). */
  key: string;
  file: string;
  line: number;
  speaker: string;
  text: string;
}

export function loadTranscripts(): TranscriptLine[] {
  const dir = join(DIR_2B, 'transcripts');
  const out: TranscriptLine[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    const key = file.slice(0, 11);
    for (const l of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const [no, speaker, text] = l.split('\t');
      if (!no || !text || !/^\d+$/.test(no)) continue;
      out.push({ key, file: file.replace(/\.tsv$/, ''), line: Number(no), speaker: speaker ?? '', text });
    }
  }
  return out;
}

/** (transcript key, line) of a dev-test/test query id: "2019_nov_21_235" and "2019_nov_21_fact-…_0235" agree. */
export function transcriptRef(id: string): string | undefined {
  const m = /^(\d{4}_[a-z]{3}_\d{2})_(?:.*_)?(\d+)$/.exec(id);
  return m ? `${m[1]}#${Number(m[2])}` : undefined;
}

/**
 * Detection gold over the transcripts: "key#line" → the claims its dev-test/test queries link. Gold rows whose
 * query text is missing from queries.tsv still mark their transcript line.
 */
export function transcriptGold(ds: Dataset): Map<string, string[]> {
  const gold = new Map<string, string[]>();
  for (const q of ds.queries.filter((x) => x.split === 'dev-test' || x.split === 'test')) {
    const ref = transcriptRef(q.id);
    if (ref && q.gold.length) gold.set(ref, [...(gold.get(ref) ?? []), ...q.gold]);
  }
  return gold;
}

/**
 * The one speaker of a single-person event, read from the event name in a TRAIN/DEV query id
 * ("20170126_Trump_ABC_0123" → Donald Trump). Debates with several speakers give nothing: there are no
 * transcripts for the TRAIN/DEV events, so this is the only speaker information those splits have.
 */
export function eventSpeaker(id: string): string | undefined {
  const m = /^\d{8}_(trump|trumo|tump|obama|hillary|sanders|cruz|kasich)_/i.exec(id);
  if (!m) return undefined;
  const who = (m[1] as string).toLowerCase();
  return (
    {
      trump: 'Donald Trump',
      trumo: 'Donald Trump',
      tump: 'Donald Trump',
      obama: 'Barack Obama',
      hillary: 'Hillary Clinton',
      sanders: 'Bernie Sanders',
      cruz: 'Ted Cruz',
      kasich: 'John Kasich',
    } as Record<string, string>
  )[who];
}

export function load2B(): Dataset {
  type Row = {
    vclaim_id: string;
    vclaim: string;
    speaker: string;
    claim_date: string;
    review_date: string;
    title: string;
  };
  const claims: ClaimDoc[] = readJsonl<Row>(join(DIR_2B, 'vclaims.jsonl')).map((r) => ({
    id: r.vclaim_id,
    text: r.vclaim,
    title: r.title,
    claimant: r.speaker,
    date: r.claim_date,
    reviewDate: r.review_date,
  }));
  const gold = qrels(join(DIR_2B, 'qrels.tsv'));
  const speakers = new Map<string, string>();
  if (existsSync(join(DIR_2B, 'transcripts'))) {
    for (const t of loadTranscripts()) speakers.set(`${t.key}#${t.line}`, t.speaker);
  }
  const queries: Query[] = readTsv(join(DIR_2B, 'queries.tsv')).map(([split, id, text]) => {
    const q: Query = {
      split: split as Split,
      id: id as string,
      text: text as string,
      gold: gold.get(`${split}\t${id}`) ?? [],
    };
    const date = debateDate(id as string);
    if (date) q.date = date;
    const ref = transcriptRef(id as string);
    const speaker = (ref ? speakers.get(ref) : undefined) ?? eventSpeaker(id as string);
    if (speaker) q.speaker = speaker;
    return q;
  });
  return { name: '2B', claims, queries };
}

/** Plain sentences from the newspaper3k test articles (Dec 2014): generic news text that repeats no 2B claim. */
export function loadNewsText(): string[] {
  if (!existsSync(DIR_NEWS_TEXT)) return [];
  return readdirSync(DIR_NEWS_TEXT)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(DIR_NEWS_TEXT, f), 'utf8'));
}
