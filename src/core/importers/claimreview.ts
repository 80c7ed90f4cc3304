/**
 * schema.org ClaimReview (JSON-LD) → claims. Accepts a single object, an array, an object with "@graph", and
 * ClaimReviews nested in other objects (a NewsArticle's "review", say). Walks at most MAX_DEPTH levels, so a
 * hostile, deeply nested document cannot exhaust the stack.
 */
import { type ImportOptions, type ImportResult, ResultBuilder, type ReviewRow } from './common.ts';

const MAX_DEPTH = 32;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const nameOf = (v: unknown): unknown => {
  const x = first(v);
  return isObj(x) ? (x.name ?? x.alternateName ?? x.legalName) : x;
};
const typeOf = (o: Obj): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^.*[/#:]/, ''));
};

/** One ClaimReview object as a review row. */
export function rowFromClaimReview(o: Obj): ReviewRow {
  const item = first(o.itemReviewed);
  const itemObj = isObj(item) ? item : {};
  const appearance = first(itemObj.appearance ?? itemObj.firstAppearance);
  const appearanceObj = isObj(appearance) ? appearance : {};
  const rating = first(o.reviewRating);
  const ratingObj = isObj(rating) ? rating : {};
  return {
    text: o.claimReviewed ?? itemObj.name ?? itemObj.text,
    claimant: nameOf(itemObj.author),
    claimDate: itemObj.datePublished ?? appearanceObj.datePublished,
    appearanceUrl: typeof appearance === 'string' ? appearance : appearanceObj.url,
    where: nameOf(appearanceObj.publisher) ?? appearanceObj.name,
    publisher: nameOf(o.author) ?? nameOf(o.publisher),
    url: o.url ?? o['@id'],
    reviewDate: o.datePublished ?? o.dateModified,
    rating: ratingObj.alternateName ?? ratingObj.name ?? numericRating(ratingObj),
    title: o.headline ?? o.name,
  };
}

// Numbers and numeric strings only: Number() of a list nested 10k deep overflows the stack in Array#join.
const num = (v: unknown): number => (typeof v === 'number' || typeof v === 'string' ? Number(v) : Number.NaN);

/** Map a numeric rating (ratingValue between worstRating and bestRating) onto words when no wording is given. */
function numericRating(r: Obj): string | undefined {
  const v = num(r.ratingValue);
  const best = num(r.bestRating ?? 5);
  const worst = num(r.worstRating ?? 1);
  if (!Number.isFinite(v) || !Number.isFinite(best) || !Number.isFinite(worst) || best === worst) return undefined;
  const x = (v - worst) / (best - worst);
  return x >= 0.9 ? 'True' : x >= 0.65 ? 'Mostly true' : x >= 0.4 ? 'Half true' : x >= 0.15 ? 'Mostly false' : 'False';
}

export function importClaimReview(data: unknown, opts: ImportOptions): ImportResult {
  const out = new ResultBuilder(opts);
  let found = 0;
  const visit = (v: unknown, path: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      out.fail('(structure)', `nested deeper than ${MAX_DEPTH} levels: the rest of this branch was not read`, path);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        visit(x, `${path}[${i}]`, depth + 1);
      });
      return;
    }
    if (!isObj(v)) return;
    if (typeOf(v).includes('ClaimReview') || (v.claimReviewed !== undefined && v.reviewRating !== undefined)) {
      found++;
      out.add(rowFromClaimReview(v), path || '#1');
      return;
    }
    for (const [k, x] of Object.entries(v))
      if (typeof x === 'object' && x !== null) visit(x, path ? `${path}.${k}` : k, depth + 1);
  };
  visit(data, '', 0);
  if (found === 0)
    out.fail(
      '(root)',
      'no ClaimReview found (expected objects with "@type": "ClaimReview", an array of them, or an "@graph")',
    );
  return out.result();
}
