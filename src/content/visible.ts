/**
 * Does the text of an element render? The layout test the content script gives the block reader (./extract.ts,
 * `hidesText`). No extension APIs here, so a benchmark can inject the same test into a page.
 *
 * Asked once per element that directly holds text, never per text node or per ancestor: `checkVisibility` already
 * answers for the ancestors (an element under a `display: none` ancestor has no box; `visibility` is inherited),
 * and it reads the style the browser has computed rather than forcing a layout.
 */
type Checkable = Element & { checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean };

/** True when text directly inside `el` does not render (display: none here or above, or visibility: hidden). */
export function hidesText(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = e as Checkable;
    if (typeof c.checkVisibility !== 'function') return false;
    if (c.checkVisibility({ visibilityProperty: true })) return false;
    // `display: contents` has no box of its own, yet its children render: the answer is its parent's.
    const style = getComputedStyle(e);
    if (style.display !== 'contents' || style.visibility !== 'visible') return true;
  }
  return false;
}
