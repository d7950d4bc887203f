// The shape the search page's document view reads: each question next to its answer.
import type { DocumentRecord, Passage } from '../model/document.ts';

export interface QuestionAnswerPair {
  number: number | null;
  question: Passage | null;
  answer: Passage | null;
}

export interface DocumentView {
  document: Omit<DocumentRecord, 'passages'>;
  /** Introductory text before the numbered questions. */
  context: Passage[];
  /** Questions in document order, each with its answer; answers nobody asked come last. */
  pairs: QuestionAnswerPair[];
  annexes: Passage[];
  /** With `?q=`: per passage id, where the query's words stand in its text ([start, end) ranges). */
  queryMarks?: Record<string, [number, number][]>;
}

export function toDocumentView({ passages, ...document }: DocumentRecord): DocumentView {
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
  };
}
