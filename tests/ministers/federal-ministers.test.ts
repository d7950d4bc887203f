// Office + date → person, from the composition of the federal governments (src/ministers/data).
import { describe, expect, it } from 'vitest';
import { federalMinister, officeKey } from '../../src/ministers/federal-ministers.ts';

const personOn = (office: string, date: string) => {
  const found = federalMinister(office, date);
  return found.ok ? found.person : found.reason;
};

describe('federalMinister', () => {
  it('names the holder of an office as the federal data spells it', () => {
    expect(personOn('Minister van Justitie', '2017-03-01')).toBe('Koen Geens');
    expect(
      personOn(
        'Minister van Financien, belast met Bestrijding van de fiscale fraude',
        '2017-05-02',
      ),
    ).toBe('Johan Van Overtveldt');
    expect(personOn('Eerste minister', '2017-01-12')).toBe('Charles Michel');
  });

  it('follows a reshuffle within a year: the holder in office on the date', () => {
    const office =
      'Staatssecretaris voor Armoedebestrijding, Gelijke Kansen, Personen met een beperking, en Wetenschapsbeleid, belast met Grote Steden, toegevoegd aan de minister van Financien';
    expect(personOn(office, '2017-02-23')).toBe('Elke Sleurs');
    expect(personOn(office, '2017-02-24')).toBe('Zuhal Demir');
    const middenstand =
      "Minister van Middenstand, Zelfstandigen, KMO's, Landbouw en Maatschappelijke Integratie";
    expect(personOn(middenstand, '2017-07-27')).toBe('Willy Borsus');
    expect(personOn(middenstand, '2017-07-28')).toBe('Denis Ducarme');
  });

  it('covers Michel I and II, Wilmès I and II and De Croo', () => {
    const prime = 'Eerste minister';
    expect(personOn(prime, '2014-10-11')).toBe('Charles Michel');
    expect(personOn(prime, '2019-03-01')).toBe('Charles Michel'); // Michel II
    expect(personOn(prime, '2019-12-01')).toBe('Sophie Wilmès'); // Wilmès I
    expect(personOn(prime, '2020-05-01')).toBe('Sophie Wilmès'); // Wilmès II
    expect(personOn(prime, '2024-01-01')).toBe('Alexander De Croo');
    const defence = 'Minister van Defensie';
    expect(personOn(defence, '2018-11-20')).toBe('Sander Loones');
    expect(personOn(defence, '2019-01-15')).toBe('Didier Reynders');
    expect(personOn(defence, '2020-02-01')).toBe('Philippe Goffin');
    expect(personOn(defence, '2021-02-01')).toBe('Ludivine Dedonder');
    const justice = 'Vice-eersteminister en minister van Justitie, belast met Noordzee';
    expect(personOn(justice, '2023-10-21')).toBe('Vincent Van Quickenborne');
    expect(personOn(justice, '2023-10-23')).toBe('Paul Van Tigchelt');
  });

  it('does not guess: an unknown office or a date outside every term says so', () => {
    expect(personOn('Minister van Ruimtevaart', '2017-03-01')).toBe('unknown office');
    expect(personOn('Minister van Justitie', '2013-06-01')).toBe('no holder on that date');
    expect(personOn('Minister van Justitie', '2025-03-01')).toBe('no holder on that date');
  });

  it('reads a title whatever its rank, attachment, case or diacritics', () => {
    expect(officeKey('Vice-eersteminister en minister van Financiën,  belast met X')).toBe(
      officeKey('minister van Financien, belast met X'),
    );
    expect(officeKey('Staatssecretaris voor Y, toegevoegd aan de Minister van Z')).toBe(
      'staatssecretaris voor y',
    );
  });
});
