/**
 * Content script entry: reads the page's visible text, asks the background's engine what is in it, paints the
 * answers with CSS highlights and opens cards on hover, click or keyboard. Never mutates <body>.
 *
 * Lifecycle: one `Footnote` per document (double-injection guard); everything it starts hangs off one
 * AbortController, so disable, "pause on this site" and an orphaned script (extension updated or removed)
 * all end in the same `teardown()`.
 */
import type { ToContent } from '../shared/messages.ts';
import { serve } from '../shared/rpc.ts';
import { Annotator } from './annotator.ts';
import { mark } from './timing.ts';

const GUARD = Symbol.for('footnote.content');
type GuardedWindow = Window & { [GUARD]?: Annotator };

function start(): void {
  // A classic content script runs as the browser injects it (vite.config.ts): this mark is document_idle.
  mark('footnote:start');
  const w = window as GuardedWindow;
  // Injected again (a reload of the extension, a second injection): the newest script wins, the old one leaves
  // no trace. Its highlights, listeners and observer all hang off its AbortController.
  w[GUARD]?.teardown();
  const annotator = new Annotator(document);
  w[GUARD] = annotator;
  annotator.signal.addEventListener('abort', () => {
    if (w[GUARD] === annotator) delete w[GUARD];
  });
  serve<ToContent>(
    {
      'footnote:annotations': () => ({
        annotations: annotator.summary(),
        page: { url: location.href, title: document.title, host: location.hostname },
      }),
      'footnote:reveal': ({ id }) => annotator.reveal(id),
      'footnote:step': ({ direction }) => annotator.step(direction),
      'footnote:refresh': async () => {
        await annotator.refresh();
        return true;
      },
    },
    annotator.signal,
  );
  void annotator.refresh();
}

start();
