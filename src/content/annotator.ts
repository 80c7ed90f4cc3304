/**
 * The Annotator: one per document. Scan → match (in the background) → paint → interact → teardown.
 */
import type { Annotation } from '../core/engine.ts';
import type { AnnotationSummary, CardData, ContentToBackground } from '../shared/messages.ts';
import { callBackground } from '../shared/rpc.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { type Block, blockRange, extractBlocks } from './extract.ts';
import { highlightName, Painter } from './highlights.ts';
import { hitTest } from './hit.ts';
import { PopoverHost } from './popover.tsx';

/** Grace period before a hover card closes once the pointer leaves (time to reach the card). */
export const CLOSE_GRACE_MS = 300;

export interface Item {
  annotation: Annotation;
  range: Range;
  verdict?: string;
}

type Bg = ContentToBackground;

export class Annotator {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private readonly painter = new Painter();
  private readonly popover: PopoverHost;
  private settings: Settings = DEFAULT_SETTINGS;
  private items: Item[] = [];
  private current = -1;
  private openItem: Item | null = null;
  private hoverTimer = 0;
  private closeTimer = 0;
  private scanning: Promise<void> | null = null;
  private listening = false;

  constructor(private readonly doc: Document) {
    this.popover = new PopoverHost(doc);
    this.popover.onPointerEnter = () => this.cancelClose();
    this.popover.onPointerLeave = () => this.scheduleClose();
    this.popover.onClose = () => {
      this.openItem = null;
      this.painter.focus(null);
    };
  }

  /** Re-read settings and rescan (or clear, if paused here). */
  async refresh(): Promise<void> {
    if (this.signal.aborted) return;
    try {
      const { settings, active } = await callBackground<Bg, 'footnote:settings'>('footnote:settings', {
        host: this.doc.location?.hostname ?? '',
      });
      this.settings = settings;
      this.doc.documentElement.toggleAttribute('data-footnote-style', false);
      if (!active) {
        this.clear();
        return;
      }
      if (settings.highlightStyle === 'background')
        this.doc.documentElement.setAttribute('data-footnote-style', 'background');
      await this.scan();
    } catch (e) {
      this.failed(e);
    }
  }

  private async scan(): Promise<void> {
    if (this.scanning) return this.scanning;
    this.scanning = (async () => {
      const body = this.doc.body;
      if (!body) return;
      const blocks = extractBlocks(body, { isHidden: (el) => isHiddenByLayout(el) });
      const { annotations } = await callBackground<Bg, 'footnote:match'>('footnote:match', {
        blocks: blocks.map((b) => b.text),
        lang: this.doc.documentElement.lang || undefined,
      });
      if (this.signal.aborted) return;
      this.items = this.toItems(blocks, annotations);
      this.paint();
      this.listen();
      const claims = new Set(this.items.filter((i) => i.annotation.kind === 'claim').map((i) => i.annotation.id)).size;
      const entities = new Set(this.items.filter((i) => i.annotation.kind === 'entity').map((i) => i.annotation.id))
        .size;
      await callBackground<Bg, 'footnote:count'>('footnote:count', { claims, entities });
    })().finally(() => {
      this.scanning = null;
    });
    return this.scanning;
  }

  private toItems(blocks: Block[], annotations: Annotation[][]): Item[] {
    const items: Item[] = [];
    annotations.forEach((list, b) => {
      const block = blocks[b];
      if (!block) return;
      for (const a of list) {
        const range = blockRange(block, a.start, a.end);
        if (range) items.push({ annotation: a, range, verdict: (a as { verdict?: string }).verdict });
      }
    });
    return items;
  }

  private paint(): void {
    const groups = new Map<string, Range[]>();
    for (const it of this.items) {
      const name = highlightName({ kind: it.annotation.kind, verdict: it.verdict });
      const list = groups.get(name);
      if (list) list.push(it.range);
      else groups.set(name, [it.range]);
    }
    this.painter.paint(this.doc, groups);
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const opts = { signal: this.signal, passive: true } as const;
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
      opts,
    );
    this.doc.addEventListener('click', (e) => this.onClick(e), { signal: this.signal, capture: true });
    this.doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.popover.isOpen) this.popover.close(true);
      },
      { signal: this.signal },
    );
  }

  private onPointer(e: PointerEvent): void {
    if (this.popover.contains(e.target)) return;
    const hit = hitTest(this.doc, this.items, e.clientX, e.clientY);
    if (hit && hit === this.openItem) {
      this.cancelClose();
      return;
    }
    clearTimeout(this.hoverTimer);
    if (hit) {
      this.hoverTimer = window.setTimeout(() => void this.open(hit, false), this.settings.hoverDelay);
    } else if (this.openItem) {
      this.scheduleClose();
    }
  }

  private onClick(e: MouseEvent): void {
    if (this.popover.contains(e.target)) return;
    const hit = hitTest(this.doc, this.items, e.clientX, e.clientY);
    if (hit) {
      clearTimeout(this.hoverTimer);
      void this.open(hit, false);
    } else if (this.popover.isOpen) {
      this.popover.close(false);
    }
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = window.setTimeout(() => this.popover.close(false), CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
  }

  private async open(item: Item, focus: boolean): Promise<void> {
    this.cancelClose();
    const a = item.annotation;
    let data: CardData;
    try {
      data = await callBackground<Bg, 'footnote:card'>('footnote:card', { kind: a.kind, id: a.id });
    } catch (e) {
      this.failed(e);
      return;
    }
    if (this.signal.aborted) return;
    this.openItem = item;
    this.current = this.items.indexOf(item);
    this.popover.open({
      anchor: item.range.getBoundingClientRect(),
      data,
      match: { text: a.text, score: a.score, via: a.via },
      focus,
      theme: this.settings.theme,
    });
  }

  /** Keyboard navigation: go to the next/previous annotation, scroll to it, ring it, open its card. */
  async step(direction: 1 | -1): Promise<boolean> {
    if (this.items.length === 0) return false;
    const n = this.items.length;
    this.current = this.current < 0 ? (direction === 1 ? 0 : n - 1) : (this.current + direction + n) % n;
    await this.goTo(this.items[this.current]);
    return true;
  }

  async reveal(id: string): Promise<boolean> {
    const item = this.items.find((i) => i.annotation.id === id);
    if (!item) return false;
    await this.goTo(item);
    return true;
  }

  private async goTo(item: Item): Promise<void> {
    const el = item.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.painter.focus(item.range);
    await this.open(item, true);
  }

  summary(): AnnotationSummary[] {
    return this.items.map(({ annotation: a, verdict }) => ({
      kind: a.kind,
      id: a.id,
      label: a.label,
      text: a.text,
      score: a.score,
      verdict,
    }));
  }

  /** Current items (for tests and the page summary). */
  get annotations(): readonly Item[] {
    return this.items;
  }

  private clear(): void {
    this.items = [];
    this.popover.destroy();
    this.painter.clear();
  }

  /** A dead extension context means we were updated or removed: remove every trace and stop. */
  private failed(e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    if (/context invalidated|Receiving end does not exist|disconnected port|Extension context/i.test(msg)) {
      this.teardown();
      return;
    }
    console.debug('[footnote]', msg);
  }

  teardown(): void {
    clearTimeout(this.hoverTimer);
    clearTimeout(this.closeTimer);
    this.clear();
    this.doc.documentElement.removeAttribute('data-footnote-style');
    this.controller.abort();
  }
}

/** Layout-based visibility (display:none or visibility:hidden from stylesheets), asked per block-level subtree. */
function isHiddenByLayout(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return false;
  if (check.call(el, { visibilityProperty: true })) return false;
  // display: contents has no box of its own, yet its children render.
  return getComputedStyle(el).display !== 'contents';
}
