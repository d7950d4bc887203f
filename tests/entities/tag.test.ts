import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Entity } from '../../src/model/document.ts';
import { parseAmount } from '../../src/entities/amounts.ts';
import { organisationSynonyms } from '../../src/entities/organisations.ts';
import { tagEntities } from '../../src/entities/tag.ts';
import { sharedPath } from '../../tooling/shared-data.ts';

const amounts = (text: string) =>
  tagEntities(text).flatMap((e) =>
    e.type === 'amount' ? [{ text: e.text, value: e.value, vat: e.vat }] : [],
  );
const canonicals = (text: string, type: string) =>
  tagEntities(text).flatMap((e) => (e.type === type && 'canonical' in e ? [e.canonical] : []));

describe('euro amounts', () => {
  it.each([
    ['een bedrag van 500.000  euro gereserveerd', '500.000  euro', 500_000],
    ['De extra 500 000 euro wordt gebruikt', '500 000 euro', 500_000],
    ['in totaal 9.275.232,85 euro', '9.275.232,85 euro', 9_275_232.85],
    ['kostprijs 198.707,50€.', '198.707,50€', 198_707.5],
    ['bedraagt 28.175,00 € per jaar', '28.175,00 €', 28_175],
    ['namelijk 9.835,6 €', '9.835,6 €', 9_835.6],
    ['een budget van € 1,2 miljoen', '€ 1,2 miljoen', 1_200_000],
    ['ruim 1,5 miljard euro', '1,5 miljard euro', 1_500_000_000],
    ['maximaal 100.000€ steun', '100.000€', 100_000],
    ['het saldo (700.000 euro) blijft', '700.000 euro', 700_000],
  ])('%s', (text, written, value) => {
    expect(amounts(text)).toEqual([{ text: written, value, vat: null }]);
  });

  it('reads the VAT qualifier right after the amount, across a comma or line break', () => {
    expect(amounts('9.275.232,85 euro inclusief btw')[0]?.vat).toBe('incl');
    expect(amounts('28.175,00 € incl. BTW')[0]?.vat).toBe('incl');
    expect(amounts('198.707,50€ (excl. BTW)')[0]?.vat).toBe('excl');
    expect(amounts('100.000 euro,\nexclusief btw')[0]?.vat).toBe('excl');
    expect(amounts('100.000 euro voor de btw-aangifte')[0]?.vat).toBeNull();
  });

  it('reads the federal data’s "3. 000.000 euro" but not a list item "1. 500 euro"', () => {
    expect(amounts('gaat 3. 000.000 euro naar')[0]?.value).toBe(3_000_000);
    expect(amounts('1. 500 euro per deelnemer')[0]?.value).toBe(500);
  });

  it('does not take years or counts for amounts', () => {
    expect(amounts('In 2018 2019 namen 1.339 ondernemers deel; ANT 13 536 11 382')).toEqual([]);
  });

  it('gives offsets that slice the amount out of the text', () => {
    const text = 'Er werd\n500.000 euro (excl. BTW) en € 1,2 miljoen uitgegeven.';
    for (const entity of tagEntities(text))
      expect(text.slice(entity.start, entity.end)).toBe(entity.text);
  });

  it('parses Belgian number notation', () => {
    expect(parseAmount('9.275.232,85')).toBe(9_275_232.85);
    expect(parseAmount('2.25', 'miljoen')).toBe(2_250_000);
    expect(parseAmount('1.339')).toBe(1_339);
  });
});

describe('organisations', () => {
  const vlaio = 'Agentschap Innoveren en Ondernemen (VLAIO)';

  it('joins acronym and full name under one canonical name', () => {
    const text =
      'met steun van het Agentschap Innoveren\nen Ondernemen  (VLAIO). Vlaio en VLAIO-netwerkpartners';
    expect(canonicals(text, 'organisation')).toEqual([vlaio, vlaio, vlaio, vlaio]);
  });

  it('recognises legal forms and consortia', () => {
    expect(canonicals('het consortium rond Unizo vzw', 'organisation')).toEqual([
      'Unie van Zelfstandige Ondernemers (Unizo)',
    ]);
    expect(
      canonicals('De opdracht ging naar Retail Partners cvba en De Lijn nv.', 'organisation'),
    ).toEqual(['Retail Partners', 'De Lijn']);
  });

  it('does not make organisations of ordinary capitalised words', () => {
    expect(
      canonicals('Het budget wordt verdeeld. Kan de minister dit toelichten?', 'organisation'),
    ).toEqual([]);
  });

  it('generates acronym ⇄ full name synonyms for search', () => {
    const synonyms = organisationSynonyms();
    expect(synonyms).toContain(
      'vlaio, agentschap innoveren en ondernemen, vlaams agentschap innoveren en ondernemen',
    );
    expect(synonyms.every((line) => line === line.toLowerCase() && line.includes(', '))).toBe(true);
    // Every comma separates two names: a name with a comma in it would split into nonsense.
    expect(synonyms).toContain(
      'fod economie, federale overheidsdienst economie k.m.o. middenstand en energie',
    );
  });
});

describe('people and places', () => {
  it('finds titled people but not offices', () => {
    expect(canonicals('Volgens minister Muyters en mevrouw De Vreese', 'person')).toEqual([
      'Muyters',
      'De Vreese',
    ]);
    expect(canonicals('Kan de minister van Financiën een overzicht geven?', 'person')).toEqual([]);
    expect(canonicals('de minister van Veiligheid en Binnenlandse Zaken', 'person')).toEqual([]);
    expect(
      canonicals('eerste minister Charles Michel en minister Van Quickenborne', 'person'),
    ).toEqual(['Charles Michel', 'Van Quickenborne']);
  });

  it('finds the asker and addressee of a question header', () => {
    expect(
      canonicals(
        'nr. 1033\nvan MAAIKE  DE VREESE\ndatum: 10 september 2021\naan HILDE CREVITS\n',
        'person',
      ),
    ).toEqual(['Maaike De Vreese', 'Hilde Crevits']);
  });

  it('finds provinces, also as table abbreviations, and municipalities', () => {
    const text =
      'ANT 13 536\nLIM 12 331\nOVL 25 853\nVBR 11 273\nWVL 9 120\nin Gent, Molenbeek en de provincie Antwerpen';
    expect(canonicals(text, 'place')).toEqual([
      'Antwerpen',
      'Limburg',
      'Oost-Vlaanderen',
      'Vlaams-Brabant',
      'West-Vlaanderen',
      'Gent',
      'Sint-Jans-Molenbeek',
      'Antwerpen',
    ]);
  });
});

describe('on the seed questions', () => {
  const seeds = sharedPath('seeds');
  it('produces valid entities whose offsets point into the text', () => {
    for (const file of [
      '000_f71e14aadc76dc25.txt',
      '001_67e280b5cdbbca1c.txt',
      '003_3b319597539220f9.txt',
    ]) {
      const text = readFileSync(path.join(seeds, file), 'utf8');
      const entities = tagEntities(text);
      expect(entities.length).toBeGreaterThan(0);
      for (const entity of entities) {
        expect(Entity.parse(entity)).toEqual(entity);
        expect(text.slice(entity.start, entity.end)).toBe(entity.text);
      }
    }
  });
});
