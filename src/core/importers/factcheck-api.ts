/**
 * Google Fact Check Tools API `claims:search` response → claims.
 * Shape: { claims: [{ text, claimant, claimDate, claimReview: [{ publisher: {name, site}, url, title, reviewDate,
 * textualRating, languageCode }] }], nextPageToken? }. One claim record per (claim, review) pair.
 */
import { type ImportOptions, type ImportResult, ResultBuilder } from './common.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isFactCheckApiResponse(data: unknown): boolean {
  return isObj(data) && Array.isArray(data.claims) && data.claims.some((c) => isObj(c) && Array.isArray(c.claimReview));
}

export function importFactCheckApi(data: unknown, opts: ImportOptions): ImportResult {
  const out = new ResultBuilder(opts);
  if (!isObj(data) || !Array.isArray(data.claims)) {
    out.fail('claims', 'not a Fact Check Tools response: expected an object with a "claims" list');
    return out.result();
  }
  data.claims.forEach((c, i) => {
    const record = `claims[${i}]`;
    if (!isObj(c)) {
      out.total++;
      out.fail('(record)', 'must be an object', record);
      return;
    }
    const reviews = Array.isArray(c.claimReview) ? c.claimReview : [];
    if (reviews.length === 0) {
      out.total++;
      out.fail('claimReview', 'missing: no review for this claim', record);
      return;
    }
    reviews.forEach((r, k) => {
      const rv = isObj(r) ? r : {};
      const publisher = isObj(rv.publisher) ? (rv.publisher.name ?? rv.publisher.site) : rv.publisher;
      out.add(
        {
          text: c.text,
          claimant: c.claimant,
          claimDate: c.claimDate,
          publisher,
          url: rv.url,
          reviewDate: rv.reviewDate,
          rating: rv.textualRating,
          title: rv.title,
          language: rv.languageCode,
        },
        `${record}.claimReview[${k}]`,
      );
    });
  });
  return out.result();
}
