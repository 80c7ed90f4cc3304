/**
 * A knowledge-pack claim (src/core/pack/schema.ts) as the claim index reads it: its text, headline, claimant, when
 * it was made and first reviewed, the pack's match hints and the entities it is about. One mapping for every
 * caller that indexes a pack's claims (the engine, the claims bench).
 */

import type { Claim } from '../pack/schema';
import type { ClaimDoc } from './api';

export function claimDocOf(c: Claim): ClaimDoc {
  return {
    id: c.id,
    text: c.text,
    title: c.title,
    claimant: c.claimant?.name,
    date: c.date,
    reviewDate: c.reviews[0]?.date,
    phrases: c.hints?.phrases,
    numbers: c.hints?.numbers,
    entities: c.entities,
  };
}
