/**
 * PopoverHost owns Footnote's in-page UI: one host element outside <body>, a shadow root with our styles, and a
 * Preact render of the card inside. Placement is @floating-ui/dom's (flip, shift, follows scrolling); components
 * only render. Focus moves in when opened from the keyboard and returns on close.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { Annotation } from '../core/engine.ts';
import { t } from '../shared/i18n.ts';
import type { CardData } from '../shared/messages.ts';
import { Card, type CardActions } from '../ui/Card.tsx';
import cardCss from '../ui/card.css?inline';
import type { PageRef } from '../ui/OnThisPage.tsx';
import { OWN_UI_ATTR } from './extract.ts';

export interface OpenOptions extends CardActions {
  range: Range;
  data: CardData;
  match: Pick<Annotation, 'text' | 'score' | 'via' | 'explanation'>;
  onPage: PageRef[];
  /** Move focus into the card (opened from the keyboard). */
  focus: boolean;
  theme: 'system' | 'light' | 'dark';
  pinned: boolean;
}

const VIEWPORT_PADDING = 8;

export class PopoverHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private panel: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  onClose: (() => void) | null = null;
  onPointerEnter: (() => void) | null = null;
  onPointerLeave: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  get isOpen(): boolean {
    return this.panel !== null;
  }

  /** Is this event target part of our UI (events from inside must not close it)? */
  contains(node: EventTarget | null): boolean {
    return node instanceof Node && this.host !== null && (node === this.host || this.host.contains(node));
  }

  private ensureHost(): ShadowRoot {
    if (this.root && this.host?.isConnected) return this.root;
    // An undefined custom-element name may host a shadow root (customElements itself is null in Chromium
    // content scripts, so we never define it); fall back to a div if a browser refuses.
    let host: HTMLElement = this.doc.createElement('footnote-ui');
    try {
      host.attachShadow({ mode: 'open' });
    } catch {
      host = this.doc.createElement('div');
      host.attachShadow({ mode: 'open' });
    }
    host.setAttribute(OWN_UI_ATTR, '');
    const root = host.shadowRoot as ShadowRoot;
    const style = this.doc.createElement('style');
    style.textContent = cardCss;
    root.append(style);
    this.doc.documentElement.append(host);
    this.host = host;
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
    panel.setAttribute('aria-label', t('cardLabel'));
    panel.tabIndex = -1;
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
    render(
      <Card
        data={o.data}
        match={o.match}
        onPage={o.onPage}
        pinned={o.pinned}
        onClose={() => this.close(true)}
        onCopy={(text) => this.copy(text)}
        onWrongMatch={o.onWrongMatch}
        onPin={o.onPin}
        onJump={o.onJump}
      />,
      panel,
    );
    const reference = {
      getBoundingClientRect: () => o.range.getBoundingClientRect(),
      getClientRects: () => o.range.getClientRects(),
    };
    const place = () =>
      computePosition(reference, panel, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: VIEWPORT_PADDING }),
          shift({ padding: VIEWPORT_PADDING }),
          size({
            padding: VIEWPORT_PADDING,
            apply: ({ availableHeight }) => {
              panel.style.maxHeight = `${Math.max(160, Math.min(520, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        panel.style.left = `${x}px`;
        panel.style.top = `${y}px`;
      });
    this.stopAutoUpdate = autoUpdate(reference as unknown as Element, panel, place, { animationFrame: false });
    if (o.focus) panel.focus();
  }

  /** Copy text: the async clipboard where allowed, else a selection-based copy inside our shadow root. */
  private async copy(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const root = this.root;
      if (!root) return false;
      const area = this.doc.createElement('textarea');
      area.value = text;
      area.style.position = 'fixed';
      area.style.opacity = '0';
      root.append(area);
      area.select();
      const ok = this.doc.execCommand('copy');
      area.remove();
      return ok;
    }
  }

  close(restoreFocus: boolean): void {
    if (!this.panel) return;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
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
