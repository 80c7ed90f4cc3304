import { describe, expect, it } from 'vitest';
import { blockRange, extractBlocks, pageText } from '../../src/content/extract.ts';

function setBody(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('extractBlocks', () => {
  it('joins inline elements into one block so names can span <a>, <em> and <span>', () => {
    const body = setBody('<p>President <a href="#">Emmanuel <em>Macron</em></a> spoke.</p><p>Next.</p>');
    const blocks = extractBlocks(body);
    expect(blocks.map((b) => b.text)).toEqual(['President Emmanuel Macron spoke.', 'Next.']);
    const b = blocks[0];
    const start = b.text.indexOf('Emmanuel');
    const range = blockRange(b, start, start + 'Emmanuel Macron'.length);
    expect(range?.toString()).toBe('Emmanuel Macron');
    expect(range?.startContainer.textContent).toBe('Emmanuel ');
    expect(range?.endContainer.textContent).toBe('Macron');
  });

  it('collapses white space as a browser renders it and maps offsets back exactly', () => {
    const body = setBody('<div>\n   Keir\n     Starmer   said\t\tso  </div>');
    const [b] = extractBlocks(body);
    expect(b.text).toBe('Keir Starmer said so');
    const r = blockRange(b, 5, 12);
    expect(r?.toString()).toBe('Starmer');
  });

  it.each([
    ['<script>Putin</script>', 'script'],
    ['<style>.Putin{}</style>', 'style'],
    ['<noscript>Putin</noscript>', 'noscript'],
    ['<template><p>Putin</p></template>', 'template'],
    ['<textarea>Putin</textarea>', 'textarea'],
    ['<pre>Putin</pre>', 'pre'],
    ['<code>Putin</code>', 'code'],
    ['<div contenteditable="true">Putin</div>', 'contenteditable'],
    ['<div hidden>Putin</div>', 'hidden attribute'],
    ['<div aria-hidden="true">Putin</div>', 'aria-hidden'],
    ['<div style="display: none">Putin</div>', 'display none'],
    ['<div data-footnote-ui>Putin</div>', 'our own UI'],
  ])('skips text in %s (%s)', (html) => {
    const body = setBody(`<p>Visible</p>${html}`);
    expect(extractBlocks(body).map((b) => b.text)).toEqual(['Visible']);
  });

  it('treats <br> and adjacent links as word breaks', () => {
    const body = setBody('<nav><a>Home</a><a>Europe</a></nav><p>Kyiv<br>Moscow</p>');
    expect(extractBlocks(body).map((b) => b.text)).toEqual(['Home Europe', 'Kyiv Moscow']);
  });

  it('gives the page text with each block offset', () => {
    const body = setBody('<h1>Title</h1><p>Body text</p>');
    const { text, offsets } = pageText(extractBlocks(body));
    expect(text).toBe('Title\nBody text');
    expect(offsets).toEqual([0, 6]);
  });

  it('uses the extra visibility test when one is given', () => {
    const body = setBody('<p class="x">Hidden by CSS</p><p>Shown</p>');
    const blocks = extractBlocks(body, { isHidden: (el) => el.classList.contains('x') });
    expect(blocks.map((b) => b.text)).toEqual(['Shown']);
  });
});
