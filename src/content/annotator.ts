/**
 * The Annotator: one per document. Read the page's blocks (in slices), have the background's engine match them,
 * turn answers into Ranges, paint, keep up with DOM changes, and tear everything down on request.
 */
import type { Annotation } from '../core/engine.ts';
import type { Anchors } from '../core/names/matcher.ts';
import { browser } from '../shared/browser.ts';
import type { AnnotationSummary, CardData, ContentToBackground } from '../shared/messages.ts';
import { callBackground } from '../shared/rpc.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import type { PageRef } from '../ui/OnThisPage.tsx';
import { type Block, BlockReader, blockRange, type ExtractOptions, enclosingBlock } from './extract.ts';
import { highlightName, Painter } from './highlights.ts';
import { Interaction, type Item } from './interaction.ts';
import { FULL_RESCAN_BLOCKS, HIGHLIGHT_CHECK_MS, sliceDeadline, yieldToMain } from './timing.ts';
import { type DomChanges, DomWatcher } from './watch.ts';

type Bg = ContentToBackground;

/** Blocks sent to the background per message: big enough to be few, small enough to paint early on long pages. */
const BATCH_CHARS = 200_000;
/** While a long page is still being matched, repaint at most this often (each paint re-registers every range). */
const PAINT_EVERY_MS = 400;

export class Annotator {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private readonly painter = new Painter();
  private readonly interaction: Interaction;
  private readonly watcher: DomWatcher;
  private settings: Settings = DEFAULT_SETTINGS;
  private blocks: Block[] = [];
  private itemsByBlock = new Map<Block, Item[]>();
  /** Text node → its block, for hit-testing without a page-wide index. */
  private blockByNode = new Map<Node, Block>();
  private anchors: Anchors = {};
  /** Mentions the reader marked "wrong match" on this page: `${id}\u0000${text}`. */
  private hidden = new Set<string>();
  private running: Promise<void> = Promise.resolve();
  private guarding = false;
  private paintedOnce = false;
  private readonly extractOptions: ExtractOptions = { isHidden: isHiddenByLayout };

  constructor(private readonly doc: Document) {
    this.interaction = new Interaction(doc, this.signal, {
      settings: () => this.settings,
      items: () => this.items,
      focus: (range) => this.painter.focus(range),
      failed: (e) => this.failed(e),
      pageRefs: (item, data) => this.pageRefs(item, data),
      itemsAt: (node) => {
        const b = this.blockByNode.get(node);
        return (b && this.itemsByBlock.get(b)) || [];
      },
      wrongMatch: (item) => void this.wrongMatch(item),
    });
    this.watcher = new DomWatcher(doc, (changes) => this.enqueue(() => this.update(changes)), this.signal);
  }

  /** All current items in document order. */
  get items(): Item[] {
    const out: Item[] = [];
    for (const b of this.blocks) out.push(...(this.itemsByBlock.get(b) ?? []));
    return out;
  }

  /** Run jobs one after another, so a rescan never interleaves with an update. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    this.running = this.running.then(job).catch((e) => this.failed(e));
    return this.running;
  }

  /** Re-read settings and rescan everything (or clear, if paused here). */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      const { settings, active, hidden } = await callBackground<Bg, 'footnote:settings'>('footnote:settings', {
        host: this.doc.location?.hostname ?? '',
        page: pageKey(this.doc),
      });
      if (this.signal.aborted) return;
      this.settings = settings;
      this.hidden = new Set(hidden.map((h) => hideKey(h.id, h.text)));
      const root = this.doc.documentElement;
      if (settings.highlightStyle === 'background') root.setAttribute('data-footnote-style', 'background');
      else root.removeAttribute('data-footnote-style');
      if (!active) {
        this.clear();
        return;
      }
      await this.fullScan();
      this.watcher.start();
      this.interaction.start();
      this.guardHighlights();
    });
  }

  /** Pages share the highlight registry and may clear it: check now and then, repaint if ours are gone. */
  private guardHighlights(): void {
    if (this.guarding) return;
    this.guarding = true;
    const check = () => {
      if (this.signal.aborted) return;
      if (this.doc.visibilityState === 'visible' && !this.painter.intact()) this.paint();
      window.setTimeout(check, HIGHLIGHT_CHECK_MS);
    };
    window.setTimeout(check, HIGHLIGHT_CHECK_MS);
  }

  private async fullScan(): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    const reader = new BlockReader(body, this.extractOptions);
    while (!reader.read(sliceDeadline())) {
      await yieldToMain();
      if (this.signal.aborted) return;
    }
    this.blocks = [];
    this.itemsByBlock.clear();
    this.blockByNode.clear();
    this.anchors = {};
    await this.matchAndPaint(reader.blocks, false);
  }

  /** Incremental update after DOM changes: rescan only the blocks that changed. */
  private async update(changes: DomChanges): Promise<void> {
    if (this.signal.aborted || !isContextAlive()) return this.teardown();
    const body = this.doc.body;
    if (!body) return;
    if (changes.navigated) return this.fullScan();
    const roots = new Set<Element>();
    for (const n of changes.nodes) if (n.isConnected && body.contains(n)) roots.add(enclosingBlock(n, body));
    for (const r of [...roots]) for (const other of roots) if (other !== r && other.contains(r)) roots.delete(r);
    if (roots.has(body) || roots.size > FULL_RESCAN_BLOCKS) return this.fullScan();
    // Drop blocks inside a changed root (their text may be gone) and items whose text went away.
    const kept = this.blocks.filter(
      (b) => ![...roots].some((r) => r.contains(b.element)) && b.segments[0]?.node.isConnected,
    );
    const keptSet = new Set(kept);
    for (const b of this.blocks) {
      if (keptSet.has(b)) continue;
      this.itemsByBlock.delete(b);
      for (const s of b.segments) if (this.blockByNode.get(s.node) === b) this.blockByNode.delete(s.node);
    }
    this.blocks = kept;
    for (const [b, items] of this.itemsByBlock) this.itemsByBlock.set(b, items.filter(isLive));
    const fresh: Block[] = [];
    for (const r of roots) {
      const reader = new BlockReader(r, this.extractOptions);
      while (!reader.read(sliceDeadline())) await yieldToMain();
      fresh.push(...reader.blocks);
    }
    await this.matchAndPaint(fresh, true);
  }

  /**
   * Send blocks to the engine in batches, turn answers into ranges and merge them. Paints after the first batch
   * (long pages light up early), then at most every PAINT_EVERY_MS, and once at the end. `reorder`: the fresh
   * blocks land among existing ones (an update) rather than after them (a full scan, already in order).
   */
  private async matchAndPaint(fresh: Block[], reorder: boolean): Promise<void> {
    let lastPaint = 0;
    for (let i = 0; i < fresh.length; ) {
      const batch: Block[] = [];
      let chars = 0;
      while (i < fresh.length && (batch.length === 0 || chars + fresh[i].text.length <= BATCH_CHARS)) {
        chars += fresh[i].text.length;
        batch.push(fresh[i++]);
      }
      const { annotations, anchors } = await callBackground<Bg, 'footnote:match'>('footnote:match', {
        blocks: batch.map((b) => b.text),
        lang: this.doc.documentElement.lang || undefined,
        anchors: this.anchors,
      });
      if (this.signal.aborted) return;
      this.anchors = anchors;
      await this.addItems(batch, annotations);
      if (lastPaint === 0 || performance.now() - lastPaint > PAINT_EVERY_MS) {
        this.paint();
        lastPaint = performance.now();
      }
    }
    if (reorder) this.blocks.sort(byDocumentOrder);
    this.paint();
    await this.reportCount();
  }

  private async addItems(batch: Block[], annotations: Annotation[][]): Promise<void> {
    let stop = sliceDeadline();
    for (let b = 0; b < batch.length; b++) {
      const block = batch[b];
      const items: Item[] = [];
      for (const a of annotations[b] ?? []) {
        if (this.hidden.has(hideKey(a.id, a.text))) continue;
        const range = blockRange(block, a.start, a.end);
        if (range) items.push({ annotation: a, range });
      }
      this.itemsByBlock.set(block, items);
      for (const seg of block.segments) this.blockByNode.set(seg.node, block);
      if (stop()) {
        await yieldToMain();
        stop = sliceDeadline();
      }
    }
    for (const b of batch) this.blocks.push(b);
  }

  private paint(): void {
    const groups = new Map<string, Range[]>();
    for (const it of this.items) {
      const name = highlightName({ kind: it.annotation.kind, verdict: it.annotation.verdict });
      const list = groups.get(name);
      if (list) list.push(it.range);
      else groups.set(name, [it.range]);
    }
    this.painter.paint(this.doc, groups);
    this.interaction.itemsChanged();
    if (!this.paintedOnce && groups.size > 0) {
      this.paintedOnce = true;
      mark('footnote:first-paint');
    }
  }

  private async reportCount(): Promise<void> {
    const items = this.items;
    const distinct = (kind: string) =>
      new Set(items.filter((i) => i.annotation.kind === kind).map((i) => i.annotation.id)).size;
    await callBackground<Bg, 'footnote:count'>('footnote:count', {
      claims: distinct('claim'),
      entities: distinct('entity'),
    });
  }

  /** Annotations elsewhere on the page that relate to this card: same id, related entities, claims about it. */
  private pageRefs(item: Item, data: CardData): PageRef[] {
    const related = new Set<string>([...data.related.map((r) => r.id), ...data.claims.map((c) => c.id)]);
    if (data.claim) for (const e of data.claim.entities ?? []) related.add(e);
    const counts = new Map<string, PageRef>();
    for (const it of this.items) {
      const a = it.annotation;
      if (it === item || (a.id !== item.annotation.id && !related.has(a.id))) continue;
      const ref = counts.get(a.id) ?? { id: a.id, label: a.label, kind: a.kind, count: 0 };
      ref.count++;
      counts.set(a.id, ref);
    }
    return [...counts.values()].sort(
      (x, y) => Number(x.id !== item.annotation.id) - Number(y.id !== item.annotation.id),
    );
  }

  private async wrongMatch(item: Item): Promise<void> {
    const a = item.annotation;
    this.hidden.add(hideKey(a.id, a.text));
    for (const [b, items] of this.itemsByBlock)
      this.itemsByBlock.set(
        b,
        items.filter((i) => !this.hidden.has(hideKey(i.annotation.id, i.annotation.text))),
      );
    this.paint();
    await callBackground<Bg, 'footnote:wrong-match'>('footnote:wrong-match', {
      page: pageKey(this.doc),
      id: a.id,
      text: a.text,
      label: a.label,
    });
    await this.reportCount();
  }

  step(direction: 1 | -1): Promise<boolean> {
    return this.interaction.step(direction);
  }

  reveal(id: string): Promise<boolean> {
    return this.interaction.reveal(id);
  }

  summary(): AnnotationSummary[] {
    return this.items.map(({ annotation: a }) => ({
      kind: a.kind,
      id: a.id,
      label: a.label,
      text: a.text,
      score: a.score,
      verdict: a.verdict,
    }));
  }

  private clear(): void {
    this.watcher.stop();
    this.blocks = [];
    this.itemsByBlock.clear();
    this.blockByNode.clear();
    this.interaction.close();
    this.painter.clear();
  }

  /** A dead extension context means we were updated or removed: remove every trace and stop. */
  private failed(e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    if (!isContextAlive() || /context invalidated|Extension context/i.test(msg)) {
      this.teardown();
      return;
    }
    console.debug('[footnote]', msg);
  }

  teardown(): void {
    if (this.signal.aborted) return;
    this.clear();
    this.interaction.destroy();
    this.doc.documentElement.removeAttribute('data-footnote-style');
    this.controller.abort();
  }
}

/** User Timing marks (shared with the page's performance timeline) so tests and benchmarks can time us. */
export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // a page may have replaced performance.mark; timing is optional
  }
}

const hideKey = (id: string, text: string) => `${id}\u0000${text}`;

/** A page, for "wrong match" memory: origin and path (no query or fragment, which often carry tracking). */
export function pageKey(doc: Document): string {
  const l = doc.location;
  return l ? `${l.origin}${l.pathname}` : '';
}

function isLive(it: Item): boolean {
  const r = it.range;
  return (
    !r.collapsed && r.startContainer.isConnected && r.endContainer.isConnected && r.toString() === it.annotation.text
  );
}

function byDocumentOrder(a: Block, b: Block): number {
  const na = a.segments[0]?.node;
  const nb = b.segments[0]?.node;
  if (!na || !nb || na === nb) return 0;
  return na.compareDocumentPosition(nb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** After an update or removal of the extension, its old content scripts lose their runtime. */
function isContextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Layout-based visibility (display:none or visibility:hidden from stylesheets). */
function isHiddenByLayout(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return false;
  if (check.call(el, { visibilityProperty: true })) return false;
  // display: contents has no box of its own, yet its children render.
  return getComputedStyle(el).display !== 'contents';
}
