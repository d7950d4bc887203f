// Sorting and paging the hits like Elasticsearch: by score (or date, undated last) descending, then
// passage id ascending; only the hits of the page asked for are selected, with a top-k heap; with
// groupBy=document, the best passage of each document stands for it (collapse).
import { UNDATED_SORT_DATE } from '../rules.ts';
import type { DocSet } from './doc-set.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { dateNumber } from './segment.ts';

/** Where a hit stands in the sort order: score or yyyymmdd date (descending), then id. */
export interface Ranked {
  doc: number;
  score: number;
  value: number;
  id: string;
}

const UNDATED = dateNumber(UNDATED_SORT_DATE);

/** Whether `a` comes before `b`. */
export const before = (a: Ranked, b: Ranked) =>
  a.value !== b.value ? a.value > b.value : a.id < b.id;

export function ranked(index: EmbeddedIndex, hits: DocSet, byDate: boolean): Ranked[] {
  const result: Ranked[] = new Array(hits.docs.length);
  let s = 0;
  for (let i = 0; i < hits.docs.length; i++) {
    const doc = hits.docs[i]!;
    while (s + 1 < index.segments.length && index.bases[s + 1]! <= doc) s++;
    const segment = index.segments[s]!;
    const local = doc - index.bases[s]!;
    const score = hits.scores[i]!;
    const date = segment.dates[local]!;
    result[i] = { doc, score, value: byDate ? date || UNDATED : score, id: segment.ids[local]! };
  }
  return result;
}

/** The first `k` of `items` in sort order (a bounded heap whose root is the worst kept). */
export function topK<T extends Ranked>(items: Iterable<T>, k: number): T[] {
  const heap: T[] = [];
  if (k <= 0) return heap;
  const worse = (i: number, j: number) => before(heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (before(item, heap[0]!)) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

/** The best passage of each document, with the number of its passages among the hits. */
export function collapse(
  index: EmbeddedIndex,
  hits: Ranked[],
): (Ranked & { matchingPassages: number })[] {
  const best = new Map<number, Ranked & { matchingPassages: number }>();
  for (const hit of hits) {
    const [segment, local] = index.locate(hit.doc);
    const { starts, values } = segment.keywords.document;
    const documentId = values[starts[local]!]!;
    const group = best.get(documentId);
    if (!group) best.set(documentId, { ...hit, matchingPassages: 1 });
    else {
      group.matchingPassages++;
      if (before(hit, group))
        Object.assign(group, hit, { matchingPassages: group.matchingPassages });
    }
  }
  return [...best.values()];
}
