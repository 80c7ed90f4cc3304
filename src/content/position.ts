/**
 * Where the popover goes: below the anchor if it fits, else above; clamped into the viewport.
 * A pure function of numbers, unit-tested without a browser.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

export const GAP = 6;
export const MARGIN = 8;

export function placePopover(
  anchor: Rect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - size.height;
  const fitsBelow = below + size.height <= viewport.height - MARGIN;
  const side = fitsBelow || above < MARGIN ? 'below' : 'above';
  let top = side === 'below' ? below : above;
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - size.height));
  let left = anchor.left;
  left = Math.max(MARGIN, Math.min(left, viewport.width - MARGIN - size.width));
  return { left: Math.round(left), top: Math.round(top), side };
}
