/**
 * Parse saved HTML in Node with happy-dom and read its visible text with the content script's own extractor,
 * so the CLI and the extension agree on "visible text" and its offsets. Nothing is fetched or executed.
 */
import { Window } from 'happy-dom';
import { type Block, extractBlocks, pageText } from '../content/extract.ts';

export interface ParsedPage {
  blocks: Block[];
  /** Blocks joined with newlines: the page's visible text. */
  text: string;
  /** Offset of each block in `text`. */
  offsets: number[];
  lang: string | undefined;
  title: string;
  close(): void;
}

export function parseHtml(html: string, url = 'https://footnote.invalid/'): ParsedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const body = doc.body ?? doc.documentElement;
  const blocks = extractBlocks(body as unknown as Element);
  const { text, offsets } = pageText(blocks);
  return {
    blocks,
    text,
    offsets,
    lang: doc.documentElement.getAttribute('lang') ?? undefined,
    title: doc.title,
    close: () => void window.happyDOM.close(),
  };
}
