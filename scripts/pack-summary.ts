// Writes src/data/pack-summary.json: counts and content hash of the default pack, committed so that every data
// change shows up in review as a changed summary. `npm run pack:summary` after editing the pack;
// test/unit/pack.test.ts fails while the committed summary is stale.
import { writeFileSync } from 'node:fs';
import { buildPack, DEFAULT_PACK_DIR, packStats } from '../src/node/pack-io.ts';

export function summary() {
  const pack = buildPack([DEFAULT_PACK_DIR]);
  return { ...packStats(pack), hash: pack.meta.hash };
}

if (process.argv[1]?.endsWith('pack-summary.ts')) {
  const s = summary();
  writeFileSync(new URL('../src/data/pack-summary.json', import.meta.url), `${JSON.stringify(s, null, 2)}\n`);
  console.log(
    `src/data/pack-summary.json: ${s.entities} entities, ${s.claims} claims, ${s.aliases} aliases, ${s.sources} sources`,
  );
}
