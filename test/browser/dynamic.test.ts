/**
 * Pages that change after load: added, removed and edited text, SPA navigation, and pausing on a site — in both
 * browsers, through what a user sees (the painted ranges).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type Driver, launch, PAGE, waitFor } from './drivers.ts';
import { type StaticServer, startServer } from './server.ts';

const texts = (name = 'footnote-entity') =>
  `(() => { const h = CSS.highlights.get(${JSON.stringify(name)}); return h ? [...h].map((r) => r.toString()).sort() : []; })()`;
const hasText = (t: string) => `${texts()}.includes(${JSON.stringify(t)})`;

for (const browser of BROWSERS) {
  describe.skipIf(!browser.available())(`dynamic pages in ${browser.name}`, () => {
    let d: Driver;
    let server: StaticServer;
    beforeAll(async () => {
      server = await startServer();
      d = await launch(browser.name);
      await d.goto(`${server.url}/fixtures/dynamic.html`);
      await waitFor(d, hasText('Emmanuel Macron'));
    });
    afterAll(async () => {
      await d?.close();
      await server?.close();
    });

    it('paints names in text added after load', async () => {
      await d.eval(`fixture.add('Later, Keir Starmer joined the call.')`);
      await waitFor(d, hasText('Keir Starmer'));
      expect(await d.eval<string[]>(texts())).toEqual(['Emmanuel Macron', 'Keir Starmer', 'Ukraine']);
    });

    it('drops ranges whose text went away and follows edited text', async () => {
      await d.eval(`fixture.remove('first')`);
      await waitFor(d, `!${hasText('Emmanuel Macron')}`);
      await d.eval(`fixture.add('Friedrich Merz spoke.')`);
      await waitFor(d, hasText('Friedrich Merz'));
      expect(await d.eval<string[]>(texts())).toEqual(['Friedrich Merz', 'Keir Starmer', 'Ukraine']);
    });

    it('rescans after an SPA navigation (history.pushState)', async () => {
      await d.eval(
        `fixture.navigate('/fixtures/dynamic.html?page=2', '<h2>Page two</h2><p>Giorgia Meloni and Mark Rutte met in Kyiv.</p>')`,
      );
      await waitFor(d, hasText('Mark Rutte'));
      expect(await d.eval<string[]>(texts())).toEqual(['Giorgia Meloni', 'Kyiv', 'Mark Rutte']);
      expect(await d.eval<string | null>(PAGE.popoverText)).toBeNull();
    });
  });
}
