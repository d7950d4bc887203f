// The shape the search page's document view reads: each question next to its answer. Declared in
// zod, so the OpenAPI description is generated from it (./openapi.ts).
import { z } from 'zod';
import { DocumentRecord, Passage } from '../model/document.ts';
import type { Span } from '../search/embedded/highlight.ts';
import { queryMarker } from '../search/embedded/text-marks.ts';

export const QuestionAnswerPair = z.object({
  number: z.number().int().nullable(),
  question: Passage.nullable(),
  answer: Passage.nullable(),
});
export type QuestionAnswerPair = z.infer<typeof QuestionAnswerPair>;

export const DocumentView = z.object({
  document: DocumentRecord.omit({ passages: true }),
  context: z.array(Passage).describe('Introductory text before the numbered questions.'),
  pairs: z
    .array(QuestionAnswerPair)
    .describe('Questions in document order, each with its answer; answers nobody asked come last.'),
  annexes: z.array(Passage),
  queryMarks: z
    .record(z.string(), z.array(z.object({ start: z.number().int(), end: z.number().int() })))
    .describe('With q: per passage id, the [start, end) spans its words match.'),
});
export type DocumentView = z.infer<typeof DocumentView>;

/** The search's words in each passage, found with the shared analyzer, whichever engine answers. */
function queryMarks(passages: Passage[], q: string): Record<string, Span[]> {
  const marker = q.trim() === '' ? null : queryMarker(q);
  if (marker === null) return {};
  return Object.fromEntries(
    passages.flatMap((passage) => {
      const spans = marker(passage.text);
      return spans.length > 0 ? [[passage.id, spans]] : [];
    }),
  );
}

export function toDocumentView({ passages, ...document }: DocumentRecord, q = ''): DocumentView {
  const ordered = [...passages].sort((a, b) => a.position - b.position);
  const answers = ordered.filter((p) => p.type === 'answer');
  const answered = new Set<Passage>();
  const answerTo = (question: Passage) => {
    const answer =
      answers.find((a) => a.questionId === question.id) ??
      answers.find(
        (a) => !answered.has(a) && a.questionId === null && a.number === question.number,
      );
    if (answer) answered.add(answer);
    return answer ?? null;
  };
  const pairs: QuestionAnswerPair[] = ordered
    .filter((p) => p.type === 'question')
    .map((question) => ({ number: question.number, question, answer: answerTo(question) }));
  for (const answer of answers) {
    if (!answered.has(answer)) pairs.push({ number: answer.number, question: null, answer });
  }
  return {
    document,
    context: ordered.filter((p) => p.type === 'context'),
    pairs,
    annexes: ordered.filter((p) => p.type === 'annex'),
    queryMarks: queryMarks(ordered, q),
  };
}
