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

/**
 * Our highlights, kept up to date incrementally: ranges are added and deleted as the page is read and changes, so
 * the cost of a change is the size of the change, never the number of ranges already painted (a Highlight is a
 * live set: the browser repaints what changed).
 */
export class Painter {
  /** The Highlight objects we registered, to notice a page that deletes or replaces them. */
  private readonly registered = new Map<string, Highlight>();
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

  /** Paint these ranges too (highlight name → ranges). */
  add(doc: Document, groups: Map<string, Range[]>): void {
    if (!highlightsSupported() || groups.size === 0) return;
    this.ensureStyle(doc);
    for (const [name, ranges] of groups) {
      let h = this.registered.get(name);
      if (!h) {
        h = new Highlight();
        // Names paint above the claim sentences that contain them; the focus ring above everything.
        h.priority = name === `${HIGHLIGHT_PREFIX}entity` ? 1 : 0;
        this.registered.set(name, h);
        CSS.highlights.set(name, h);
      }
      for (const r of ranges) h.add(r);
    }
  }

  /** Stop painting these ranges. */
  remove(groups: Map<string, Range[]>): void {
    for (const [name, ranges] of groups) {
      const h = this.registered.get(name);
      if (h) for (const r of ranges) h.delete(r);
    }
  }

  /** Stop painting every range, keeping our highlights registered (a full rescan refills them). */
  reset(): void {
    for (const h of this.registered.values()) h.clear();
  }

  /** Whether any range is painted. */
  get painting(): boolean {
    for (const h of this.registered.values()) if (h.size > 0) return true;
    return false;
  }

  /** Are all our highlights still registered as we left them (pages can clear the shared registry)? */
  intact(): boolean {
    if (!highlightsSupported()) return true;
    for (const [name, h] of this.registered) if (CSS.highlights.get(name) !== h) return false;
    return true;
  }

  /** Register our highlights again after the page removed or replaced them; they still hold their ranges. */
  restore(doc: Document): void {
    if (!highlightsSupported()) return;
    this.ensureStyle(doc);
    for (const [name, h] of this.registered) CSS.highlights.set(name, h);
  }

  focus(range: Range | null): void {
    if (!highlightsSupported()) return;
    if (range) {
      const h = new Highlight(range);
      h.priority = 2;
      CSS.highlights.set(FOCUS_HIGHLIGHT, h);
    } else CSS.highlights.delete(FOCUS_HIGHLIGHT);
  }

  /** Unpaint everything and remove our style: no trace left. */
  clear(): void {
    if (highlightsSupported()) {
      for (const name of this.registered.keys()) CSS.highlights.delete(name);
      CSS.highlights.delete(FOCUS_HIGHLIGHT);
    }
    this.registered.clear();
    this.style?.remove();
    this.style = null;
  }
}

/** The Ranges of these items grouped by highlight name (items without a Range are left out). */
export function byHighlight(
  items: Iterable<{ annotation: Pick<Annotation, 'kind' | 'verdict'>; range: Range | null }>,
): Map<string, Range[]> {
  const groups = new Map<string, Range[]>();
  for (const it of items) {
    if (!it.range) continue;
    const name = highlightName(it.annotation);
    const list = groups.get(name);
    if (list) list.push(it.range);
    else groups.set(name, [it.range]);
  }
  return groups;
}
