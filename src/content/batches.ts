/**
 * How the content script cuts a page's blocks into messages for the background's engine. Pure: strings and numbers.
 *
 * Two things bound a message: what it carries and what comes back. Sending is one `sendMessage` that serialises
 * the texts, and the reply is deserialised in one task: neither can be sliced, so both stay small. A block longer
 * than PIECE_CHARS (a page that is one endless paragraph) goes as several pieces cut after a sentence; batches are
 * sized from the density of annotations in the previous reply.
 */
import type { AnnotationKind } from '../core/engine.ts';

/**
 * Annotations per reply we aim for. About 2,000 names are 250 kB of JSON, a few milliseconds to deserialise; a
 * claim carries its text, the sentence and the evidence, about five times as much.
 */
export const REPLY_ANNOTATIONS: Record<AnnotationKind, number> = { entity: 2000, claim: 400 };
/** The first batch, before any density is known: a whole typical article, so most pages need one round trip. */
export const FIRST_BATCH_CHARS = 50_000;
/** Bounds on a batch: at least a few paragraphs per message, and at most what a message should carry. */
export const MIN_BATCH_CHARS = 2000;
export const MAX_BATCH_CHARS = 100_000;
/** Longest piece of one block in a message; a longer block is cut after a sentence (or a word) before this. */
export const PIECE_CHARS = 20_000;

/** A stretch of one block's text: the block, where the stretch starts in its text, and the stretch. */
export interface Piece<B> {
  block: B;
  /** Offset of `text` in the block's text: add it to the engine's offsets. */
  start: number;
  text: string;
  /** Whether this is the block's first piece (the one that adds the block; later ones add to it). */
  first: boolean;
}

/** The blocks as pieces of at most PIECE_CHARS, in order. */
export function piecesOf<B extends { text: string }>(blocks: readonly B[]): Piece<B>[] {
  const out: Piece<B>[] = [];
  for (const block of blocks) {
    const text = block.text;
    let start = 0;
    do {
      const end = cutAt(text, start);
      out.push({
        block,
        start,
        text: start === 0 && end === text.length ? text : text.slice(start, end),
        first: start === 0,
      });
      start = end;
    } while (start < text.length);
  }
  return out;
}

/** Where the piece that starts at `start` ends: after the last sentence end, else the last space, in reach. */
function cutAt(text: string, start: number): number {
  const limit = start + PIECE_CHARS;
  if (limit >= text.length) return text.length;
  const half = start + PIECE_CHARS / 2;
  for (const mark of ['. ', '? ', '! ', ' ']) {
    const at = text.lastIndexOf(mark, limit - mark.length);
    if (at >= half) return at + mark.length;
  }
  return limit;
}

/** The pieces of the next batch from `from`: at least one, and no more than `chars` characters after the first. */
export function nextBatch<B>(pieces: readonly Piece<B>[], from: number, chars: number): Piece<B>[] {
  const batch: Piece<B>[] = [];
  let total = 0;
  for (let i = from; i < pieces.length && (batch.length === 0 || total + pieces[i].text.length <= chars); i++) {
    total += pieces[i].text.length;
    batch.push(pieces[i]);
  }
  return batch;
}

/** Characters for the next batch, so that its reply holds about `target` annotations at the density just seen. */
export function nextBatchChars(chars: number, count: number, target: number): number {
  const ideal = count === 0 ? MAX_BATCH_CHARS : Math.floor((target * chars) / count);
  return Math.max(MIN_BATCH_CHARS, Math.min(MAX_BATCH_CHARS, ideal));
}
