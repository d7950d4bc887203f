// The passage mapping, generated from the indexed passage's declaration (../indexed-passage.ts):
// each field's kind (src/model/field-kinds.ts) becomes an Elasticsearch field type. Its `_meta`
// carries the declaration's fingerprint, so an index built under another declaration is detected
// (./passage-indices.ts) instead of silently missing a field.
import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import type { FieldKind } from '../../model/field-kinds.ts';
import {
  indexedPassageFields,
  indexedPassageFingerprint,
  type IndexedPassageField,
} from '../indexed-passage.ts';
import { exactSuffix } from './fields.ts';

/** Analyzers the mapping refers to; ./index-template.ts defines them. */
export const INDEX_ANALYZER = 'dutch_text';
export const EXACT_ANALYZER = 'dutch_exact';
export const SEARCH_ANALYZER = 'dutch_search';
export const EXACT_SEARCH_ANALYZER = 'dutch_exact_search';

/** Longest whole value kept of a text field (Elasticsearch's limit per term is 32 kB). */
const WHOLE_VALUE_LIMIT = 1024;

const analysed = (analyzer: string, searchAnalyzer: string) =>
  ({
    type: 'text',
    analyzer,
    search_analyzer: searchAnalyzer,
    index_options: 'offsets',
  }) as const;

const unwrapNullable = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;

function property(name: IndexedPassageField): estypes.MappingProperty {
  const { kind, schema, wholeValue } = indexedPassageFields[name];
  const byKind: Record<FieldKind, () => estypes.MappingProperty> = {
    text: () => ({
      ...analysed(INDEX_ANALYZER, SEARCH_ANALYZER),
      fields: {
        [exactSuffix.slice(1)]: analysed(EXACT_ANALYZER, EXACT_SEARCH_ANALYZER),
        ...(wholeValue ? { keyword: { type: 'keyword', ignore_above: WHOLE_VALUE_LIMIT } } : {}),
      },
    }),
    keyword: () => ({ type: 'keyword' }),
    integer: () => ({ type: 'integer' }),
    number: () => ({ type: 'double' }),
    date: () => ({ type: 'date', format: 'strict_date' }),
    // Kept in _source only: a string as an unindexed keyword, structured values as a disabled object.
    stored: () =>
      unwrapNullable(schema) instanceof z.ZodString
        ? { type: 'keyword', index: false, doc_values: false }
        : { type: 'object', enabled: false },
  };
  return byKind[kind]();
}

export const passageMapping = (): estypes.MappingTypeMapping => ({
  dynamic: 'strict',
  _meta: { fingerprint: indexedPassageFingerprint },
  properties: Object.fromEntries(
    (Object.keys(indexedPassageFields) as IndexedPassageField[]).map((name) => [
      name,
      property(name),
    ]),
  ),
});
