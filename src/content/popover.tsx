/**
 * PopoverHost owns Footnote's in-page UI: one host element outside <body>, a shadow root with our styles, and a
 * Preact render of the card inside. Components only render; this class owns placement, focus and teardown.
 */
import { render } from 'preact';
import type { CardData } from '../shared/messages.ts';
import { Card } from '../ui/Card.tsx';
import cardCss from '../ui/card.css?inline';
import { OWN_UI_ATTR } from './extract.ts';
import { placePopover } from './position.ts';

export interface OpenOptions {
  anchor: DOMRect;
  data: CardData;
  match: { text: string; score: number; via: string };
  /** Move focus into the card (opened from the keyboard). */
  focus: boolean;
  theme: 'system' | 'light' | 'dark';
}

export class PopoverHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private panel: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  onClose: (() => void) | null = null;
  onPointerEnter: (() => void) | null = null;
  onPointerLeave: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  get isOpen(): boolean {
    return this.panel !== null;
  }

  /** Is this node part of our UI (events from inside must not close it)? */
  contains(node: EventTarget | null): boolean {
    return node instanceof Node && this.host !== null && (node === this.host || this.host.contains(node));
  }

  private ensureHost(): ShadowRoot {
    if (this.root && this.host?.isConnected) return this.root;
    const host = this.doc.createElement('footnote-ui');
    host.setAttribute(OWN_UI_ATTR, '');
    // An undefined custom-element name may host a shadow root (customElements itself is null in Chromium
    // content scripts, so we never define it); fall back to a div if a browser refuses.
    let target: HTMLElement = host;
    try {
      host.attachShadow({ mode: 'open' });
    } catch {
      target = this.doc.createElement('div');
      target.setAttribute(OWN_UI_ATTR, '');
      target.attachShadow({ mode: 'open' });
    }
    const root = target.shadowRoot as ShadowRoot;
    const style = this.doc.createElement('style');
    style.textContent = cardCss;
    root.append(style);
    this.doc.documentElement.append(target);
    this.host = target;
    this.root = root;
    return root;
  }

  open(o: OpenOptions): void {
    const root = this.ensureHost();
    this.close(false);
    this.returnFocus = o.focus ? this.doc.activeElement : null;
    const panel = this.doc.createElement('div');
    panel.className = `popover${o.theme === 'system' ? '' : ` ${o.theme}`}`;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-labelledby', 'footnote-card-title');
    panel.tabIndex = -1;
    panel.style.visibility = 'hidden';
    panel.addEventListener('pointerenter', () => this.onPointerEnter?.());
    panel.addEventListener('pointerleave', () => this.onPointerLeave?.());
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close(true);
      }
    });
    root.append(panel);
    this.panel = panel;
    render(<Card data={o.data} match={o.match} onClose={() => this.close(true)} />, panel);
    const view = this.doc.defaultView as Window;
    const size = panel.getBoundingClientRect();
    const p = placePopover(o.anchor, size, { width: view.innerWidth, height: view.innerHeight });
    panel.style.left = `${p.left}px`;
    panel.style.top = `${p.top}px`;
    panel.style.visibility = '';
    if (o.focus) panel.focus();
  }

  close(restoreFocus: boolean): void {
    if (!this.panel) return;
    render(null, this.panel);
    this.panel.remove();
    this.panel = null;
    if (restoreFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
    this.onClose?.();
  }

  destroy(): void {
    this.close(false);
    this.host?.remove();
    this.host = null;
    this.root = null;
  }
}
