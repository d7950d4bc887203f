// Entity tagging of a passage: amounts (rules), organisations and people (the gazetteer, the rules
// for titled names and legal forms, and the statistical tagger), places (the gazetteer), with
// offsets into text. Where two entities overlap, the longer one wins (it read more context), then
// the earlier.
import type { Entity } from '../model/document.ts';
import { findAmounts } from './amounts.ts';
import { findOrganisations } from './organisation-tagger.ts';
import { findPeople } from './people.ts';
import { findPlaces } from './places.ts';
import { learnedOrganisations, learnedPeople } from './learned-entities.ts';
import { tagSpans } from './tagger/entity-tagger.ts';

function withoutOverlaps(entities: Entity[], textLength: number): Entity[] {
  const byPreference = [...entities].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Characters already claimed, rather than a look at every kept entity: linear in the text
  // however many entities it has (16,666 organisations in 100,000 characters of "VLAIO ").
  const claimed = new Uint8Array(textLength);
  const kept: Entity[] = [];
  for (const entity of byPreference) {
    if (claimed.subarray(entity.start, entity.end).includes(1)) continue;
    claimed.fill(1, entity.start, entity.end);
    kept.push(entity);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function tagEntities(text: string): Entity[] {
  const spans = tagSpans(text);
  return withoutOverlaps(
    [
      ...findAmounts(text),
      ...findOrganisations(text),
      ...learnedOrganisations(spans, text),
      ...findPeople(text),
      ...learnedPeople(spans, text),
      ...findPlaces(text),
    ],
    text.length,
  );
}
