// Dutch compounds and spelling variants on the query side, for both engines. Dutch writes a
// compound as one word ("speelpleinen", "asielzoekers"), but people type it apart ("speel
// pleinen"), documents sometimes write it apart or hyphenated ("publiek recht", "sociaal-
// economische"), and the index's decompounder cannot split a compound that is itself a part word
// ("asielzoeker" stays whole, so "asiel zoekers" finds nothing). So each plain query word gets
// alternatives, OR-ed in its place (a word's variants count as that word):
//   split    a compound typed joined, as its two parts written apart (an exact phrase: also
//            "sociaal-economische"), the parts from the decompounder's word list, a linking
//            -s-/-e-/-en-/-n- left out ("arbeidsmarkt" → "arbeid markt")
//   joined   two adjacent words typed apart, as one word ("speel pleinen" → "speelpleinen"), and
//            with a linking -s-/-en-/-n- when both are known parts ("arbeid markt" → "arbeidsmarkt")
//   spelling a hyphen or dots left out ("e-mail" → "email", "N.V." → "NV"); a single letter before
//            a word hyphenated, as the spelling rules write it ("email" → "e-mail", i.e. "e mail");
//            an abbreviation (a short word without a vowel) dotted ("NV" → "n.v.")
// Only the first MAX_COMPOUND_VARIANT_WORDS plain words of a query get alternatives. Words with
// operators, quotes, prefixes or fuzziness are taken as meant.
import { loadAnalysisSettings } from '../analysis/definition.ts';
import { MAX_COMPOUND_VARIANT_WORDS } from './rules.ts';

/** Letters that may join two parts of a compound ("arbeid-s-markt", "gemeente-n-raad"); the
 *  part list is built with them (scripts/generate-lexicon.ts). */
export const linkingLetters = ['', 's', 'e', 'en', 'n'] as const;
/** Endings an inflected compound tail may carry beyond its part word ("speel-plein-en"). */
const tailEndings = ['', 's', 'en', 'e', 'n'] as const;

export interface CompoundLexicon {
  /** The decompounder's part words (lowercase). */
  parts: ReadonlySet<string>;
  /** Its min_subword_size: no shorter part is split off or joined. */
  minPart: number;
}

/** One alternative of a word: a single word, or words written apart (a phrase). */
export type Variant = string | string[];

/** A word that may be expanded: letters and digits, with inner hyphens, dots or apostrophes. */
const plainWord = /^[\p{L}\p{N}][\p{L}\p{N}.'’-]*$/u;
const letters = /^\p{L}+$/u;
const vowel = /[aeiouy]/u;

/** Whether `tail` is a part word, perhaps inflected ("pleinen": "plein" + "en"). */
const isTail = (tail: string, parts: ReadonlySet<string>) =>
  tailEndings.some((e) => tail.endsWith(e) && parts.has(tail.slice(0, tail.length - e.length)));

/** The compound `word` as two parts written apart, every way the part list allows (longest head first). */
function splits(word: string, lexicon: CompoundLexicon): string[][] {
  const { parts, minPart } = lexicon;
  const found: string[][] = [];
  for (let cut = word.length - minPart; cut >= minPart; cut--) {
    const tail = word.slice(cut);
    if (!isTail(tail, parts)) continue;
    const head = word.slice(0, cut);
    const link = linkingLetters.find(
      (l) => head.endsWith(l) && parts.has(head.slice(0, head.length - l.length)),
    );
    if (link !== undefined && head.length - link.length >= minPart)
      found.push([head.slice(0, head.length - link.length), tail]);
  }
  return found;
}

/** The linking letters Dutch puts after `head`: -s- ("arbeidsmarkt"), -en- ("boekenkast"), -n- after an e ("gedachtenwisseling"). */
const linksAfter = (head: string) =>
  head.endsWith('e') ? ['n', 's'] : head.endsWith('s') ? ['en'] : ['s', 'en'];

/** Two adjacent words typed apart, joined: plainly, and with a linking letter when both are known parts (the index holds only real words: a wrong guess finds nothing). */
function joins(head: string, tail: string, lexicon: CompoundLexicon): string[] {
  const { parts, minPart } = lexicon;
  if (![head, tail].every((w) => w.length >= minPart && letters.test(w))) return [];
  const known = parts.has(head) && isTail(tail, parts);
  return ['', ...(known ? linksAfter(head) : [])].map((link) => head + link + tail);
}

/** Spelling variants of one word: hyphens and dots left out, a letter hyphenated, dots added. */
function spellings(word: string, lexicon: CompoundLexicon): Variant[] {
  const variants: Variant[] = [];
  if (/[.-]/u.test(word)) {
    const bare = word.replace(/[.-]/gu, '');
    if (bare !== '' && bare !== word) variants.push(bare);
  }
  if (letters.test(word)) {
    const rest = word.slice(1);
    if (rest.length >= lexicon.minPart && lexicon.parts.has(rest)) variants.push([word[0]!, rest]);
    if (word.length >= 2 && word.length <= 4 && !vowel.test(word))
      variants.push(`${[...word].join('.')}.`);
  }
  return variants;
}

/**
 * Per word of `words` (as typed, in order; null where a word is not plain and stays as typed),
 * its alternatives besides itself.
 */
export function compoundVariants(words: (string | null)[], lexicon: CompoundLexicon): Variant[][] {
  const lower = words.map((w, i) =>
    w !== null && plainWord.test(w) && i < MAX_COMPOUND_VARIANT_WORDS ? w.toLowerCase() : null,
  );
  return lower.map((word, i) => {
    if (word === null) return [];
    const previous = lower[i - 1];
    const next = lower[i + 1];
    const variants: Variant[] = [
      ...(letters.test(word) ? splits(word, lexicon) : []),
      ...(previous ? joins(previous, word, lexicon) : []),
      ...(next ? joins(word, next, lexicon) : []),
      ...spellings(word, lexicon),
    ];
    const seen = new Set<string>([word]);
    return variants.filter((v) => {
      const key = typeof v === 'string' ? v : v.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });
}

/** A word with its alternatives in the query syntax: `(word | "a b" | ab)`, or the word alone. */
export function withAlternatives(word: string, variants: Variant[]): string {
  if (variants.length === 0) return word;
  const alternatives = variants.map((v) => (typeof v === 'string' ? v : `"${v.join(' ')}"`));
  return `(${[word, ...alternatives].join(' | ')})`;
}

/**
 * `q` with every plain word outside quotes replaced by the group of its alternatives. Adjacent
 * means separated by white space only: no join across an operator.
 */
export function withCompoundVariants(q: string, lexicon: CompoundLexicon): string {
  const pieces = q.split(/("[^"]*")/u); // quoted phrases at the odd indices stay as written
  const words: (string | null)[] = [];
  const tokens = pieces.map((piece, p) => {
    if (p % 2 === 1) {
      words.push(null);
      return [piece];
    }
    const parts = piece.split(/(\s+)/u); // words at even indices, white space between
    parts.forEach((part, k) => {
      if (k % 2 === 0 && part !== '') words.push(plainWord.test(part) ? part : null);
    });
    return parts;
  });
  const variants = compoundVariants(words, lexicon);
  let w = 0;
  return tokens
    .map((parts, p) =>
      p % 2 === 1
        ? (w++, parts[0]!)
        : parts
            .map((part, k) =>
              k % 2 === 0 && part !== '' ? withAlternatives(part, variants[w++]!) : part,
            )
            .join(''),
    )
    .join('');
}

let lexicon: CompoundLexicon | undefined;

/** The decompounder's word list and minimum part size from mappings/analysis.json (read once). */
export function compoundLexicon(): CompoundLexicon {
  if (!lexicon) {
    const filters = Object.values(loadAnalysisSettings().analysis.filter);
    const decompounder = filters.find((f) => f.type === 'dictionary_decompounder');
    lexicon = {
      parts: new Set((decompounder?.word_list as string[] | undefined) ?? []),
      minPart: Number(decompounder?.min_subword_size ?? 4),
    };
  }
  return lexicon;
}

/** The user's query with the alternatives of its words (what both engines search for). */
export const queryWithVariants = (q: string) => withCompoundVariants(q, compoundLexicon());
