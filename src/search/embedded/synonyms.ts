// Organisation acronym ⇄ full name at search time, as the Elasticsearch backend's synonym_graph
// filter applies them (src/search/elasticsearch/index-template.ts): rules from
// organisationSynonyms(), read as lowercased standard tokens; an unquoted word that is a name
// also finds the other names, and a quoted phrase containing a name finds its variants too.
import { analyzeWith } from '../../analysis/analyzer.ts';
import { organisationSynonyms } from '../../entities/organisations.ts';

/** Each group: its names as lowercased tokens. */
let groups: string[][][] | undefined;

function synonymGroups(): string[][][] {
  groups ??= organisationSynonyms().map((line) =>
    line
      .split(',')
      .map((name) => analyzeWith('dutch_exact', name).map((t) => t.text.toLowerCase())),
  );
  return groups;
}

const sameTokens = (a: string[], b: string[]) =>
  a.length === b.length && a.every((token, i) => token === b[i]);

/** The other names of the group `tokens` names exactly, as text (empty when none). */
export function otherNames(tokens: string[]): string[] {
  const group = synonymGroups().find((names) => names.some((name) => sameTokens(name, tokens)));
  return (group ?? []).filter((name) => !sameTokens(name, tokens)).map((name) => name.join(' '));
}

/**
 * The phrase and its variants with a contained name replaced by each other name of its group
 * (longest name first at each position, like the synonym graph's matching).
 */
export function phraseVariants(tokens: string[]): string[][] {
  for (let start = 0; start < tokens.length; start++) {
    let best: { name: string[]; group: string[][] } | undefined;
    for (const group of synonymGroups()) {
      for (const name of group) {
        const fits = sameTokens(tokens.slice(start, start + name.length), name);
        if (fits && name.length > (best?.name.length ?? 0)) best = { name, group };
      }
    }
    if (best) {
      const { name, group } = best;
      const before = tokens.slice(0, start);
      const rest = phraseVariants(tokens.slice(start + name.length));
      return group.flatMap((alternative) =>
        rest.map((after) => [...before, ...alternative, ...after]),
      );
    }
  }
  return [tokens];
}
