/**
 * The seam to the WebExtension APIs. Everything that talks to the browser imports `browser` from here, so
 * tests can swap it and pure modules never pull in webextension-polyfill (which throws outside an extension).
 */
import polyfill from 'webextension-polyfill';

export const browser = polyfill;
export type Browser = typeof polyfill;
