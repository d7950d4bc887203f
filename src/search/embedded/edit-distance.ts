// Lucene's FuzzyQuery (what simple_query_string's `term~N` runs) counts an adjacent transposition
// as one edit: optimal string alignment distance, not plain Levenshtein. The dictionary scan of a
// fuzzy term calls this for thousands of words, so the three rows it needs are reused.

let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Whether `a` and `b` are within `max` edits (insert, delete, substitute, swap neighbours). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  // Rows i − 2, i − 1 and i of the distance table, rotated.
  let [beforePrevious, previous, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      row[j] = distance;
      if (distance < best) best = distance;
    }
    if (best > max) return false;
    [beforePrevious, previous, row] = [previous, row, beforePrevious];
  }
  return previous[b.length]! <= max;
}
