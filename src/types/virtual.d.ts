// The compiled knowledge pack's path inside the extension (pack.json), from the footnote-pack vite plugin
// (vite.config.ts), which builds it from src/data/pack/*.json (or FOOTNOTE_PACK): validated, merged, canonically
// ordered. The background reads it with src/background/bundled.ts.
declare module 'virtual:footnote-pack' {
  const file: string;
  export default file;
}
