/**
 * Hostile pages for the hardening tests, generated into a temporary folder: each returns its HTML and the names
 * a reader should see highlighted (checked against what is painted).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HostilePage {
  name: string;
  html: string;
  /** Names that must be painted (each at least once). */
  expect: string[];
  /** Texts that must not be painted. */
  never?: string[];
}

const SENTENCE = 'Emmanuel Macron met Keir Starmer in Kyiv while NATO allies talked. ';
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>hostile</title></head><body>${body}</body></html>`;

export function hostilePages(): HostilePage[] {
  const big = Array.from({ length: 5200 }, (_, i) => `<p>${i} ${SENTENCE.repeat(14)}</p>`).join('');
  let deep = '<p>Friedrich Merz spoke at the bottom.</p>';
  for (let i = 0; i < 2000; i++) deep = `<div>${deep}</div>`;
  const spans = Array.from({ length: 100_000 }, (_, i) =>
    i % 1000 === 0 ? '<span>Giorgia Meloni</span> ' : `<span>w${i} </span>`,
  ).join('');
  return [
    {
      name: 'prototypes',
      expect: ['Emmanuel Macron', 'Keir Starmer'],
      html: page(
        `<p>${SENTENCE}</p><script>
          // A page that breaks the DOM for everyone else: our content script must not care.
          Node.prototype.appendChild = function () { throw new Error('page says no'); };
          Element.prototype.attachShadow = function () { throw new Error('page says no'); };
          Document.prototype.createTreeWalker = function () { throw new Error('page says no'); };
          Range.prototype.getBoundingClientRect = function () { throw new Error('page says no'); };
          HTMLElement.prototype.append = function () { throw new Error('page says no'); };
        </script>`,
      ),
    },
    {
      name: 'highlight-thief',
      expect: ['Emmanuel Macron', 'Keir Starmer'],
      html: page(`<p>${SENTENCE}</p><script>
        // Clears every highlight (ours included) a moment after load, then replaces the registry's methods.
        setTimeout(() => { CSS.highlights.clear(); }, 1500);
      </script>`),
    },
    {
      name: 'strict-csp',
      expect: ['Emmanuel Macron', 'Keir Starmer'],
      html: page(
        `<p>${SENTENCE}</p>`,
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'none'; script-src 'none'">`,
      ),
    },
    { name: 'five-megabytes', expect: ['Emmanuel Macron', 'Keir Starmer', 'Kyiv', 'NATO'], html: page(big) },
    { name: 'deep-dom', expect: ['Friedrich Merz'], html: page(deep) },
    { name: 'hundred-thousand-nodes', expect: ['Giorgia Meloni'], html: page(`<p>${spans}</p>`) },
    {
      name: 'shadow-iframe-editable',
      expect: ['Emmanuel Macron'],
      never: ['Vladimir Putin'],
      html: page(`<p>Emmanuel Macron is outside.</p>
        <div contenteditable="true">Vladimir Putin is in an editor.</div>
        <div id="host"></div>
        <iframe srcdoc="<p>Keir Starmer in a frame</p>"></iframe>
        <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Mark Rutte in a shadow root</p>';</script>`),
    },
    {
      name: 'live-blog',
      expect: ['Emmanuel Macron'],
      html: page(`<main id="live"><p>Emmanuel Macron opened the day.</p></main><script>
        // A live blog: every 50 ms for 10 s a post is added, an old one removed, or text edited.
        const names = ['Keir Starmer', 'Friedrich Merz', 'Giorgia Meloni', 'Mark Rutte', 'Donald Trump'];
        let n = 0;
        const live = document.getElementById('live');
        const timer = setInterval(() => {
          n++;
          const p = document.createElement('p');
          p.textContent = names[n % names.length] + ' posted update ' + n + '.';
          live.append(p);
          if (live.children.length > 12) live.children[1].remove();
          if (n % 7 === 0) live.lastElementChild.firstChild.data = 'Edited: nothing to see ' + n;
          if (n >= 200) { clearInterval(timer); document.title = 'done'; }
        }, 50);
      </script>`),
    },
  ];
}

/** Write the pages to a fresh folder; returns it (mount it on the test server). */
export function writeHostilePages(): { dir: string; pages: HostilePage[] } {
  const dir = join(tmpdir(), `footnote-hostile-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const pages = hostilePages();
  for (const p of pages) writeFileSync(join(dir, `${p.name}.html`), p.html);
  return { dir, pages };
}
