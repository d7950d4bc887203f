import { beforeAll, describe, expect, it } from 'vitest';
import {
  measureAccuracy,
  readParallelCorpus,
  sentencesOf,
  type LabelledText,
} from '../../tooling/language-accuracy.ts';
import { detectLanguage } from '../../src/language/detect.ts';
import { sharedPath } from '../../tooling/shared-data.ts';

const corpus = sharedPath('corpus', 'be-parliament-2020-nl-fr.jsonl.gz');

describe('detectLanguage on the NL/FR parallel corpus of the federal parliament', () => {
  let texts: LabelledText[] = [];
  beforeAll(async () => {
    texts = await readParallelCorpus(corpus);
  });

  // Every 10th sentence (about 12,000, a few seconds): the full set (bench/language.ts) takes ~15 s.
  it('labels at least 99.5% of sentences longer than 20 characters right', () => {
    const sample = sentencesOf(texts).filter((_, i) => i % 10 === 0);
    expect(sample.length).toBeGreaterThan(10_000);
    const { accuracy } = measureAccuracy(sample, detectLanguage);
    expect(accuracy).toBeGreaterThanOrEqual(0.995);
  });

  it('labels at least 99.5% of whole texts right', () => {
    const sample = texts.filter((_, i) => i % 4 === 0);
    expect(measureAccuracy(sample, detectLanguage).accuracy).toBeGreaterThanOrEqual(0.995);
  });
});

describe('detectLanguage', () => {
  it('does not take short Dutch questions for German or Afrikaans', () => {
    expect(detectLanguage('Kunt u die informatie bevestigen?')).toBe('nld');
    expect(detectLanguage('Hoeveel ondernemers hebben zich ingeschreven voor het traject?')).toBe(
      'nld',
    );
  });

  it('recognises French, English and German', () => {
    expect(detectLanguage('Quelles prisons entrent en ligne de compte à cet égard?')).toBe('fra');
    expect(detectLanguage('The minister answered the question about the budget.')).toBe('eng');
    expect(detectLanguage('Die Regierung hat die Frage nicht beantwortet.')).toBe('deu');
  });

  it('returns null for text too short or without language', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('Ja.')).toBeNull();
    expect(detectLanguage('1.339 2.445 3.001 4.125 5.720')).toBeNull();
  });
});
