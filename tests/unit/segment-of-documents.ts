// Test helper: an embedded index with one more segment made of whole documents (their older
// passages deleted, as an upsert does), for tests of segments with tombstones.
import type { DocumentRecord } from '../../src/model/document.ts';
import { EmbeddedIndex } from '../../src/search/embedded/embedded-index.ts';
import { SegmentBuilder } from '../../src/search/embedded/segment-builder.ts';
import { toIndexedPassages } from '../../src/search/indexed-passage.ts';

export function withSegment(index: EmbeddedIndex, documents: DocumentRecord[]): EmbeddedIndex {
  const builder = new SegmentBuilder(index.dictionaries);
  for (const document of documents)
    for (const passage of toIndexedPassages(document)) builder.add(passage);
  return index.withSegment(builder.seal(), new Set(documents.map((d) => d.id)), []);
}
