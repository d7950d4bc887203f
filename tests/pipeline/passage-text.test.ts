// Joining the lines of PDF text back into readable passages.
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/pipeline/passage-text.ts';

describe('joinLines', () => {
  it('joins a line wrapped by the layout', () => {
    expect(joinLines(['Kan de minister ', 'een overzicht geven?'])).toBe(
      'Kan de minister een overzicht geven?',
    );
    // Without the trailing space of text exports (PDF text): a lowercase continuation still joins.
    expect(joinLines(['Kan de minister', 'een overzicht geven?'])).toBe(
      'Kan de minister een overzicht geven?',
    );
  });

  it('keeps the hyphen of a compound split at the line end', () => {
    expect(joinLines(['ondersteunen in hun e-', 'commercestrategie.'])).toBe(
      'ondersteunen in hun e-commercestrategie.',
    );
    expect(joinLines(['de kmo-', 'organisaties'])).toBe('de kmo-organisaties');
  });

  it('keeps the hyphen of a syllable split too (decision: rarer than compounds, and never guessed)', () => {
    expect(joinLines(['werd georgani-', 'seerd door VLAIO'])).toBe(
      'werd georgani-seerd door VLAIO',
    );
  });

  it('keeps the space after an elided compound part ("opleidings- en …")', () => {
    expect(joinLines(['het organiseren van opleidings-', 'en uitwisselingstrajecten'])).toBe(
      'het organiseren van opleidings- en uitwisselingstrajecten',
    );
  });

  it('brings an amount pushed past empty lines back to its words', () => {
    expect(
      joinLines(['een beschikbaar budget van ', '', '', '2.000.000,00 euro, dat werd verdeeld']),
    ).toBe('een beschikbaar budget van 2.000.000,00 euro, dat werd verdeeld');
    expect(joinLines(['275.342,98 ', '', 'euro'])).toBe('275.342,98 euro');
  });

  it('collapses runs of spaces and drops empty lines', () => {
    expect(joinLines(['  Het doel van  deze begeleiding  ', '', '   '])).toBe(
      'Het doel van deze begeleiding',
    );
  });

  it('keeps list items, sub-items, bullets and links on their own line', () => {
    expect(joinLines(['Graag per oproep:', 'a) aantal aanvragen;', 'b) de begunstigden.'])).toBe(
      'Graag per oproep:\na) aantal aanvragen;\nb) de begunstigden.',
    );
    expect(
      joinLines(['partners: ', '- Vlajo: 1.440.000,00 euro ', '- Dyzo: 585.000,00 euro']),
    ).toBe('partners:\n- Vlajo: 1.440.000,00 euro\n- Dyzo: 585.000,00 euro');
    expect(joinLines(['te vinden via ', 'https://beslissingenvlaamseregering.vlaanderen.be'])).toBe(
      'te vinden via\nhttps://beslissingenvlaamseregering.vlaanderen.be',
    );
  });

  it('keeps table rows apart even when a row ends in a space', () => {
    expect(joinLines(['VBR 11 273 3 36  ', 'WVL 28 829 39 1195', '2017 173', '2018 839'])).toBe(
      'VBR 11 273 3 36\nWVL 28 829 39 1195\n2017 173\n2018 839',
    );
  });

  it('starts a new line after a sentence when the next line is capitalised', () => {
    expect(joinLines(['Het budget is besteed.', 'De verdeling volgt.'])).toBe(
      'Het budget is besteed.\nDe verdeling volgt.',
    );
  });
});
