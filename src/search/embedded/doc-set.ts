// Matching passages with their scores: global passage numbers in ascending order beside their
// scores. The boolean operators are merges of such lists.
export interface DocSet {
  docs: Int32Array;
  scores: Float64Array;
}

export const emptySet = (): DocSet => ({ docs: new Int32Array(0), scores: new Float64Array(0) });

/** Passages in either set; the scores of a passage in both are added. */
export function union(a: DocSet, b: DocSet): DocSet {
  if (b.docs.length === 0) return a;
  if (a.docs.length === 0) return b;
  const docs = new Int32Array(a.docs.length + b.docs.length);
  const scores = new Float64Array(docs.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x === y) {
      docs[n] = x;
      scores[n++] = a.scores[i++]! + b.scores[j++]!;
    } else if (x < y) {
      docs[n] = x;
      scores[n++] = a.scores[i++]!;
    } else {
      docs[n] = y;
      scores[n++] = b.scores[j++]!;
    }
  }
  while (i < a.docs.length) {
    docs[n] = a.docs[i]!;
    scores[n++] = a.scores[i++]!;
  }
  while (j < b.docs.length) {
    docs[n] = b.docs[j]!;
    scores[n++] = b.scores[j++]!;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

/** Passages in both sets, scores added. */
export function intersect(a: DocSet, b: DocSet): DocSet {
  const docs = new Int32Array(Math.min(a.docs.length, b.docs.length));
  const scores = new Float64Array(docs.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i]!;
    const y = b.docs[j]!;
    if (x === y) {
      docs[n] = x;
      scores[n++] = a.scores[i++]! + b.scores[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

/** Passages of `a` not in `b`, with their scores in `a` plus `bonus`. */
export function exclude(a: DocSet, b: DocSet, bonus: number): DocSet {
  const docs = new Int32Array(a.docs.length);
  const scores = new Float64Array(docs.length);
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.docs.length; i++) {
    const x = a.docs[i]!;
    while (j < b.docs.length && b.docs[j]! < x) j++;
    if (j < b.docs.length && b.docs[j] === x) continue;
    docs[n] = x;
    scores[n++] = a.scores[i]! + bonus;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

/** The passages of `a` also in `b` (both ascending). */
export function docsInBoth(a: Int32Array, b: Int32Array): Int32Array {
  const docs = new Int32Array(Math.min(a.length, b.length));
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (b[j] === x) docs[n++] = x;
  }
  return docs.subarray(0, n);
}

export function scaled(set: DocSet, factor: number): DocSet {
  if (factor === 1) return set;
  return { docs: set.docs, scores: set.scores.map((score) => score * factor) };
}

export const unionAll = (sets: DocSet[]) => sets.reduce(union, emptySet());

export function intersectAll(sets: DocSet[]): DocSet {
  if (sets.length === 0) return emptySet();
  return sets.slice(1).reduce(intersect, sets[0]!);
}

/**
 * Passages in at least `minimum` of the sets, their scores added: a Lucene BooleanQuery of SHOULD
 * clauses with minimum_should_match. Counted in arrays over all `maxDoc` passage numbers.
 */
export function atLeast(sets: DocSet[], minimum: number, maxDoc: number): DocSet {
  const scores = new Float64Array(maxDoc);
  const counts = new Uint16Array(maxDoc);
  for (const set of sets) {
    for (let i = 0; i < set.docs.length; i++) {
      const doc = set.docs[i]!;
      scores[doc]! += set.scores[i]!;
      counts[doc]!++;
    }
  }
  let n = 0;
  for (let doc = 0; doc < maxDoc; doc++) if (counts[doc]! >= minimum) n++;
  const result = { docs: new Int32Array(n), scores: new Float64Array(n) };
  n = 0;
  for (let doc = 0; doc < maxDoc; doc++) {
    if (counts[doc]! < minimum) continue;
    result.docs[n] = doc;
    result.scores[n++] = scores[doc]!;
  }
  return result;
}
