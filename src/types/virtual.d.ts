// The compiled knowledge pack, produced at build time by the footnote-pack vite plugin (vite.config.ts)
// from src/data/pack/*.json (or FOOTNOTE_PACK): validated, merged, canonically ordered.
declare module 'virtual:footnote-pack' {
  import type { Pack } from '../core/pack/schema.ts';

  const pack: Pack;
  export default pack;
}
