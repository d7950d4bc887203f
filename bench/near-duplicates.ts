// Groups of near-identical questions (the same text sent to several ministers): word 3-gram
// shingles of each question body, pairs with Jaccard ≥ threshold found exactly by prefix filtering
// (two sets that similar must share one of their rarest shingles), joined into groups.
const SHINGLE_WORDS = 3;

export interface Body {
  id: string;
  text: string;
}

export function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    result.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return result;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Groups (two members or more, ids sorted) of bodies whose shingle sets reach the threshold. */
export function nearDuplicateGroups(bodies: Body[], threshold = 0.85): string[][] {
  const sets = bodies.map((body) => shingles(body.text));
  const frequency = new Map<string, number>();
  for (const set of sets) for (const s of set) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const byRarity = (a: string, b: string) =>
    frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);

  const parent = bodies.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const holders = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (set.size === 0) return;
    const prefix = [...set].sort(byRarity).slice(0, set.size - Math.ceil(threshold * set.size) + 1);
    const candidates = new Set<number>();
    for (const shingle of prefix) {
      for (const j of holders.get(shingle) ?? []) candidates.add(j);
      holders.set(shingle, [...(holders.get(shingle) ?? []), i]);
    }
    for (const j of candidates) {
      if (jaccard(set, sets[j]!) >= threshold) parent[root(i)] = root(j);
    }
  });

  const groups = new Map<number, string[]>();
  bodies.forEach((body, i) => {
    const members = groups.get(root(i)) ?? [];
    members.push(body.id);
    groups.set(root(i), members);
  });
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort());
}
