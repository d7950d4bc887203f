// Repairs of the federal data's lost layout, before segmentation.
import { describe, expect, it } from 'vitest';
import { dekamerTextLines } from '../../src/pipeline/sources/dekamer-text.ts';

describe('dekamerTextLines', () => {
  it('gives run-together paragraphs and numbered items their own line', () => {
    expect(
      dekamerTextLines('Deze studie werd afgerond.De bedoeling was goed. 1. Wanneer?2. Hoe?'),
    ).toEqual(['Deze studie werd afgerond.', 'De bedoeling was goed.', '1. Wanneer?', '2. Hoe?']);
  });

  it('starts a line at an answer to a group of questions ("2 en 3.")', () => {
    expect(dekamerTextLines('in behandeling: 208.2 en 3. Zoals vroeger gemeld.')).toEqual([
      'in behandeling: 208.',
      '2 en 3. Zoals vroeger gemeld.',
    ]);
  });

  it('puts run-in bullets on their own line', () => {
    expect(dekamerTextLines('auditopdrachten:- 558.750 euro voor A;- 94.920 euro voor B.')).toEqual(
      ['auditopdrachten:', '- 558.750 euro voor A;', '- 94.920 euro voor B.'],
    );
  });

  it('puts run-in sub-items on their own line', () => {
    expect(dekamerTextLines('1. Wat de meldingsplicht betreft.a) Hoe vaak?b) Waarom?')).toEqual([
      '1. Wat de meldingsplicht betreft.',
      'a) Hoe vaak?',
      'b) Waarom?',
    ]);
    // A reference to sub-question "3. c)" is no sub-item.
    expect(dekamerTextLines('1., 2., 3. b), 3. c) en 4. Er wordt verwezen')).toEqual([
      '1., 2., 3. b), 3. c) en 4. Er wordt verwezen',
    ]);
  });

  it('repairs amounts with a stray space after the first group', () => {
    expect(
      dekamerTextLines('rechtzettingen: 151. 984.161,50 euro en (2. 300.700 verpakkingen)'),
    ).toEqual(['rechtzettingen: 151.984.161,50 euro en (2.300.700 verpakkingen)']);
    expect(dekamerTextLines('- 1. 073.293 euro voor de audit')).toEqual([
      '- 1.073.293 euro voor de audit',
    ]);
  });

  it('leaves an item number after a sentence, and a number followed by an item, alone', () => {
    // Could be item 1 about 304.000 euro: not glued into 1.304.000.
    expect(dekamerTextLines('Dat is alles. 1. 304.000 euro werd besteed.')).toEqual([
      'Dat is alles. 1. 304.000 euro werd besteed.',
    ]);
    expect(dekamerTextLines('2017: 463. 685.2. De verdeling')).toEqual([
      '2017: 463. 685.',
      '2. De verdeling',
    ]);
  });
});
