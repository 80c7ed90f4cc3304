/**
 * Shared pieces of the claim importers: one flat "review row" shape every format is mapped to, and one
 * function that turns such a row into a pack Claim (+ its Source) or explains exactly why it cannot.
 * Importers never throw on bad input: every rejected record comes back as a PackIssue.
 */
import type { Claim, Source, Verdict } from '../pack/schema.ts';
import { checkDate, checkUrl, LIMITS, type PackIssue, validatePackFiles } from '../pack/validate.ts';

/** A fact-check as the importers see it, whatever the input format. */
export interface ReviewRow {
  text?: unknown;
  claimant?: unknown;
  claimDate?: unknown;
  appearanceUrl?: unknown;
  where?: unknown;
  publisher?: unknown;
  url?: unknown;
  reviewDate?: unknown;
  rating?: unknown;
  title?: unknown;
  language?: unknown;
}

/** Where the records came from when they carry no review URL of their own (e.g. a research data set). */
export interface FallbackSource {
  url: string;
  publisher: string;
  title: string;
  date: string;
}

export interface ImportOptions {
  file: string;
  today: string;
  fallbackSource?: FallbackSource;
  /** The fact-checker behind records that do not name one (e.g. "PolitiFact" for the LIAR data set). */
  reviewer?: string;
}

export interface ImportResult {
  claims: Claim[];
  sources: Source[];
  issues: PackIssue[];
  /** Records seen (accepted + rejected). */
  total: number;
}

// Publisher wordings → our scale. Checked in order; the first pattern that matches wins.
const VERDICT_PATTERNS: Array<[RegExp, Verdict]> = [
  [
    /pants on fire|pants-fire|\bfake\b|fabricat|\bhoax|\bscam\b|\bfalse\b|incorrect|\bwrong\b|not true|untrue|debunk|falso|faux|falsch/i,
    'false',
  ],
  [
    /mostly false|barely true|barely-true|misleading|distort|exaggerat|spin|cherry|out of context|miscaptioned|manipulated|irref/i,
    'misleading',
  ],
  [
    /half true|half-true|mixture|mixed|partly|partially|missing context|needs context|lacks context|context/i,
    'needs-context',
  ],
  [
    /unproven|unsupported|unverified|no evidence|insufficient|unsubstantiated|cannot be verified|research in progress/i,
    'unsupported',
  ],
  [/disputed|contested|in dispute/i, 'disputed'],
  [/mostly true|mostly-true|mostly accurate|largely accurate|largely true/i, 'mostly-accurate'],
  [/\btrue\b|correct|accurate|\bright\b|verified|confirmed|legit|\bvrai\b|wahr|verdadero/i, 'accurate'],
  [/flip|flop/i, 'needs-context'],
  [/pending|under review|in progress/i, 'pending'],
];

/** Normalise a publisher's rating wording; unknown wordings read as "needs context" (the publisher's words are kept). */
export function normalizeVerdict(rating: string): Verdict {
  // "Mostly false" must not read as "false" nor "mostly true" as "true": test the qualified forms first.
  if (/mostly false|barely true|barely-true/i.test(rating)) return 'misleading';
  if (/mostly true|mostly-true|mostly accurate|largely (?:true|accurate)/i.test(rating)) return 'mostly-accurate';
  if (/half[ -]true/i.test(rating)) return 'needs-context';
  for (const [re, v] of VERDICT_PATTERNS) if (re.test(rating)) return v;
  return 'needs-context';
}

/** Our display wording for dataset labels written as slugs ("pants-fire" → "Pants on Fire"). */
export function prettyRating(rating: string): string {
  const known: Record<string, string> = {
    'pants-fire': 'Pants on Fire',
    'barely-true': 'Mostly False',
    'half-true': 'Half True',
    'mostly-true': 'Mostly True',
    'full-flop': 'Full Flop',
    'half-flip': 'Half Flip',
    'no-flip': 'No Flip',
  };
  const k = rating.trim().toLowerCase();
  if (known[k]) return known[k];
  return rating.trim().replace(/^\w/, (c) => c.toUpperCase());
}

/** FNV-1a, 32 bit, hex: a short stable fingerprint for ids (not security). */
/**
 * Two independent 32-bit FNV-1a hashes (different offset bases), 16 hex digits: a stable fingerprint for ids. At
 * 64 bits, collisions among even millions of imported records are negligible (32 bits alone were not at 19k).
 */
export function fingerprint(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function slug(s: string, max = 24): string {
  const out = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return out || 'x';
}

/** Common date spellings → ISO ("2019-10-30T00:00:00Z", "30 October 2019", "Oct 30, 2019"). Null if not a date. */
export function isoDate(v: unknown): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  const s = v.trim();
  // An ISO prefix, then the end or a time part: "12345-01-01" is no date.
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ])/.exec(s);
  if (m) return m[0];
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

// Control characters other than white space (which is collapsed) carry nothing and fail pack validation.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of this pattern
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

const str = (v: unknown): string | undefined => {
  const s = typeof v === 'string' ? v.replace(CONTROL, '').trim() : '';
  return s ? s.replace(/\s+/g, ' ') : undefined;
};

/** Cut to at most `max` code units without leaving half a surrogate pair or white space at the end. */
const clip = (s: string, max: number): string => {
  const cut = s.length > max && /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, cut).trim();
};

/**
 * A value for a message. Not String(v): a list nested 10k deep overflows the stack in Array#join.
 */
const shown = (v: unknown): string =>
  typeof v === 'string'
    ? `"${v.slice(0, 40)}"`
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object' && v !== null
        ? 'an object'
        : String(v);

/** Build the claim for one row, or the issues explaining why not. `record` names the row ("#12", "line 40"). */
export function claimFromRow(
  row: ReviewRow,
  record: string,
  opts: ImportOptions,
): { claim?: Claim; source?: Source; issues: PackIssue[] } {
  const issues: PackIssue[] = [];
  const bad = (field: string, message: string) => issues.push({ file: opts.file, record, field, message });
  const text = str(row.text);
  if (!text) bad('claimReviewed', 'missing: the claim as worded is required');
  else if (text.length > LIMITS.longText) bad('claimReviewed', `longer than ${LIMITS.longText} characters`);
  const rating = str(row.rating);
  const publisher = str(row.publisher) ?? opts.reviewer;
  const urlText = str(row.url);
  const urlError = urlText ? checkUrl(urlText) : null;
  if (urlText && urlError) bad('url', urlError);
  const reviewDate = isoDate(row.reviewDate);
  if (row.reviewDate !== undefined && row.reviewDate !== '' && !reviewDate)
    bad('reviewDate', `${shown(row.reviewDate)} is not a date`);
  const dateProblem = reviewDate ? checkDate(reviewDate, opts.today) : null;
  if (dateProblem) bad('reviewDate', dateProblem);
  const claimDate = isoDate(row.claimDate);
  const claimDateProblem = claimDate ? checkDate(claimDate, opts.today) : null;
  if (claimDateProblem) bad('claimDate', claimDateProblem);
  const hasReview = Boolean(urlText && !urlError && publisher && rating && reviewDate);
  if (!hasReview && !opts.fallbackSource) {
    const missing = [
      !urlText && 'url',
      !publisher && 'publisher',
      !rating && 'rating',
      !reviewDate && 'reviewDate',
    ].filter(Boolean);
    if (missing.length)
      bad(
        missing.join(', '),
        'missing: a claim needs a fact-check with url, publisher, rating and date (or a fallback source for the whole import)',
      );
  }
  if (!rating) {
    if (!issues.some((i) => i.field.includes('rating'))) bad('rating', 'missing: without a rating there is no verdict');
  }
  if (issues.length || !text || !rating) return { issues };

  const verdict = normalizeVerdict(rating);
  const wording = prettyRating(rating);
  const headline = str(row.title) && clip(str(row.title) as string, LIMITS.longText);
  let source: Source;
  const reviews: Claim['reviews'] = [];
  if (hasReview) {
    const url = urlText as string;
    const title = headline ?? `${publisher} fact-check`;
    source = {
      id: `src-imp-${fingerprint(url)}`,
      url,
      publisher: publisher as string,
      title: clip(title, LIMITS.shortText),
      date: reviewDate as string,
    };
    reviews.push({
      publisher: publisher as string,
      url,
      date: reviewDate as string,
      rating: wording,
      verdict,
      ...(headline ? { title: headline } : {}),
    });
  } else {
    const f = opts.fallbackSource as FallbackSource;
    source = { id: `src-imp-${fingerprint(f.url)}`, ...f };
  }
  const who = publisher ?? source.publisher;
  const when = reviewDate ? ` on ${reviewDate}` : '';
  const claimant = str(row.claimant);
  const id = `claim-${slug(who, 16)}-${fingerprint(`${urlText ?? ''}|${text}`)}`;
  const claim: Claim = {
    id,
    text,
    ...(headline ? { title: headline } : {}),
    ...(claimant ? { claimant: { name: clip(claimant, LIMITS.shortText) } } : {}),
    ...(claimDate ? { date: claimDate } : {}),
    ...(str(row.where) || str(row.appearanceUrl)
      ? {
          appearances: [
            {
              ...(str(row.appearanceUrl) && !checkUrl(str(row.appearanceUrl)) ? { url: str(row.appearanceUrl) } : {}),
              ...(str(row.where) ? { where: clip(str(row.where) as string, LIMITS.shortText) } : {}),
              ...(claimDate ? { date: claimDate } : {}),
            },
          ],
        }
      : {}),
    reviews,
    verdict,
    context: `${who} rated this claim “${wording}”${when}.`,
    sources: [source.id],
  };
  // Last line of defence: whatever else a row holds (a 500-character publisher, a rating too long to show),
  // a record is accepted only if it passes the same validation as a hand-written one, else rejected by name.
  const invalid = validatePackFiles([{ file: opts.file, data: { sources: [source], claims: [claim] } }], opts.today);
  if (invalid.issues.length) {
    const field = (i: PackIssue) => (i.record === source.id ? `source.${i.field}` : i.field);
    return { issues: invalid.issues.map((i) => ({ ...i, record, field: field(i) })) };
  }
  return { claim, source, issues };
}

/** Collect rows into a result, merging exact duplicates and keeping ids unique. */
export class ResultBuilder {
  private readonly claims = new Map<string, Claim>();
  private readonly sources = new Map<string, Source>();
  readonly issues: PackIssue[] = [];
  total = 0;

  constructor(private readonly opts: ImportOptions) {}

  add(row: ReviewRow, record: string): void {
    this.total++;
    const { claim, source, issues } = claimFromRow(row, record, this.opts);
    this.issues.push(...issues);
    if (!claim || !source) return;
    if (this.claims.has(claim.id)) {
      this.issues.push({
        file: this.opts.file,
        record,
        field: '(record)',
        message: `duplicate of an earlier record (same claim and review URL): skipped`,
      });
      return;
    }
    this.claims.set(claim.id, claim);
    this.sources.set(source.id, source);
  }

  /** An issue about the input as a whole (not parseable, wrong shape). */
  fail(field: string, message: string, record = '(file)'): void {
    this.issues.push({ file: this.opts.file, record, field, message });
  }

  result(): ImportResult {
    return {
      claims: [...this.claims.values()],
      sources: [...this.sources.values()],
      issues: this.issues,
      total: this.total,
    };
  }
}
