/**
 * The card UI (Preact, the popover and its cards) is a module of its own, loaded on the first card so pages
 * where no card opens never parse it. vite.config.ts builds it to this file of the extension.
 */
import { browser } from '../shared/browser.ts';
import { CARD_UI_FILE } from './files.ts';

export type CardUi = typeof import('./popover.tsx');

export function loadCardUi(): Promise<CardUi> {
  return import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI_FILE));
}
