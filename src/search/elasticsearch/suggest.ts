// Prefix completion: values of the keyword fields (titles, organisations, askers, ministers) with a
// word starting with what the user typed, most frequent first, from terms aggregations whose
// `include` regex matches case-insensitively (Lucene regexps have no flag for that).
import type { estypes } from '@elastic/elasticsearch';
import type { Suggestion } from '../backend.ts';
import { interleave, suggestionKinds } from '../rules.ts';
import { facetField } from './fields.ts';

/** Facets are completed from their fields, titles from the whole-value subfield (./mapping.ts). */
const suggestionFields: Record<Suggestion['kind'], string> = {
  organisation: facetField('organisation'),
  minister: facetField('minister'),
  asker: facetField('asker'),
  title: 'title.keyword',
};

const LUCENE_REGEX_RESERVED = new Set('.?+*|{}[]()"\\#@&<>~');

/** A Lucene regexp for values with a word beginning with `prefix`, in any letter case. */
export function wordPrefixRegex(prefix: string): string {
  const literal = [...prefix]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      if (lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
      return LUCENE_REGEX_RESERVED.has(char) ? `\\${char}` : char;
    })
    .join('');
  return `(.*[^a-zA-Z0-9])?${literal}.*`;
}

export function suggestionRequest(
  index: string,
  prefix: string,
  limit: number,
): estypes.SearchRequest {
  const include = wordPrefixRegex(prefix);
  return {
    index,
    size: 0,
    aggs: Object.fromEntries(
      suggestionKinds.map((kind) => [
        kind,
        { terms: { field: suggestionFields[kind], include, size: limit } },
      ]),
    ),
  };
}

/** The most frequent value of each kind in turn, so every kind gets a place in the list. */
export function toSuggestions(response: estypes.SearchResponse, limit: number): Suggestion[] {
  const columns = suggestionKinds.map((kind) => {
    const terms = response.aggregations?.[kind] as
      { buckets?: { key: string | number }[] } | undefined;
    return (terms?.buckets ?? []).map((bucket): Suggestion => ({
      value: String(bucket.key),
      kind,
    }));
  });
  return interleave(columns, limit);
}
