// The hits of one result page as a search answers them: a passage's stored fields, its document's
// fields and the highlights. The passages of a page often share their document (188 documents
// for 407 hits in the mixed benchmark set), so each document's fields and title highlight are
// made once per page.
import type { SearchHit } from '../query.ts';
import type { MatchTargets } from './compile.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { highlight, highlightTitle } from './highlight.ts';
import { documentFields, documentRow, ownFields, type DocumentFields } from './stored-passages.ts';

interface ShownDocument {
  fields: DocumentFields;
  titleHighlight: string | null;
}

/** Makes the hits of a page; `targets` are what to highlight (null: no highlights). */
export function pageHits(index: EmbeddedIndex, targets: MatchTargets | null) {
  /** By segment and document row. */
  const documents = new Map<number, ShownDocument>();
  const shownDocument = (doc: number): ShownDocument => {
    const [segment, local, s] = index.locate(doc);
    const key = s * 2 ** 32 + documentRow(segment.stored, local);
    let shown = documents.get(key);
    if (!shown) {
      const fields = documentFields(segment.stored, local);
      // The title is the document's, and so are its tokens in every passage's title field.
      const titleHighlight =
        targets && fields.title ? highlightTitle(index, doc, fields.title, targets) : null;
      documents.set(key, (shown = { fields, titleHighlight }));
    }
    return shown;
  };

  return (
    doc: number,
    /** null under date order. */
    score: number | null,
    matchingPassages?: number,
  ): SearchHit => {
    const [segment, local] = index.locate(doc);
    const own = ownFields(segment.stored, local);
    const { fields: document, titleHighlight } = shownDocument(doc);
    // The hit's fields by name from the two stored parts: merging them into one passage and
    // picking the fields from that cost a quarter of a hit.
    const hit: SearchHit = {
      id: own.id,
      type: own.type,
      number: own.number,
      documentId: own.documentId,
      parliament: own.parliament,
      title: document.title,
      date: document.date,
      // Its own copy, as the document's fields are shared by the page's hits.
      themes: [...document.themes],
      asker: document.asker,
      party: document.party,
      minister: document.minister,
      score,
      highlights: targets ? highlight(index, doc, own.text, targets) : [],
      entities: own.entities.filter((e) => e.type === 'organisation' || e.type === 'amount'),
    };
    if (titleHighlight !== null) hit.titleHighlight = titleHighlight;
    if (matchingPassages !== undefined) hit.matchingPassages = matchingPassages;
    return hit;
  };
}
