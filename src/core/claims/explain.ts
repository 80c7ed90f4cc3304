/**
 * "Why this matched": the words, figures and names a sentence shares with a claim, in the sentence's own
 * spelling ("$90bn", "Ukraine"), for the reader-facing explanation.
 */

import type { ClaimExplanation } from './api';
import { FIELDS } from './bm25';
import type { DocRecord, Vocab } from './docs';
import { isNumberToken } from './numbers';
import type { Analysis } from './tokenize';

function pushOnce(list: string[], s: string): void {
  if (!list.includes(s)) list.push(s);
}

export function explainMatch(
  doc: DocRecord,
  a: Analysis,
  vocab: Vocab,
  entities: ReadonlySet<string> | undefined,
  bm25: number,
): ClaimExplanation {
  const docIds = new Set<number>();
  for (const f of FIELDS) for (const id of doc.fields[f]) docIds.add(id);
  const out: ClaimExplanation = { terms: [], entities: [], numbers: [], bm25 };
  a.terms.forEach((t, i) => {
    const id = vocab.get(t);
    if (id === undefined || !docIds.has(id)) return;
    const surface = a.surface[i] as string;
    if (isNumberToken(t)) {
      pushOnce(out.numbers, surface);
      return;
    }
    pushOnce(out.terms, surface);
    if (doc.caps.includes(id)) pushOnce(out.entities, surface);
  });
  for (const e of doc.entities ?? []) if (entities?.has(e)) pushOnce(out.entities, e);
  return out;
}
