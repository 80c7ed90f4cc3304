/**
 * Painting with the CSS Custom Highlight API: Ranges registered under Footnote's own highlight names, styled by
 * `::highlight()` rules. The page's DOM is never touched (no wrapping, no split text nodes). The highlight
 * registry is shared with the page's scripts, so every name is prefixed and we only ever delete our own.
 */
import type { Annotation } from '../core/engine.ts';

export const HIGHLIGHT_PREFIX = 'footnote-';

/** One highlight name per category and verdict, so each gets its own style. */
export function highlightName(a: Pick<Annotation, 'kind'> & { verdict?: string }): string {
  return a.kind === 'entity' ? `${HIGHLIGHT_PREFIX}entity` : `${HIGHLIGHT_PREFIX}claim-${a.verdict ?? 'needs-context'}`;
}

export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;

// Names: a dotted underline in blue. Claims: a light wash behind the sentence, its hue from the verdict on the
// Okabe–Ito colour-blind-safe palette (bluish green = accurate, orange = needs context or unsupported, vermillion =
// misleading or false). Colour is never the only cue: the card says the verdict in words with an icon.
const STYLE = `
::highlight(footnote-entity) { text-decoration: underline dotted 2px rgb(0 114 178 / 0.9); text-underline-offset: 3px; }
::highlight(footnote-claim-accurate), ::highlight(footnote-claim-mostly-accurate) { background-color: rgb(0 158 115 / 0.16); }
::highlight(footnote-claim-needs-context), ::highlight(footnote-claim-pending), ::highlight(footnote-claim-disputed), ::highlight(footnote-claim-unsupported) { background-color: rgb(230 159 0 / 0.2); }
::highlight(footnote-claim-misleading), ::highlight(footnote-claim-false) { background-color: rgb(213 94 0 / 0.18); }
::highlight(footnote-focus) { background-color: rgb(240 228 66 / 0.6); color: inherit; }
:root[data-footnote-style="background"] ::highlight(footnote-entity) { background-color: rgb(86 180 233 / 0.22); }
`;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Painter {
  private names = new Set<string>();
  /** The Highlight objects we registered, to notice a page that deletes or replaces them. */
  private registered = new Map<string, Highlight>();
  private style: HTMLStyleElement | null = null;

  /** Inject the page-level style once (in <head>, never in <body>). */
  private ensureStyle(doc: Document): void {
    if (this.style?.isConnected) return;
    const style = doc.createElement('style');
    style.setAttribute('data-footnote-ui', '');
    style.textContent = STYLE;
    (doc.head ?? doc.documentElement).append(style);
    this.style = style;
  }

  /** Replace all of Footnote's highlights with these ranges, grouped by highlight name. */
  paint(doc: Document, groups: Map<string, Range[]>): void {
    if (!highlightsSupported()) return;
    this.ensureStyle(doc);
    for (const name of this.names) if (!groups.has(name)) CSS.highlights.delete(name);
    this.names = new Set(groups.keys());
    this.registered.clear();
    for (const [name, ranges] of groups) {
      const h = new Highlight(...ranges);
      // Names paint above the claim sentences that contain them; the focus ring above everything.
      h.priority = name === `${HIGHLIGHT_PREFIX}entity` ? 1 : 0;
      CSS.highlights.set(name, h);
      this.registered.set(name, h);
    }
  }

  /** Are all our highlights still registered as we left them (pages can clear the shared registry)? */
  intact(): boolean {
    if (!highlightsSupported()) return true;
    for (const [name, h] of this.registered) if (CSS.highlights.get(name) !== h) return false;
    return true;
  }

  focus(range: Range | null): void {
    if (!highlightsSupported()) return;
    if (range) {
      const h = new Highlight(range);
      h.priority = 2;
      CSS.highlights.set(FOCUS_HIGHLIGHT, h);
    } else CSS.highlights.delete(FOCUS_HIGHLIGHT);
  }

  clear(): void {
    this.registered.clear();
    if (highlightsSupported()) {
      for (const name of this.names) CSS.highlights.delete(name);
      CSS.highlights.delete(FOCUS_HIGHLIGHT);
    }
    this.names.clear();
    this.style?.remove();
    this.style = null;
  }
}
