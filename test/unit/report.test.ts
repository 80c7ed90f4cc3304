import { describe, expect, it } from 'vitest';
import type { CardData } from '../../src/shared/messages.ts';
import { type Report, reportRow, toCsv, toJson, toMarkdown } from '../../src/shared/report.ts';

const card: CardData = {
  kind: 'claim',
  claim: {
    id: 'claim-x',
    text: '=HYPERLINK("http://evil") says "$90bn"',
    reviews: [
      {
        publisher: 'PolitiFact',
        url: 'https://www.politifact.com/x/',
        date: '2019-10-29',
        rating: 'Pants on Fire',
        verdict: 'false',
      },
    ],
    verdict: 'false',
    context: 'Rated false.',
    sources: ['src-a'],
  },
  sources: {
    'src-a': {
      id: 'src-a',
      url: 'https://www.politifact.com/x/',
      publisher: 'PolitiFact',
      title: 'A [title]',
      date: '2019-10-29',
    },
  },
  claims: [],
  related: [],
};
const report: Report = {
  page: { url: 'https://news.example/a', title: 'A page' },
  generated: '2026-11-30T00:00:00.000Z',
  rows: [reportRow(card, ['says $90bn', 'says $90bn'])],
};

describe('page report', () => {
  it('keeps every annotation with its count, texts, verdict and sources (JSON)', () => {
    const back = JSON.parse(toJson(report));
    expect(back.rows[0]).toMatchObject({
      kind: 'claim',
      id: 'claim-x',
      count: 2,
      texts: ['says $90bn'],
      verdict: 'false',
      rating: 'Pants on Fire',
    });
    expect(back.rows[0].sources[0].url).toBe('https://www.politifact.com/x/');
  });

  it('writes CSV with quoted cells and neutralised spreadsheet formulas', () => {
    const csv = toCsv(report);
    const [head, row] = csv.trim().split('\r\n');
    expect(head).toBe('kind,id,label,count,texts,verdict,rating,description,sources');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"") says ""$90bn"""`);
    expect(row).toContain('"PolitiFact <https://www.politifact.com/x/> (2019-10-29)"');
  });

  it('writes Markdown with sections, links and escaped text', () => {
    const md = toMarkdown(report);
    expect(md).toContain('## Claims');
    expect(md).toContain('**false** (“Pants on Fire”) ×2');
    expect(md).toContain('[PolitiFact](https://www.politifact.com/x/), 2019-10-29: A \\[title\\]');
    expect(md).not.toContain('## Names');
  });
});
