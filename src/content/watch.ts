/**
 * DomWatcher: watches the page for changes without ever working inside the observer callback. Mutation records
 * are reduced to the set of changed nodes and queued; a flush runs once things settle (or after a maximum wait,
 * so a page that never stops mutating still gets rescanned) and hands the queue to the annotator. SPA
 * navigations (URL changes via the history API, popstate, hashchange) are reported as a full rescan.
 */
import { enclosingBlock } from './extract.ts';
import { FULL_RESCAN_BLOCKS, MUTATION_MAX_WAIT_MS, MUTATION_SETTLE_MS } from './timing.ts';

export interface DomChanges {
  /** Nodes whose subtree changed (targets of childList/characterData records). */
  nodes: Set<Node>;
  /** The URL changed since the last flush (SPA navigation): rescan everything. */
  navigated: boolean;
}

export class DomWatcher {
  private queue = new Set<Node>();
  private observer: MutationObserver | null = null;
  private settleTimer = 0;
  private firstQueued = 0;
  private url: string;

  constructor(
    private readonly doc: Document,
    private readonly onFlush: (changes: DomChanges) => void,
    private readonly signal: AbortSignal,
  ) {
    this.url = doc.location?.href ?? '';
  }

  start(): void {
    if (this.observer || this.signal.aborted) return;
    const view = this.doc.defaultView ?? window;
    this.observer = new MutationObserver((records) => {
      for (const r of records) this.queue.add(r.target);
      this.schedule();
    });
    const body = this.doc.body;
    if (body) this.observer.observe(body, { childList: true, subtree: true, characterData: true });
    const nav = () => this.schedule();
    view.addEventListener('popstate', nav, { signal: this.signal });
    view.addEventListener('hashchange', nav, { signal: this.signal });
    const navigation = (view as Window & { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigatesuccess', nav, { signal: this.signal });
    this.signal.addEventListener('abort', () => this.stop());
  }

  private schedule(): void {
    const now = performance.now();
    if (!this.firstQueued) this.firstQueued = now;
    clearTimeout(this.settleTimer);
    const wait = now - this.firstQueued >= MUTATION_MAX_WAIT_MS ? 0 : MUTATION_SETTLE_MS;
    this.settleTimer = window.setTimeout(() => this.flush(), wait);
  }

  /** Hand over what changed since the last flush. */
  flush(): void {
    clearTimeout(this.settleTimer);
    this.firstQueued = 0;
    const url = this.doc.location?.href ?? '';
    const navigated = url !== this.url;
    this.url = url;
    if (this.queue.size === 0 && !navigated) return;
    const nodes = this.queue;
    this.queue = new Set();
    this.onFlush({ nodes, navigated });
  }

  stop(): void {
    clearTimeout(this.settleTimer);
    this.observer?.disconnect();
    this.observer = null;
    this.queue.clear();
  }
}

/**
 * The block elements to re-read for these changed nodes, outermost only; null when a full rescan is the better
 * deal (the body itself changed, or too many blocks did).
 */
export function changedRoots(nodes: Iterable<Node>, body: HTMLElement): Set<Element> | null {
  const roots = new Set<Element>();
  for (const n of nodes) {
    if (!n.isConnected || !body.contains(n)) continue;
    const r = enclosingBlock(n, body);
    if (r === body) return null;
    roots.add(r);
    // Bail out before the pairwise pass below gets costly; nesting rarely halves a big set.
    if (roots.size > FULL_RESCAN_BLOCKS * 4) return null;
  }
  for (const r of [...roots]) for (const other of roots) if (other !== r && other.contains(r)) roots.delete(r);
  return roots.size > FULL_RESCAN_BLOCKS ? null : roots;
}

/** A test "is this element inside one of `roots`", remembering every element it walked through. */
export function insideAny(roots: Set<Element>, body: HTMLElement): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let answer = false;
    for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
      const k = known.get(e);
      if (k !== undefined) {
        answer = k;
        break;
      }
      if (roots.has(e)) {
        answer = true;
        break;
      }
      path.push(e);
    }
    for (const e of path) known.set(e, answer);
    return answer;
  };
}
