/**
 * The Annotator: one per document. Read the page's blocks (in slices), have the background's engine match them,
 * turn answers into Ranges, paint, keep up with DOM changes, and tear everything down on request.
 */
import type { Annotation, AnnotationKind } from '../core/engine.ts';
import type { Anchors } from '../core/names/matcher.ts';
import { browser } from '../shared/browser.ts';
import type { AnnotationSummary, CardData, ContentToBackground } from '../shared/messages.ts';
import { callBackground } from '../shared/rpc.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import type { PageRef } from '../ui/OnThisPage.tsx';
import { FIRST_BATCH_CHARS, nextBatch, nextBatchChars, type Piece, piecesOf, REPLY_ANNOTATIONS } from './batches.ts';
import { type Block, BlockReader, blockRange, type ExtractOptions } from './extract.ts';
import { byHighlight, Painter } from './highlights.ts';
import { Interaction, type Item } from './interaction.ts';
import { PageItems } from './items.ts';
import { HIGHLIGHT_CHECK_MS, mark, sliceDeadline, yieldToMain } from './timing.ts';
import { hidesText } from './visible.ts';
import { changedRoots, type DomChanges, DomWatcher, insideAny } from './watch.ts';
import { LiveRanges } from './window.ts';

type Bg = ContentToBackground;
/** Where a batch's items go: new blocks after the others (full scan), among them (update), or onto held blocks. */
type AddHow = 'append' | 'insert' | 'extend';

/**
 * Mentions (names and claims) a page keeps at most. A long article has a few hundred and a busy live blog a few
 * thousand; each one costs the page some hundred bytes of our heap, which every full GC traces, and one 5 MB page
 * of repeated names would otherwise hold 291,000. Past the limit the rest of the page is left unmarked.
 */
const MAX_MENTIONS = 20_000;
/** Annotations turned into Ranges between two looks at the clock (one block can hold thousands). */
const ITEMS_PER_CHECK = 64;

export class Annotator {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private readonly painter = new Painter();
  private readonly page = new PageItems();
  private readonly ranges: LiveRanges;
  private readonly interaction: Interaction;
  private readonly watcher: DomWatcher;
  private settings: Settings = DEFAULT_SETTINGS;
  private anchors: Anchors = {};
  /** Mentions the reader marked "wrong match" on this page: `${id}\u0000${text}`. */
  private hidden = new Set<string>();
  private running: Promise<void> = Promise.resolve();
  private guarding = false;
  private paintedOnce = false;
  /** Footnote is on for this page (settings: not paused here). */
  private active = false;
  private readonly extractOptions: ExtractOptions = { hidesText };

  constructor(private readonly doc: Document) {
    this.interaction = new Interaction(doc, this.signal, {
      settings: () => this.settings,
      items: () => this.items,
      focus: (range) => this.painter.focus(range),
      failed: (e) => this.failed(e),
      pageRefs: (item, data) => this.pageRefs(item, data),
      itemsAt: (node) => (this.doc.body ? this.page.itemsAt(node, this.doc.body) : []),
      rangeOf: (item) => this.ranges.rangeOf(item),
      wrongMatch: (item) => void this.wrongMatch(item),
    });
    this.watcher = new DomWatcher(doc, (changes) => this.enqueue(() => this.update(changes)), this.signal);
    this.ranges = new LiveRanges(doc, this.page, this.painter, this.signal);
  }

  /** All current items in document order. */
  get items(): Item[] {
    return this.page.all();
  }

  /** Run jobs one after another, so a rescan never interleaves with an update. */
  private enqueue(job: () => Promise<void>): Promise<void> {
    this.running = this.running.then(job).catch((e) => this.failed(e));
    return this.running;
  }

  /** Re-read settings and rescan everything (or clear, if paused here). */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      // Watch before reading: a change during the (sliced) read is queued and handled right after this scan. The
      // page is read while the background answers (most sites are on); on a paused site the text is dropped unsent.
      this.watcher.start();
      const body = this.doc.body;
      const [{ settings, active, hidden }, blocks] = await Promise.all([
        callBackground<Bg, 'footnote:settings'>('footnote:settings', {
          host: this.doc.location?.hostname ?? '',
          page: pageKey(this.doc),
        }),
        body ? this.read(body) : null,
      ]);
      if (this.signal.aborted) return;
      this.active = active;
      this.settings = settings;
      this.hidden = new Set(hidden.map((h) => hideKey(h.id, h.text)));
      const root = this.doc.documentElement;
      if (settings.highlightStyle === 'background') root.setAttribute('data-footnote-style', 'background');
      else root.removeAttribute('data-footnote-style');
      if (!active) {
        this.clear();
        return;
      }
      // Cards work as soon as the first names are painted, while claims are still being matched.
      this.interaction.start();
      this.guardHighlights();
      if (blocks) await this.fullScan(blocks);
      mark('footnote:scanned');
    });
  }

  /** Pages share the highlight registry and may clear it: check now and then, re-register ours if they are gone. */
  private guardHighlights(): void {
    if (this.guarding) return;
    this.guarding = true;
    const check = () => {
      if (this.signal.aborted) return;
      if (this.doc.visibilityState === 'visible' && !this.painter.intact()) this.painter.restore(this.doc);
      window.setTimeout(check, HIGHLIGHT_CHECK_MS);
    };
    window.setTimeout(check, HIGHLIGHT_CHECK_MS);
  }

  /** Read a subtree in slices, yielding between them; null when stopped by teardown. */
  private async read(root: Element): Promise<Block[] | null> {
    const reader = new BlockReader(root, this.extractOptions);
    try {
      while (!reader.read(sliceDeadline())) {
        await yieldToMain();
        if (this.signal.aborted) return null;
      }
      return reader.blocks;
    } finally {
      reader.close(); // it watches the page while it reads
    }
  }

  /** Read the whole page (unless it was just read) and match it afresh. */
  private async fullScan(read?: Block[]): Promise<void> {
    const body = this.doc.body;
    if (!body) return;
    const blocks = read ?? (await this.read(body));
    if (!blocks) return;
    this.page.clear();
    this.painter.reset();
    this.ranges.reset();
    this.anchors = {};
    await this.matchAndPaint(blocks, false);
  }

  /** Incremental update after DOM changes: rescan only the blocks that changed. */
  private async update(changes: DomChanges): Promise<void> {
    if (this.signal.aborted || !isContextAlive()) return this.teardown();
    if (!this.active) return; // paused here since the change was queued
    const body = this.doc.body;
    if (!body) return;
    if (changes.navigated) return this.fullScan();
    const roots = changedRoots(changes.nodes, body);
    if (!roots) return this.fullScan();
    // Drop the blocks inside a changed root (their text may be gone) and items whose nodes left the page.
    const inRoot = insideAny(roots, body);
    const dropped = await this.page.prune(
      (b) => inRoot(b.element) || !b.segments[0]?.node?.isConnected,
      isLive,
      sliceDeadline(),
      yieldToMain,
    );
    this.ranges.dropped(dropped);
    const fresh: Block[] = [];
    for (const r of roots) {
      const blocks = await this.read(r);
      if (!blocks) return;
      for (const b of blocks) fresh.push(b);
    }
    await this.matchAndPaint(fresh, true);
  }

  /**
   * Have the engine match fresh blocks and paint the answers: names first, everywhere (a fast pass, so a page lights
   * up at once), then claims (a slower pass, per sentence). `insert`: the fresh blocks land among existing ones (an
   * update) rather than after them (a full scan, already in document order).
   */
  private async matchAndPaint(fresh: Block[], insert: boolean): Promise<void> {
    if (!(await this.matchPass(fresh, 'entity', insert ? 'insert' : 'append'))) return;
    if (!insert) mark('footnote:names');
    await this.reportCount();
    // Over MAX_MENTIONS the name pass stopped early: claims are looked for in the blocks it reached.
    const held = fresh.filter((b) => this.page.has(b));
    if (!(await this.matchPass(held, 'claim', 'extend'))) return;
    await this.reportCount();
  }

  /**
   * One kind of annotation for these blocks, in batches sized so that each reply stays small (see
   * REPLY_ANNOTATIONS); each batch is painted as it comes, adding only its own ranges. False when torn down.
   */
  private async matchPass(fresh: Block[], kind: AnnotationKind, how: AddHow): Promise<boolean> {
    const pieces = piecesOf(fresh);
    let size = FIRST_BATCH_CHARS;
    for (let i = 0; i < pieces.length; ) {
      if (this.page.size >= MAX_MENTIONS) {
        console.debug('[footnote]', `${MAX_MENTIONS} mentions on this page: the rest is left unmarked`);
        break;
      }
      const batch = nextBatch(pieces, i, size);
      i += batch.length;
      const { annotations, anchors } = await callBackground<Bg, 'footnote:match'>('footnote:match', {
        blocks: batch.map((p) => p.text),
        lang: this.doc.documentElement.lang || undefined,
        anchors: this.anchors,
        kinds: [kind],
      });
      if (this.signal.aborted) return false;
      this.anchors = anchors;
      const added = await this.addItems(batch, annotations, how);
      if (this.signal.aborted) return false;
      this.painter.add(this.doc, byHighlight(added));
      if (!this.paintedOnce && this.painter.painting) {
        this.paintedOnce = true;
        mark('footnote:first-paint');
      }
      let chars = 0;
      for (const p of batch) chars += p.text.length;
      let count = 0;
      for (const list of annotations) count += list.length;
      size = nextBatchChars(chars, count, REPLY_ANNOTATIONS[kind]);
    }
    this.interaction.itemsChanged();
    return true;
  }

  /** Turn a batch's annotations into items (Ranges), in slices; returns the items added. */
  private async addItems(batch: Piece<Block>[], annotations: Annotation[][], how: AddHow): Promise<Item[]> {
    const added: Item[] = [];
    let stop = sliceDeadline();
    let since = 0;
    for (let b = 0; b < batch.length; b++) {
      const { block, start, first } = batch[b];
      const items: Item[] = [];
      const live = this.ranges.wants(block);
      for (const a of annotations[b] ?? []) {
        if (++since >= ITEMS_PER_CHECK) {
          since = 0;
          if (stop()) {
            await yieldToMain();
            stop = sliceDeadline();
          }
        }
        if (this.page.size + items.length >= MAX_MENTIONS) break;
        if (this.hidden.size > 0 && this.hidden.has(hideKey(a.id, a.text))) continue;
        a.start += start; // offsets in the piece → offsets in the block
        a.end += start;
        items.push({ annotation: a, block, range: live ? blockRange(block, a.start, a.end) : null });
      }
      if (how === 'append' && first) this.page.append(block, items);
      else if (how === 'insert' && first) this.page.insert(block, items);
      else if (!this.page.extend(block, items)) continue; // the block went away meanwhile (a pause, a teardown)
      for (const it of items) added.push(it);
      this.ranges.added(block, items);
      if (stop()) {
        await yieldToMain();
        stop = sliceDeadline();
      }
    }
    this.ranges.check();
    return added;
  }

  private async reportCount(): Promise<void> {
    await callBackground<Bg, 'footnote:count'>('footnote:count', {
      claims: this.page.distinct('claim'),
      entities: this.page.distinct('entity'),
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
    const dropped = this.page.filter((i) => !this.hidden.has(hideKey(i.annotation.id, i.annotation.text)));
    this.ranges.dropped(dropped);
    this.interaction.itemsChanged();
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
    this.ranges.reset();
    this.page.clear();
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

const hideKey = (id: string, text: string) => `${id}\u0000${text}`;

/** A page, for "wrong match" memory: origin and path (no query or fragment, which often carry tracking). */
export function pageKey(doc: Document): string {
  const l = doc.location;
  return l ? `${l.origin}${l.pathname}` : '';
}

/** An item whose range still spans text in the page (the watcher sees text edits: their blocks are re-read). */
function isLive(it: Item): boolean {
  const r = it.range;
  return !r || (!r.collapsed && r.startContainer.isConnected && r.endContainer.isConnected);
}

/** After an update or removal of the extension, its old content scripts lose their runtime. */
function isContextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
