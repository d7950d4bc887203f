// The last step for every source: passage ids, positions and links to their question, language
// and entities, and validation against the shared DocumentRecord schema.
import { detectLanguage } from '../language/detect.ts';
import { tagEntities } from '../entities/tag.ts';
import { DocumentRecord, type Passage } from '../model/document.ts';
import type { DraftDocument } from './draft.ts';

const passageId = (documentId: string, type: string, numberOrOrdinal: number) =>
  `${documentId}:${type}:${numberOrOrdinal}`;

/**
 * Passages without a number (context, annex, an answer to all questions) are counted per type from
 * 0, so their ids never collide with numbered ones (which start at 1) and survive re-parsing.
 */
function passageIds(draft: DraftDocument): string[] {
  const unnumbered = new Map<string, number>();
  return draft.passages.map((passage) => {
    if (passage.number !== null) return passageId(draft.id, passage.type, passage.number);
    const ordinal = unnumbered.get(passage.type) ?? 0;
    unnumbered.set(passage.type, ordinal + 1);
    return passageId(draft.id, passage.type, ordinal);
  });
}

/** Throws a readable error when the document does not satisfy the schema. */
export function completeDocument(draft: DraftDocument): DocumentRecord {
  const questionNumbers = new Set(
    draft.passages.flatMap((p) => (p.type === 'question' && p.number !== null ? [p.number] : [])),
  );
  const ids = passageIds(draft);
  if (new Set(ids).size !== ids.length)
    throw new Error('two passages with the same type and number');
  const passages: Passage[] = draft.passages.map((passage, position) => ({
    id: ids[position] as string,
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
