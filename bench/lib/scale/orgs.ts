/**
 * Organisations for the scale pack: the name-suggestion-index brands, operators and networks with their Wikidata
 * label, description and name variants. NSI's lower-case `matchNames` are matching keys, not spellings, so they are
 * left out; rows that are really places ("large city in …", "country in …") are left to the place builders.
 */
import { dataPath, readJsonl } from '../data.ts';
import type { Drafts } from './drafts.ts';
import { SRC } from './sources.ts';

interface NsiRow {
  qid: string;
  label?: string;
  description?: string;
  names?: string[];
}

const PLACE_LIKE =
  /^((large|small|big|medium-sized|major|former) )*(city|town|village|municipality|commune|capital|country|sovereign state|county|district|province|state|region|borough|island)\b/i;

export function addOrganisations(drafts: Drafts, dataDir: string): number {
  let n = 0;
  for (const r of readJsonl<NsiRow>(dataPath(dataDir, 'nsi-organisations/organisations.jsonl.gz'))) {
    if (r.description && PLACE_LIKE.test(r.description)) continue;
    if (drafts.byQid.has(r.qid)) continue;
    const spellings = (r.names ?? []).filter((s) => s !== s.toLowerCase());
    const name = r.label ?? spellings[0];
    if (!name) continue;
    const d = drafts.upsert({
      type: 'organisation',
      name,
      key: r.qid,
      qid: r.qid,
      description: r.description ? `${r.description.charAt(0).toUpperCase()}${r.description.slice(1)}.` : name,
      asOf: SRC.nsi.date,
      prominence: 1e5,
      source: SRC.nsi.id,
    });
    if (!d) continue;
    n++;
    // An organisation called by an ordinary word ("Next", "Target") is ambiguous under it (Drafts.addAlias).
    for (const s of spellings) drafts.addAlias(d, s);
  }
  return n;
}
