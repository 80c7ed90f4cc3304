/**
 * The one message contract between Footnote's contexts. Each direction is a call map: message type →
 * request payload and reply value. Senders and handlers are typed from these maps, so a wrong message or a
 * missing handler fails to compile. Replies travel as `Result` values, never as thrown errors.
 *
 *   content script ──ContentToBackground──▶ background (engine, pack, settings)
 *   popup / options ──UiToBackground──────▶ background
 *   popup / background ──ToContent────────▶ content script in a tab
 */
import type { Annotation } from '../core/engine.ts';
import type { Anchors } from '../core/names/matcher.ts';
import type { Claim, Entity, PackFile, PackMeta, Source } from '../core/pack/schema.ts';
import type { Settings } from './settings.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** An annotation as the content script receives it: offsets into the block it was found in. */
export type BlockAnnotation = Annotation;

/** What the popup lists for the page (no offsets: the content script keeps those). */
export interface AnnotationSummary {
  kind: Annotation['kind'];
  id: string;
  label: string;
  text: string;
  score: number;
  /** Normalised verdict, for claims. */
  verdict?: string;
}

export interface CardData {
  kind: 'entity' | 'claim';
  entity?: Entity;
  claim?: Claim;
  sources: Record<string, Source>;
  claims: Array<Pick<Claim, 'id' | 'text' | 'verdict'>>;
  related: Array<Pick<Entity, 'id' | 'name' | 'type'>>;
}

/** A mention the reader marked as a wrong match, remembered per page. */
export interface WrongMatch {
  /** Origin + path of the page. */
  page: string;
  id: string;
  text: string;
  label: string;
  /** ISO date-time it was marked. */
  added: string;
}

export interface PackInfo extends PackMeta {
  entities: number;
  claims: number;
  aliases: number;
  sources: number;
  /** The user's imported pack, merged with the bundled one. */
  imported: { file: string; claims: number; imported: string } | null;
}

export interface SearchResult {
  kind: 'entity' | 'claim';
  id: string;
  label: string;
  detail: string;
  verdict?: string;
  /** 0..1, higher is closer. */
  score: number;
}

export type ContentToBackground = {
  /** Annotate the blocks of one page. The text never leaves the browser: this is an in-extension message. */
  'footnote:match': {
    /** `kinds`: only these kinds of annotation (default both; settings can still hide one). The content script asks
     * for names first (a fast pass, so highlights appear at once) and claims after (a slower pass per sentence). */
    req: { blocks: string[]; lang?: string; anchors?: Anchors; kinds?: Array<'entity' | 'claim'> };
    res: { annotations: BlockAnnotation[][]; anchors: Anchors };
  };
  'footnote:card': { req: { kind: 'entity' | 'claim'; id: string }; res: CardData };
  'footnote:settings': {
    req: { host: string; page: string };
    res: { settings: Settings; active: boolean; hidden: WrongMatch[] };
  };
  'footnote:wrong-match': { req: Omit<WrongMatch, 'added'>; res: null };
  'footnote:count': { req: { claims: number; entities: number }; res: null };
};

export type UiToBackground = {
  'footnote:pack-info': { req: Record<string, never>; res: PackInfo };
  'footnote:get-settings': { req: Record<string, never>; res: Settings };
  'footnote:set-settings': { req: { patch: Partial<Settings> }; res: Settings };
  'footnote:wrong-matches': { req: Record<string, never>; res: WrongMatch[] };
  'footnote:forget-wrong-match': { req: { page: string; id: string; text: string }; res: WrongMatch[] };
  'footnote:import-pack': { req: { file: string; data: PackFile }; res: PackInfo };
  'footnote:remove-import': { req: Record<string, never>; res: PackInfo };
  'footnote:search': { req: { query: string }; res: SearchResult[] };
  /** The side panel asks for the selection the context menu was used on (and gets it once). */
  'footnote:pending-query': { req: Record<string, never>; res: string | null };
};

export type ToContent = {
  /** The page summary: current annotations of the tab. */
  'footnote:annotations': {
    req: Record<string, never>;
    res: { annotations: AnnotationSummary[]; page: { url: string; title: string; host: string } };
  };
  /** Scroll to the n-th annotation of an id and flash it. */
  'footnote:reveal': { req: { id: string }; res: boolean };
  /** Move to the next/previous annotation (keyboard commands). */
  'footnote:step': { req: { direction: 1 | -1 }; res: boolean };
  /** Settings changed: re-read them and repaint (or tear down). */
  'footnote:refresh': { req: Record<string, never>; res: boolean };
};

/** Background → extension pages (the side panel): a new "Check with Footnote" query. */
export type ToPages = {
  'footnote:query': { req: { query: string }; res: null };
};

export type CallMap = Record<string, { req: unknown; res: unknown }>;
export type Message<M extends CallMap, K extends keyof M = keyof M> = K extends keyof M
  ? { type: K } & M[K]['req']
  : never;
export type Handlers<M extends CallMap> = {
  [K in keyof M]: (req: M[K]['req'], sender: { tabId?: number; url?: string }) => Promise<M[K]['res']> | M[K]['res'];
};

export const isFootnoteMessage = (m: unknown): m is { type: string } =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as { type?: unknown }).type === 'string' &&
  (m as { type: string }).type.startsWith('footnote:');
