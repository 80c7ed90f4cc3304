/**
 * Interaction: hover intent, click, keyboard navigation and the card popover. The page has no elements of ours to
 * receive events, so pointer positions are hit-tested against the annotation ranges (./hit.ts).
 *
 * Timing follows Wikipedia's Page Previews: a card opens after `settings.hoverDelay` (default 150 ms) of hover
 * intent and closes `CLOSE_GRACE_MS` after the pointer leaves, unless it moves onto the card. Every card request
 * carries a token, so a late reply never opens the wrong card.
 */
import type { Annotation } from '../core/engine.ts';
import type { CardData, ContentToBackground } from '../shared/messages.ts';
import { callBackground } from '../shared/rpc.ts';
import type { Settings } from '../shared/settings.ts';
import type { PageRef } from '../ui/OnThisPage.tsx';
import { loadCardUi } from './card-ui.ts';
import type { Block } from './extract.ts';
import { hitTest } from './hit.ts';
import type { PopoverHost } from './popover.tsx';
import { CLOSE_GRACE_MS } from './timing.ts';

export interface Item {
  annotation: Annotation;
  /** The block the annotation's offsets refer to. */
  block: Block;
  /** Its live Range; null while the block is far from the viewport on a very long page (./window.ts). */
  range: Range | null;
}

/** An item with its Range made (hit-testing only ever sees these). */
export type PaintedItem = Item & { range: Range };

export interface InteractionHost {
  settings(): Settings;
  items(): Item[];
  focus(range: Range | null): void;
  failed(e: unknown): void;
  /** The items of the block that holds this text node (hit-test candidates). */
  itemsAt(node: Node): readonly PaintedItem[];
  /** The item's Range, made now if its block is far from the viewport. */
  rangeOf(item: Item): Range | null;
  /** Other annotations on the page related to this one ("also on this page"). */
  pageRefs(item: Item, data: CardData): PageRef[];
  /** The reader says this mention is not what we think: hide it on this page and remember that. */
  wrongMatch(item: Item): void;
}

export class Interaction {
  /** The card UI (Preact, floating-ui) loads on first use: pages where no card is opened never pay for it. */
  private popover: PopoverHost | null = null;
  private loading: Promise<PopoverHost> | null = null;
  private openItem: Item | null = null;
  private current = -1;
  private hoverTimer = 0;
  private closeTimer = 0;
  private token = 0;
  private started = false;
  private pinned = false;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly host: InteractionHost,
  ) {}

  private loadPopover(): Promise<PopoverHost> {
    this.loading ??= loadCardUi().then(({ PopoverHost }) => {
      const p = new PopoverHost(this.doc);
      p.onPointerEnter = () => clearTimeout(this.closeTimer);
      p.onPointerLeave = () => this.scheduleClose();
      p.onClose = () => {
        this.openItem = null;
        this.pinned = false;
        this.host.focus(null);
      };
      this.popover = p;
      return p;
    });
    return this.loading;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const passive = { signal: this.signal, passive: true } as const;
    let frame = 0;
    let last: PointerEvent | null = null;
    this.doc.addEventListener(
      'pointermove',
      (e) => {
        last = e;
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (last) this.onPointer(last);
        });
      },
      passive,
    );
    this.doc.addEventListener('click', (e) => this.onClick(e), { signal: this.signal, capture: true });
    this.doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.popover?.isOpen) this.popover.close(true);
      },
      { signal: this.signal },
    );
  }

  /** The annotation set changed: re-index for hit-testing; close a card whose mention disappeared. */
  itemsChanged(): void {
    if (this.openItem && !this.host.items().includes(this.openItem)) this.popover?.close(false);
  }

  private onPointer(e: PointerEvent): void {
    if (this.popover?.contains(e.target)) return;
    const hit = hitTest(this.doc, e.clientX, e.clientY, (n) => this.host.itemsAt(n));
    if (hit && hit === this.openItem) {
      clearTimeout(this.closeTimer);
      return;
    }
    clearTimeout(this.hoverTimer);
    if (hit && !this.pinned)
      this.hoverTimer = window.setTimeout(() => void this.open(hit, false), this.host.settings().hoverDelay);
    else if (this.openItem) this.scheduleClose();
  }

  private onClick(e: MouseEvent): void {
    if (this.popover?.contains(e.target)) return;
    const hit = hitTest(this.doc, e.clientX, e.clientY, (n) => this.host.itemsAt(n));
    if (hit) {
      clearTimeout(this.hoverTimer);
      void this.open(hit, false);
    } else if (this.popover?.isOpen && !this.pinned) this.popover.close(false);
  }

  private scheduleClose(): void {
    if (this.pinned) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = window.setTimeout(() => this.popover?.close(false), CLOSE_GRACE_MS);
  }

  private async open(item: Item, focus: boolean): Promise<void> {
    clearTimeout(this.closeTimer);
    const token = ++this.token;
    const a = item.annotation;
    let data: CardData;
    let popover: PopoverHost;
    try {
      [data, popover] = await Promise.all([
        callBackground<ContentToBackground, 'footnote:card'>('footnote:card', { kind: a.kind, id: a.id }),
        this.loadPopover(),
      ]);
    } catch (e) {
      this.host.failed(e);
      return;
    }
    const range = this.host.rangeOf(item);
    if (this.signal.aborted || token !== this.token || !range) return;
    this.openItem = item;
    this.current = this.host.items().indexOf(item);
    this.pinned = false;
    popover.open({
      range,
      data,
      match: a,
      onPage: this.host.pageRefs(item, data),
      focus,
      theme: this.host.settings().theme,
      pinned: false,
      onPin: (p) => {
        this.pinned = p;
      },
      onWrongMatch: () => {
        popover.close(true);
        this.host.wrongMatch(item);
      },
      onJump: (id) => void this.reveal(id),
    });
  }

  /** Keyboard navigation: next/previous annotation, scrolled into view, ringed, card open with focus inside. */
  async step(direction: 1 | -1): Promise<boolean> {
    const items = this.host.items();
    if (items.length === 0) return false;
    const n = items.length;
    this.current =
      this.current < 0 || this.current >= n ? (direction === 1 ? 0 : n - 1) : (this.current + direction + n) % n;
    await this.goTo(items[this.current]);
    return true;
  }

  async reveal(id: string): Promise<boolean> {
    const item = this.host.items().find((i) => i.annotation.id === id);
    if (!item) return false;
    await this.goTo(item);
    return true;
  }

  private async goTo(item: Item): Promise<void> {
    const range = this.host.rangeOf(item);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.host.focus(range);
    await this.open(item, true);
  }

  close(): void {
    clearTimeout(this.hoverTimer);
    clearTimeout(this.closeTimer);
    this.popover?.close(false);
  }

  destroy(): void {
    this.close();
    this.popover?.destroy();
  }
}
