/** Where the build (vite.config.ts) writes the content script and its card UI inside the extension. */

/** The content script: one classic script, run as the browser injects it at document_idle. */
export const CONTENT_FILE = 'content/main.js';

/** The card UI (Preact, the popover and its cards): a module the content script imports on the first card. */
export const CARD_UI_FILE = 'content/card.js';
