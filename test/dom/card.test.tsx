/** The card components as a reader sees them: words, links and actions, whatever the data holds. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardData } from '../../src/shared/messages.ts';
import { Card } from '../../src/ui/Card.tsx';

const source = {
  id: 'src-a',
  url: 'https://en.wikipedia.org/wiki/Emmanuel_Macron',
  publisher: 'Wikipedia',
  title: 'Emmanuel Macron',
  date: '2025-08-18',
};
const entityCard: CardData = {
  kind: 'entity',
  entity: {
    id: 'emmanuel-macron',
    type: 'person',
    name: 'Emmanuel Macron',
    description: 'President of France.',
    asOf: '2025-08-18',
    roles: [
      { title: 'President of France', start: '2017-05-14', sources: ['src-a'] },
      { title: 'Minister of the Economy', start: '2014-08-26', end: '2016-08-30', sources: ['src-a'] },
    ],
    sameAs: { wikidata: 'Q3052772', wikipedia: 'https://en.wikipedia.org/wiki/Emmanuel_Macron' },
    sources: ['src-a'],
  },
  sources: { 'src-a': source },
  claims: [{ id: 'claim-x', text: 'A claim about Macron.', verdict: 'false' }],
  related: [{ id: 'france', name: 'France', type: 'place' }],
};
const claimCard: CardData = {
  kind: 'claim',
  claim: {
    id: 'claim-x',
    text: 'Ukraine will buy $90 billion of US weapons.',
    claimant: { id: 'volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy' },
    date: '2025-08-18',
    reviews: [
      {
        publisher: 'Example Check',
        url: 'https://example.org/fc',
        date: '2025-08-20',
        rating: 'Missing context',
        verdict: 'needs-context',
      },
    ],
    verdict: 'needs-context',
    context: 'The figure was a plan, not a contract.',
    sources: ['src-a'],
  },
  sources: { 'src-a': source },
  claims: [],
  related: [{ id: 'ukraine', name: 'Ukraine', type: 'place' }],
};

let host: HTMLElement;
function show(ui: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(ui, host);
  return host;
}
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('entity card', () => {
  it('shows the name, the role as of a date with its dates, earlier roles, sources and cross-references', () => {
    const el = show(<Card data={entityCard} />);
    const text = el.textContent ?? '';
    expect(el.querySelector('h2')?.textContent).toBe('Emmanuel Macron');
    expect(text).toContain('Role as of 18 Aug 2025');
    expect(text).toContain('President of France (since 14 May 2017)');
    expect(text).toContain('Earlier roles');
    expect(text).toContain('Minister of the Economy (26 Aug 2014 – 30 Aug 2016)');
    expect(text).toContain('Claims by or about Emmanuel Macron');
    expect(text).toContain('False');
    expect(text).toContain('Related: France');
    const links = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://en.wikipedia.org/wiki/Emmanuel_Macron');
    expect(links).toContain('https://www.wikidata.org/wiki/Q3052772');
    for (const a of el.querySelectorAll('a[target=_blank]')) expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('renders hostile strings as inert text and never links a non-https URL', () => {
    const evil: CardData = {
      ...entityCard,
      entity: {
        ...(entityCard.entity as NonNullable<CardData['entity']>),
        description: '<img src=x onerror=alert(1)><script>alert(2)</script>',
      },
      sources: { 'src-a': { ...source, url: 'javascript:alert(3)', publisher: '<b>P</b>' } },
    };
    const el = show(<Card data={evil} />);
    expect(el.querySelector('img, script, b')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    expect([...el.querySelectorAll('a')].some((a) => a.getAttribute('href')?.startsWith('javascript:'))).toBe(false);
  });
});

describe('claim card', () => {
  it('gives the verdict in words and icon, the publisher wording, fact-checks, context and why it matched', () => {
    const el = show(
      <Card
        data={claimCard}
        match={{
          text: 'purchase $90 billion in US weapons',
          score: 0.82,
          via: 'claim',
          explanation: { terms: ['purchase', 'weapons'], entities: ['ukraine'], numbers: ['90000000000'] },
        }}
      />,
    );
    const h2 = el.querySelector('h2');
    expect(h2?.textContent).toContain('Needs context');
    expect(h2?.textContent).toContain('“Missing context”');
    expect(h2?.querySelector('[aria-hidden=true]')).not.toBeNull();
    const text = el.textContent ?? '';
    expect(text).toContain('Volodymyr Zelenskyy, 18 Aug 2025');
    expect(text).toContain('Fact-checks');
    expect(text).toContain('The figure was a plan, not a contract.');
    expect(text).toContain('Why this matched (score 82%)');
    expect(text).toContain('Shared terms: purchase, weapons');
    expect(el.querySelector('a[href="https://example.org/fc"]')).not.toBeNull();
  });
});

describe('card actions', () => {
  it('copies a citation with its sources as Markdown and as text, and says so', async () => {
    const onCopy = vi.fn().mockResolvedValue(true);
    const el = show(<Card data={entityCard} onCopy={onCopy} />);
    const buttons = [...el.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Copy citation (Markdown)')?.click();
    await vi.waitFor(() => expect(el.querySelector('[role=status]')?.textContent).toBe('Copied.'));
    expect(onCopy.mock.calls[0][0]).toContain('[Emmanuel Macron](https://en.wikipedia.org/wiki/Emmanuel_Macron)');
    expect(onCopy.mock.calls[0][0]).toContain(
      '[Wikipedia](https://en.wikipedia.org/wiki/Emmanuel_Macron), 18 Aug 2025',
    );
    buttons.find((b) => b.textContent === 'Copy citation (text)')?.click();
    await vi.waitFor(() => expect(onCopy).toHaveBeenCalledTimes(2));
    expect(onCopy.mock.calls[1][0]).not.toContain('](');
  });

  it('offers wrong match and pin, and pin reports its state', () => {
    const onWrongMatch = vi.fn();
    const onPin = vi.fn();
    const el = show(<Card data={claimCard} onWrongMatch={onWrongMatch} onPin={onPin} />);
    const find = (label: string) =>
      [...el.querySelectorAll('button')].find((b) => b.textContent === label) as HTMLButtonElement;
    find('Pin').click();
    expect(onPin).toHaveBeenCalledWith(true);
    find('Wrong match').click();
    expect(onWrongMatch).toHaveBeenCalledOnce();
    expect(el.querySelector('a.button')?.getAttribute('href')).toBe('https://example.org/fc');
  });
});
