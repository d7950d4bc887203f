// An organisation's full name typed without quotes ("Agentschap Innoveren en Ondernemen") is
// searched as the quoted phrase, which both engines expand to the organisation's other names
// (acronym included) through the synonym rules: unquoted, each word is analysed on its own, the
// stopword "en" drops out, and the acronym-only passages would never match.
import { analyzeWith } from '../analysis/analyzer.ts';
import { organisationSynonyms } from '../entities/organisations.ts';

/** The multi-word names of the synonym groups, as lowercased, folded tokens; longest first. */
let names: string[][] | undefined;

const tokensOf = (text: string) => analyzeWith('dutch_exact', text).map((t) => t.term ?? '');

function multiWordNames(): string[][] {
  names ??= organisationSynonyms()
    .flatMap((line) => line.split(','))
    .map((name) => tokensOf(name))
    .filter((tokens) => tokens.length > 1)
    .sort((a, b) => b.length - a.length);
  return names;
}

// A plain word: no query operator in or around it.
const plainWord = /^[\p{L}\p{N}.'’-]+$/u;

/** Rewrites unquoted runs of plain words that spell a full name into a quoted phrase. */
export function namesAsPhrases(q: string): string {
  // Quoted parts are left alone: split keeps them at the odd indices.
  return q
    .split(/("[^"]*")/u)
    .map((part, index) => (index % 2 === 1 ? part : quoteNames(part)))
    .join('');
}

function quoteNames(text: string): string {
  const words = text.split(/(\s+)/u); // words at even indices, whitespace between
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const match = plainWord.test(words[i]!) ? longestNameAt(words, i) : 0;
    if (match > 0) {
      out.push(`"${words.slice(i, i + 2 * match - 1).join('')}"`);
      if (i + 2 * match - 1 < words.length) out.push(words[i + 2 * match - 1]!);
      i += 2 * (match - 1);
    } else {
      out.push(words[i]!);
      if (i + 1 < words.length) out.push(words[i + 1]!);
    }
  }
  return out.join('');
}

/** How many words from index `start` (even) spell a name, 0 when none. */
function longestNameAt(words: string[], start: number): number {
  for (const name of multiWordNames()) {
    const count = name.length;
    const candidate = words.filter((_, k) => k >= start && k % 2 === 0).slice(0, count);
    if (candidate.length < count || !candidate.every((w) => plainWord.test(w))) continue;
    const tokens = candidate.flatMap((word) => tokensOf(word));
    if (tokens.length === count && tokens.every((t, k) => t === name[k])) return count;
  }
  return 0;
}
