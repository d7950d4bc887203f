// Segmentation on small made-up blocks: which numbered items are the questions and answers, and
// the parts of a written question. The seeds test the same rules on real documents.
import { describe, expect, it } from 'vitest';
import {
  splitAnswers,
  splitInlineItems,
  splitQuestions,
} from '../../src/pipeline/numbered-items.ts';
import { parseWrittenQuestion, segmentPassages } from '../../src/pipeline/written-question.ts';

const numbers = (items: { number: number }[]) => items.map((item) => item.number);

describe('splitQuestions', () => {
  it('takes the last run from 1 as the questions; an earlier list is context', () => {
    const block = splitQuestions([
      'Het convenant omvatte:',
      '1. info',
      '2. opleiding',
      '1. Hoeveel?',
      '2. Welke?',
    ]);
    expect(block.context).toEqual(['Het convenant omvatte:', '1. info', '2. opleiding']);
    expect(block.questions).toEqual([
      { number: 1, lines: ['Hoeveel?'] },
      { number: 2, lines: ['Welke?'] },
    ]);
  });

  it('leaves numbers that do not continue the run in the text', () => {
    const block = splitQuestions(['1. Hoeveel kost het', '3. keer per jaar?', '2. Wanneer?']);
    expect(numbers(block.questions)).toEqual([1, 2]);
    expect(block.questions[0]?.lines).toEqual(['Hoeveel kost het', '3. keer per jaar?']);
  });

  it('does not take amounts or years at a line start for numbers', () => {
    const block = splitQuestions([
      '1. Het budget van',
      '2.000.000,00 euro?',
      '2. En 1.339 ondernemers?',
    ]);
    expect(numbers(block.questions)).toEqual([1, 2]);
  });

  it('counts past 99', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}.Hoeveel in gemeente ${i + 1}?`);
    expect(numbers(splitQuestions(lines).questions)).toEqual(lines.map((_, i) => i + 1));
  });

  it('finds no questions when nothing is numbered', () => {
    expect(splitQuestions(['Wat is de stand van zaken?']).questions).toEqual([]);
  });
});

describe('splitAnswers', () => {
  const questions = new Set([1, 2, 3, 4, 5]);

  it('allows answers to skip a number', () => {
    const block = splitAnswers(['1. Ja.', '3. Nee.', '5. Zie vraag 3.'], questions);
    expect(numbers(block.answers)).toEqual([1, 3, 5]);
  });

  it('keeps a list restarting at 1 inside the answer that quotes it', () => {
    const block = splitAnswers(
      ['1. Ja.', '2. De mededeling:', '1. kern', '2. corona', '3. starters', '3. Nee.'],
      questions,
    );
    expect(numbers(block.answers)).toEqual([1, 2, 3]);
    expect(block.answers[1]?.lines).toEqual([
      'De mededeling:',
      '1. kern',
      '2. corona',
      '3. starters',
    ]);
    expect(block.answers[2]?.lines).toEqual(['Nee.']);
  });

  it('ends a quoted list at the closing quotation mark', () => {
    const lines = [
      '1. Ja.',
      '2. Zij schrijven: “Twee punten:',
      '1. kern',
      '2. corona.”',
      '3. Nee.',
    ];
    const block = splitAnswers(lines, questions);
    expect(numbers(block.answers)).toEqual([1, 2, 3]);
    expect(block.answers[2]?.lines).toEqual(['Nee.']);
  });

  it('keeps a group reference ("1., 2. en 3.") in the text of the first answer of the group', () => {
    const block = splitAnswers(
      ['1., 2. en 4. Er wordt verwezen naar vraag 12.', '3. Nee.'],
      questions,
    );
    expect(block.answers).toEqual([
      { number: 1, lines: ['1., 2. en 4. Er wordt verwezen naar vraag 12.'] },
      { number: 3, lines: ['Nee.'] },
    ]);
  });

  it('ignores numbers beyond the questions asked', () => {
    expect(
      numbers(splitAnswers(['1. Ja.', '7. punten', '2. Nee.'], new Set([1, 2])).answers),
    ).toEqual([1, 2]);
  });

  it('keeps text before the first numbered answer apart', () => {
    expect(splitAnswers(['Hieronder het antwoord.', '1. Ja.'], questions).intro).toEqual([
      'Hieronder het antwoord.',
    ]);
  });
});

describe('splitInlineItems', () => {
  it('puts numbered items that follow a sentence on their own line', () => {
    expect(
      splitInlineItems('te kampen. 1. Wat was de oorzaak?2. Zou er een procedure zijn?'),
    ).toEqual(['te kampen.', '1. Wat was de oorzaak?', '2. Zou er een procedure zijn?']);
  });

  it('leaves numbers inside a sentence alone', () => {
    const text =
      'vraag nr. 1698 van 5 oktober 2016 (nr. 97, blz. 201) en 1.339 ondernemers, 3. b) en 4.';
    expect(splitInlineItems(text)).toEqual([text]);
  });
});

describe('segmentPassages', () => {
  it('makes one question and one answer (number 1) when nothing is numbered', () => {
    expect(segmentPassages(['Wat is de stand van zaken?'], ['Het dossier loopt.'])).toEqual([
      { type: 'question', number: 1, text: 'Wat is de stand van zaken?' },
      { type: 'answer', number: 1, text: 'Het dossier loopt.' },
    ]);
  });

  it('gives an unnumbered answer to numbered questions no number (it answers them all)', () => {
    const passages = segmentPassages(
      ['Inleiding.', '1. Hoeveel?', '2. Wanneer?'],
      ['Ik verwijs naar vraag 12.'],
    );
    expect(passages.map((p) => [p.type, p.number])).toEqual([
      ['context', null],
      ['question', 1],
      ['question', 2],
      ['answer', null],
    ]);
  });

  it('makes no answer passage when there is no answer', () => {
    expect(segmentPassages(['1. Hoeveel?'], []).map((p) => p.type)).toEqual(['question']);
  });
});

describe('parseWrittenQuestion', () => {
  const answer = ['ANTWOORD', 'op vraag nr. 12 van 3 maart 2022', 'van JAN JANSSENS', '1. Ja.'];

  it('leaves a capitalised last line that is no minister header in the question', () => {
    const document = parseWrittenQuestion(['Titel', '1. Wat doet ', 'VLAIO', ...answer]);
    expect(document.passages.find((p) => p.type === 'question')?.text).toBe('Wat doet VLAIO');
    expect(document.minister).toBeNull();
  });

  it('takes the minister from the header above ANTWOORD', () => {
    const header = ['JO BROUNS', 'VLAAMS MINISTER VAN ECONOMIE'];
    const document = parseWrittenQuestion(['Titel', '1. Wat doet VLAIO?', ...header, ...answer]);
    expect(document).toMatchObject({
      minister: 'Jo Brouns',
      ministerOffice: 'Vlaams Minister van Economie',
      number: '12',
      date: '2022-03-03',
      asker: 'Jan Janssens',
    });
    expect(document.passages.find((p) => p.type === 'question')?.text).toBe('Wat doet VLAIO?');
  });
});
