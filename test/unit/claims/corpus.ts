/** A small hand-written claim collection for ranking, serialisation and calibration tests. */
import type { ClaimDoc } from '../../../src/core/claims/api';

export const CORPUS: ClaimDoc[] = [
  {
    id: 'ukraine-90bn',
    text: 'The United States has sent $90 billion in weapons to Ukraine.',
    claimant: 'Donald Trump',
    date: '2024-05-01',
    title: 'How much military aid has the US given Ukraine?',
  },
  {
    id: 'vaccines-autism',
    text: 'Childhood vaccines cause autism.',
    claimant: 'Facebook posts',
    date: '2021-03-02',
    title: 'No, vaccines do not cause autism',
  },
  {
    id: 'unemployment-50y',
    text: 'Unemployment is at its lowest level in 50 years.',
    claimant: 'Donald Trump',
    date: '2019-10-01',
  },
  {
    id: 'wall-mexico-pays',
    text: 'Mexico is paying for the border wall.',
    claimant: 'Donald Trump',
    date: '2019-01-10',
  },
  {
    id: 'medicare-160m',
    text: '160 million people like their private insurance.',
    claimant: 'Joe Biden',
    date: '2019-11-20',
  },
  {
    id: 'crime-chicago',
    text: 'Murders in Chicago went down by more than 10% over the last two years.',
    claimant: 'Donald Trump',
    date: '2019-10-28',
  },
  {
    id: 'climate-bill',
    text: 'I introduced the first climate change bill in 1986.',
    claimant: 'Joe Biden',
    date: '2019-09-12',
  },
  {
    id: 'nato-spending',
    text: 'NATO members have increased defense spending by $130 billion since 2016.',
    claimant: 'Donald Trump',
    date: '2019-12-03',
  },
  {
    id: 'minimum-wage',
    text: 'A $15 minimum wage would cost 1.3 million jobs.',
    claimant: 'Mitch McConnell',
    date: '2021-02-10',
  },
  {
    id: 'insulin-price',
    text: 'Insulin prices have tripled in the last ten years.',
    claimant: 'Bernie Sanders',
    date: '2019-07-01',
  },
  {
    id: 'masks-cdc',
    text: 'The CDC said healthy people should not wear masks.',
    claimant: 'Instagram posts',
    date: '2020-07-15',
  },
  {
    id: 'bloomberg-wealth',
    text: 'Mike Bloomberg owns more wealth than the bottom 125 million Americans.',
    claimant: 'Bernie Sanders',
    date: '2020-02-19',
  },
];
