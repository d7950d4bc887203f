// The statistical entity tagger on fixed sentences, its tokenizer and its scoring, and on the
// CoNLL-2002 Dutch development set (the targets per type).
import { describe, expect, it } from 'vitest';
import { tagEntities } from '../../src/entities/tag.ts';
import { conllScores, readConll, tagCorpus } from '../../src/entities/tagger/conll.ts';
import { loadedModel, tagSpans } from '../../src/entities/tagger/entity-tagger.ts';
import { tokenize } from '../../src/entities/tagger/tokens.ts';
import { sharedPath } from '../../tooling/shared-data.ts';

const organisations = (text: string) =>
  tagEntities(text).flatMap((e) => (e.type === 'organisation' ? [e.canonical] : []));
const people = (text: string) =>
  tagEntities(text).flatMap((e) => (e.type === 'person' ? [e.canonical] : []));

describe('tokenizer', () => {
  it('keeps names whole, splits punctuation, and gives offsets into the text', () => {
    const text = 'De N.V. Sint-Niklaas (VLAIO) en EUBAM LIBYA.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'De',
      'N.V.',
      'Sint-Niklaas',
      '(',
      'VLAIO',
      ')',
      'en',
      'EUBAM',
      'LIBYA',
      '.',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('conlleval scoring', () => {
  it('counts an entity only when type and extent both match', () => {
    const gold = [['B-ORG', 'I-ORG', 'O', 'B-PER']];
    const scores = conllScores(gold, [['B-ORG', 'O', 'O', 'B-PER']]);
    expect(scores.ORG).toMatchObject({ gold: 1, predicted: 1, correct: 0 });
    expect(scores.PER).toMatchObject({ gold: 1, predicted: 1, correct: 1, f1: 1 });
    expect(scores.all!.precision).toBe(0.5);
  });
});

describe('entity tagger on fixed sentences', () => {
  it('finds organisations no gazetteer lists', () => {
    expect(
      organisations('De opdracht werd gegund aan Deloitte Consulting voor 29.440 euro.'),
    ).toContain('Deloitte Consulting');
    expect(organisations('Het contract met Infrabel liep tot eind 2017.')).toContain('Infrabel');
  });

  it('names an organisation with its acronym once: "Name (ACR)" and later "ACR"', () => {
    const text =
      'Dit wordt ook bevestigd door de rechtspraak van de Raad voor Vreemdelingenbetwistingen (RvV). Diverse arresten van de RvV bevestigen dat.';
    expect(new Set(organisations(text))).toEqual(
      new Set(['Raad voor Vreemdelingenbetwistingen (RvV)']),
    );
  });

  it('merges casing and legal form into the gazetteer name', () => {
    const text = 'Unizo vzw en UNIZO werken samen met Vlaio.';
    expect(new Set(organisations(text))).toEqual(
      new Set([
        'Unie van Zelfstandige Ondernemers (Unizo)',
        'Agentschap Innoveren en Ondernemen (VLAIO)',
      ]),
    );
  });

  it('takes no office, citation or sentence-initial word for an organisation', () => {
    expect(
      organisations('De minister van Justitie en de minister van Volksgezondheid antwoorden.'),
    ).toEqual([]);
    expect(
      organisations('(Integraal Verslag, Kamer, 2016-2017, CRIV 54 COM 659, blz. 13-14)'),
    ).not.toContain('CRIV');
    expect(organisations('Graag een overzicht per jaar.\nTotaal 3673')).toEqual([]);
  });

  it('finds people named in full', () => {
    expect(
      people('Daarover sprak ik met Guy Verhofstadt, lid van het Europees Parlement.'),
    ).toContain('Guy Verhofstadt');
  });

  it('tags a typical passage in a few milliseconds once loaded', () => {
    loadedModel();
    const text =
      'Het Federaal Agentschap voor de Veiligheid van de Voedselketen (FAVV) heeft een samenwerkingsprotocol met de gewestelijke exportbevorderende organismen afgesloten. De diensten van het FAVV en Buitenlandse Zaken werken hard aan deze dossiers.';
    const started = performance.now();
    for (let i = 0; i < 20; i++) tagSpans(text);
    expect((performance.now() - started) / 20).toBeLessThan(20);
  });
});

describe('CoNLL-2002 Dutch development set (ned.testa)', () => {
  it('reaches F1 ≥ 0.70 for organisations, ≥ 0.80 for people, ≥ 0.75 for places', () => {
    const dev = readConll(sharedPath('corpus', 'conll2002', 'ned.testa.gz'));
    const scores = conllScores(
      dev.map((s) => s.labels),
      tagCorpus(loadedModel(), dev),
    );
    expect(scores.ORG!.f1).toBeGreaterThanOrEqual(0.7);
    expect(scores.PER!.f1).toBeGreaterThanOrEqual(0.8);
    expect(scores.LOC!.f1).toBeGreaterThanOrEqual(0.75);
  }, 60_000);
});
