import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockReader, blockRange, extractBlocks, isExcluded } from '../../src/content/extract.ts';
import { CHECKPOINT_EVERY } from '../../src/content/ranges.ts';
import { collapseWhiteSpace, sourceOffset } from '../../src/content/whitespace.ts';
import { propertyRuns } from '../unit/property/arbitraries.ts';

function setBody(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Collapse the old way, one character at a time: the reference the fast collapser must agree with. */
function collapseSlowly(data: string, afterSpace: boolean): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let space = afterSpace;
  for (let i = 0; i < data.length; i++) {
    if (/[ \t\n\r\f]/.test(data[i])) {
      if (space) continue;
      text += ' ';
      space = true;
    } else {
      text += data[i];
      space = false;
    }
    map.push(i);
  }
  return { text, map };
}

describe('collapseWhiteSpace', () => {
  it.each([
    ['plain', 'Keir Starmer said so', false],
    ['leading space after a space', ' Keir', true],
    ['leading space after a word', ' Keir', false],
    ['runs and breaks', '\n   Keir\n     Starmer   said\t\tso  ', false],
    ['only white space', ' \n\t ', false],
    ['only white space after a space', ' \n\t ', true],
    ['form feed and CR', 'a\f\rb', false],
    ['empty', '', true],
    ['no-break spaces stay', 'a\u00a0\u00a0 b', false],
    ['a single space after a space', ' ', true],
  ])('agrees with a character-by-character collapse: %s', (_, data, afterSpace) => {
    const want = collapseSlowly(data, afterSpace);
    const got = collapseWhiteSpace(data, afterSpace);
    expect(got.text).toBe(want.text);
    const map = want.text.split('').map((_, i) => (got.verbatim ? i : sourceOffset(data, afterSpace, i)));
    expect(map).toEqual(want.map);
    expect(got.verbatim).toBe(want.text === data);
    expect(sourceOffset(data, afterSpace, want.text.length)).toBe(-1);
    expect(got.endsInSpace).toBe(want.text.length > 0 ? want.text.endsWith(' ') : afterSpace);
  });
});

describe('collapseWhiteSpace on any mix of white space and text', () => {
  it('gives the same text, ends and offsets as the character-by-character collapse', () => {
    const unit = fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\f', '\u00a0', 'a', 'Zé', '😀', '\u200b');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }), fc.boolean(), (units, afterSpace) => {
        const data = units.join('');
        const want = collapseSlowly(data, afterSpace);
        const got = collapseWhiteSpace(data, afterSpace);
        expect(got.text).toBe(want.text);
        expect(got.endsInSpace).toBe(want.text.length > 0 ? want.text.endsWith(' ') : afterSpace);
        for (let i = 0; i < want.text.length; i++)
          expect(got.verbatim ? i : sourceOffset(data, afterSpace, i)).toBe(want.map[i]);
      }),
      propertyRuns(500),
    );
  });
});

describe('BlockReader', () => {
  it('finds the right nodes for ranges in a block far longer than one checkpoint stride', () => {
    const n = CHECKPOINT_EVERY * 5 + 7;
    const spans = Array.from({ length: n }, (_, i) => `<span>w${i} </span>`).join('');
    const body = setBody(`<p>${spans}<b>Keir Starmer</b> spoke.</p>`);
    const [block] = extractBlocks(body);
    expect(block.segments.length).toBe(n + 2);
    // Only every CHECKPOINT_EVERY-th segment holds its node; the rest are found again by walking.
    expect(block.segments.filter((s) => s.node).length).toBe(Math.ceil((n + 2) / CHECKPOINT_EVERY));
    const at = block.text.indexOf('Keir Starmer');
    expect(blockRange(block, at, at + 12)?.toString()).toBe('Keir Starmer');
    // Out of order, backwards, and across an excluded subtree between two kept nodes.
    for (const i of [n - 1, 3, CHECKPOINT_EVERY + 1, 2 * CHECKPOINT_EVERY - 1, 0]) {
      const word = `w${i}`;
      const start = block.text.indexOf(`${word} `);
      expect(blockRange(block, start, start + word.length)?.toString()).toBe(word);
    }
  });

  it('walks past excluded subtrees the same way when finding nodes again', () => {
    const parts = Array.from({ length: 80 }, (_, i) =>
      i % 9 === 0 ? `<code>x${i}</code><span>w${i} </span>` : `<span>w${i} </span>`,
    );
    const [block] = extractBlocks(setBody(`<p>${parts.join('')}</p>`));
    expect(block.text).not.toContain('x9');
    const start = block.text.indexOf('w77 ');
    expect(blockRange(block, start, start + 3)?.toString()).toBe('w77');
  });

  it('gives no range rather than a wrong one when the page changed under a block', () => {
    const spans = Array.from({ length: 70 }, (_, i) => `<span>w${i} </span>`).join('');
    const body = setBody(`<p>${spans}</p>`);
    const [block] = extractBlocks(body);
    body.querySelectorAll('span')[40].remove(); // the node after it moves up one place
    const start = block.text.indexOf('w50 ');
    expect(blockRange(block, start, start + 3)).toBeNull();
  });

  it('reads a DOM 2,000 deep, with the link and block of the innermost text', () => {
    let html = '<p>Friedrich <a href="#">Merz</a><a href="#">Berlin</a></p>';
    for (let i = 0; i < 2000; i++) html = `<div>${html}</div>`;
    expect(extractBlocks(setBody(html)).map((b) => b.text)).toEqual(['Friedrich Merz Berlin']);
  });

  it('asks the layout test once per element that holds text, and skips what it hides', () => {
    const body = setBody(
      '<p>Shown <span class="h">hidden <b>also hidden</b></span> <span>a</span><span>b</span></p><div class="h">gone</div>',
    );
    const asked: string[] = [];
    const blocks = extractBlocks(body, {
      hidesText: (el) => {
        asked.push(el.tagName);
        return el.closest('.h') !== null;
      },
    });
    expect(blocks.map((b) => b.text)).toEqual(['Shown ab']);
    expect(asked).toEqual(['P', 'SPAN', 'B', 'SPAN', 'SPAN', 'DIV']);
  });

  it('stops when told and resumes where it stopped', () => {
    const body = setBody(Array.from({ length: 500 }, (_, i) => `<p>para ${i}</p>`).join(''));
    const reader = new BlockReader(body);
    let calls = 0;
    let slices = 0;
    while (!reader.read(() => ++calls % 2 === 0)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(reader.blocks.map((b) => b.text)).toEqual(Array.from({ length: 500 }, (_, i) => `para ${i}`));
  });
});

/** A random page of nested elements, some of them carrying the attributes the exclusion predicate reads. */
const pageHtml = (() => {
  const tag = fc.constantFrom('p', 'div', 'span', 'b', 'a', 'li', 'code', 'section', 'em');
  const attr = fc.constantFrom(
    '',
    '',
    '',
    ' class="x"',
    ' hidden',
    ' aria-hidden="true"',
    ' aria-hidden="false"',
    ' contenteditable',
    ' contenteditable="false"',
    ' style="color: red"',
    ' style="DISPLAY : none"',
    ' style="visibility:hidden"',
    ' style=""',
    ' data-footnote-ui',
  );
  const word = fc.constantFrom('Merz ', 'Kyiv', ' Rutte', 'NATO ', ' ');
  const { node } = fc.letrec<{ node: string }>((self) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word,
      fc
        .tuple(tag, attr, fc.array(self('node'), { maxLength: 4 }))
        .map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`),
    ),
  }));
  return fc.array(node, { minLength: 1, maxLength: 6 }).map((nodes) => nodes.join(''));
})();

/** The page with every element the exclusion predicate turns down taken out (the outermost of each nest). */
function withoutExcluded(html: string): HTMLElement {
  const body = setBody(html);
  for (const el of [...body.querySelectorAll('*')]) if (body.contains(el) && isExcluded(el)) el.remove();
  return body;
}

describe('BlockReader exclusions', () => {
  it('reads a page as it reads the same page with its excluded subtrees taken out', () => {
    fc.assert(
      fc.property(pageHtml, (html) => {
        const want = extractBlocks(withoutExcluded(html)).map((b) => b.text);
        const got = extractBlocks(setBody(html)).map((b) => b.text);
        expect(got).toEqual(want);
      }),
      propertyRuns(300),
    );
  });

  it.each([
    ['straight on', false],
    ['after yielding to the event loop', true],
  ])('judges what the page gains between two slices by the page as it is then (%s)', async (_, yieldBetween) => {
    const body = setBody(Array.from({ length: 300 }, (_, i) => `<p style="color: red">para ${i}</p>`).join(''));
    const reader = new BlockReader(body);
    let slice = 0;
    // Each slice ends after one look at the clock; between slices the page gains hidden and visible text ahead of
    // the walk, and loses a suspect the walk has not reached. Yielding lets the reader's observer hear of it
    // first (as in the content script); without a yield, the changes are still queued when the next slice starts.
    while (!reader.read(() => true)) {
      slice++;
      body.insertAdjacentHTML(
        'beforeend',
        `<p hidden>gone ${slice}</p><p><span aria-hidden="true">gone</span>kept ${slice}</p>` +
          `<div style="display:none">gone</div><p contenteditable>gone</p>`,
      );
      body.querySelectorAll('p[style]')[299 - slice]?.remove();
      if (yieldBetween) await new Promise((r) => setTimeout(r, 0));
    }
    expect(slice).toBeGreaterThan(3);
    const texts = reader.blocks.map((b) => b.text);
    expect(texts.filter((t) => t.includes('gone'))).toEqual([]);
    expect(texts.filter((t) => t.startsWith('kept')).length).toBe(slice);
    expect(texts).toEqual(extractBlocks(body).map((b) => b.text));
  });
});
