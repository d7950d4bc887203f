// Lucene's FuzzyQuery (what simple_query_string's `term~N` runs) counts an adjacent transposition
// as one edit: optimal string alignment distance, not plain Levenshtein.

/** Whether `a` and `b` are within `max` edits (insert, delete, substitute, swap neighbours). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const previous = rows[i - 1];
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance =
        i === 0
          ? j
          : Math.min(previous![j]! + 1, row[j - 1]! + 1, previous![j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      row.push(distance);
      best = Math.min(best, distance);
    }
    if (best > max) return false;
    rows.push(row);
  }
  return rows[a.length]![b.length]! <= max;
}
