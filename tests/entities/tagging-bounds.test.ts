// Entity tagging's cost is linear for every kind of text: a hostile text takes at most a few times
// as long as ordinary Dutch text of the same length. Before, 20,000 Han characters took 27 s
// (the acronym pattern in learned-entities.ts was tried from every letter of a long run) and a
// text full of entities was quadratic in their number (the overlap check in tag.ts).
import { describe, expect, it } from 'vitest';
import { tagEntities } from '../../src/entities/tag.ts';
import {
  HOSTILE_LENGTH as LENGTH,
  expectCostRatio,
  itCostsLikeOrdinaryText,
  fill,
  hostileTexts,
  milliseconds as timed,
} from '../support/hostile-text.ts';
import { RETRY } from '../support/timing.ts';

const ordinary = fill(
  'De minister antwoordt op de vraag van mevrouw De Vreese over de subsidie van 500 euro aan VLAIO in Gent. ',
);

const hostile: [string, string][] = [
  ...hostileTexts(),
  ['capitals only', fill('ABCDEFGH')],
  ['capitalised words', fill('Abc Def ')],
  ['an acronym defined again and again', fill('kassasysteem (GKS) ')],
  ['an organisation in every word', fill('VLAIO ')],
  ['an amount in every word', fill('5 euro ')],
  ['titled names', fill('minister Jan Peeters ')],
];

const milliseconds = (text: string) => timed(() => tagEntities(text));

describe('entity tagging cost on hostile text', () => {
  tagEntities(ordinary.slice(0, 10_000)); // load the model and compile the gazetteer patterns
  const baseline = milliseconds(ordinary);

  itCostsLikeOrdinaryText(hostile, tagEntities, baseline);

  it(
    'four times the text full of entities takes about four times as long, not sixteen',
    RETRY,
    () => {
      const text = fill('VLAIO ', 4 * LENGTH);
      const ms = milliseconds(text);
      const quarterMs = milliseconds(text.slice(0, LENGTH));
      expectCostRatio(ms, quarterMs, 8);
    },
  );

  it('still finds what the passage says around a long run of Han characters', () => {
    const text = `${fill('预算', 50_000)} De minister antwoordt mevrouw De Vreese: 500 euro.`;
    expect(tagEntities(text).map((entity) => [entity.type, entity.text])).toEqual(
      expect.arrayContaining([
        ['person', 'De Vreese'],
        ['amount', '500 euro'],
      ]),
    );
  });
});
