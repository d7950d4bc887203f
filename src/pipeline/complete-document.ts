// The last step for every source: passage ids, positions and links to their question, language
// and entities, and validation against the shared DocumentRecord schema.
import { detectLanguage } from '../language/detect.ts';
import { tagEntities } from '../entities/tag.ts';
import { DocumentRecord, type Passage } from '../model/document.ts';
import type { DraftDocument } from './draft.ts';

const passageId = (documentId: string, type: string, numberOrPosition: number) =>
  `${documentId}:${type}:${numberOrPosition}`;

/** Throws a readable error when the document does not satisfy the schema. */
export function completeDocument(draft: DraftDocument): DocumentRecord {
  const questionNumbers = new Set(
    draft.passages.flatMap((p) => (p.type === 'question' && p.number !== null ? [p.number] : [])),
  );
  const passages: Passage[] = draft.passages.map((passage, position) => ({
    id: passageId(draft.id, passage.type, passage.number ?? position),
    documentId: draft.id,
    type: passage.type,
    number: passage.number,
    questionId:
      passage.type === 'answer' && passage.number !== null && questionNumbers.has(passage.number)
        ? passageId(draft.id, 'question', passage.number)
        : null,
    position,
    text: passage.text,
    language: detectLanguage(passage.text),
    entities: tagEntities(passage.text),
  }));
  const result = DocumentRecord.safeParse({ ...draft, passages });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid document: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return result.data;
}
