/**
 * Claims for the scale pack: CheckThat! 2022 2A (Snopes) and 2B (PolitiFact) verified claims and LIAR statements.
 *
 * Each claim gets one source of its own: the real fact-check URL when the data has one, else the dataset's
 * documentation page named in its README (never an invented per-row URL). A review is recorded only where the data
 * has both its URL and its rating (2B); Snopes rows carry no rating and LIAR rows no URL.
 */
import type { Claim, ClaimReviewRecord, Source, Verdict } from '../../../src/core/pack/schema.ts';
import { LIMITS } from '../../../src/core/pack/validate.ts';
import { dataPath, readJsonl } from '../data.ts';
import { DOCS } from './sources.ts';
import { cleanText, parseDayMonthYear, slug, validDate } from './util.ts';

interface SnopesRow {
  vclaim_id: string;
  vclaim: string;
  title?: string;
  date?: string;
  page_url?: string | null;
}
interface PolitiFactRow {
  vclaim_id: string;
  vclaim: string;
  speaker?: string;
  truth_label: string;
  claim_date?: string;
  claim_context?: string;
  review_date?: string;
  review_url?: string;
  title?: string;
}
interface LiarRow {
  id: string;
  label: string;
  statement: string;
  speaker?: string;
  context?: string;
  politifact_statement_id: string;
}

/** PolitiFact's labels (Truth-O-Meter and Flip-O-Meter): its own wording and our scale. */
const POLITIFACT: Record<string, [string, Verdict]> = {
  true: ['True', 'accurate'],
  'mostly-true': ['Mostly True', 'mostly-accurate'],
  'half-true': ['Half True', 'needs-context'],
  'barely-true': ['Mostly False', 'misleading'],
  false: ['False', 'false'],
  'pants-fire': ['Pants on Fire!', 'false'],
  'full-flop': ['Full Flop', 'needs-context'],
  'half-flip': ['Half Flip', 'needs-context'],
  'no-flip': ['No Flip', 'needs-context'],
};

// LIAR v1.0 README date (README.original.txt: "v1.0 04/23/2017").
const LIAR_DATE = '2017-04-23';
const CHECKTHAT_DATE = '2022-07-01';

export interface ClaimSet {
  claims: Claim[];
  sources: Source[];
}

export function readClaims(dataDir: string): ClaimSet {
  const out: ClaimSet = { claims: [], sources: [] };
  const ids = new Set<string>();
  const add = (base: string, claim: Omit<Claim, 'id' | 'sources'>, src: Omit<Source, 'id'>) => {
    let id = `claim-${base}`;
    for (let n = 2; ids.has(id); n++) id = `claim-${base}-${n}`;
    ids.add(id);
    const sid = `src-${id.slice('claim-'.length)}`;
    out.sources.push({ id: sid, ...src });
    out.claims.push({ id, ...claim, sources: [sid] });
  };
  for (const r of readJsonl<SnopesRow>(dataPath(dataDir, 'checkthat2022-task2a-en/vclaims.jsonl'))) snopes(r, add);
  for (const r of readJsonl<PolitiFactRow>(dataPath(dataDir, 'checkthat2022-task2b-en/vclaims.jsonl'))) pf(r, add);
  for (const r of readJsonl<LiarRow>(dataPath(dataDir, 'liar/liar.jsonl.gz'))) liar(r, add);
  return out;
}

type Add = (base: string, claim: Omit<Claim, 'id' | 'sources'>, src: Omit<Source, 'id'>) => void;
const long = (s: unknown) => cleanText(s, LIMITS.longText);

function snopes(r: SnopesRow, add: Add): void {
  const text = long(r.vclaim);
  if (!text) return;
  const date = parseDayMonthYear(r.date);
  const title = long(r.title);
  const url = r.page_url?.startsWith('https://') ? r.page_url : undefined;
  const context = `Fact-checked by Snopes${date ? ` (${date})` : ''}; the rating is not part of the CheckThat! 2022 data.`;
  add(
    `sno-${slug(r.vclaim_id.replace(/^vclaim-sno-/, ''), 80)}`,
    { text, ...(title ? { title } : {}), reviews: [], verdict: 'needs-context', context },
    url
      ? { url, publisher: 'Snopes', title: cleanText(r.title) ?? text.slice(0, 200), date: date ?? CHECKTHAT_DATE }
      : {
          url: DOCS.checkthat,
          publisher: 'CheckThat! Lab 2022, task 2A (Snopes claims)',
          title: `CheckThat! 2022 task 2A verified claim ${r.vclaim_id}`,
          date: date ?? CHECKTHAT_DATE,
        },
  );
}

function pf(r: PolitiFactRow, add: Add): void {
  const text = long(r.vclaim);
  const label = POLITIFACT[r.truth_label];
  const url = r.review_url?.startsWith('https://') ? r.review_url : undefined;
  const reviewDate = validDate(r.review_date);
  if (!text || !label) return;
  const [rating, verdict] = label;
  const title = long(r.title);
  const reviews: ClaimReviewRecord[] =
    url && reviewDate
      ? [{ publisher: 'PolitiFact', url, date: reviewDate, rating, verdict, ...(title ? { title } : {}) }]
      : [];
  const speaker = cleanText(r.speaker);
  const date = validDate(r.claim_date);
  const where = cleanText(r.claim_context);
  add(
    `pol-${slug(r.vclaim_id.replace(/^vclaim-pol-/, ''))}`,
    {
      text,
      ...(title ? { title } : {}),
      ...(speaker ? { claimant: { name: speaker } } : {}),
      ...(date ? { date } : {}),
      ...(where || date ? { appearances: [{ ...(where ? { where } : {}), ...(date ? { date } : {}) }] } : {}),
      reviews,
      verdict,
      context: `PolitiFact rated this "${rating}"${reviewDate ? ` on ${reviewDate}` : ''}.`,
    },
    url
      ? {
          url,
          publisher: 'PolitiFact',
          title: cleanText(r.title) ?? text.slice(0, 200),
          date: reviewDate ?? CHECKTHAT_DATE,
        }
      : {
          url: DOCS.checkthat,
          publisher: 'CheckThat! Lab 2022, task 2B (PolitiFact claims)',
          title: `CheckThat! 2022 task 2B verified claim ${r.vclaim_id}`,
          date: CHECKTHAT_DATE,
        },
  );
}

function liar(r: LiarRow, add: Add): void {
  const text = long(r.statement);
  const label = POLITIFACT[r.label];
  if (!text || !label) return;
  const [rating, verdict] = label;
  const speaker = r.speaker ? speakerName(r.speaker) : undefined;
  const where = cleanText(r.context);
  add(
    `liar-${slug(r.politifact_statement_id)}`,
    {
      text,
      ...(speaker ? { claimant: { name: speaker } } : {}),
      ...(where ? { appearances: [{ where }] } : {}),
      reviews: [],
      verdict,
      context: `PolitiFact rated this "${rating}" (LIAR dataset, Wang 2017); the data has no review URL or date.`,
    },
    {
      url: DOCS.liar,
      publisher: 'LIAR dataset (Wang 2017), PolitiFact statements',
      title: `LIAR statement ${r.id}`,
      date: LIAR_DATE,
    },
  );
}

/** LIAR speakers are slugs ("barack-obama"); the display form is our best reading of them. */
function speakerName(s: string): string | undefined {
  return cleanText(
    s
      .split('-')
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' '),
  );
}
