// Places from the gazetteer in src/entities/data/places.json: provinces (also as the table
// abbreviations ANT, LIM, OVL, VBR, WVL), regions, countries and municipalities.
import { z } from 'zod';
import type { Entity } from '../model/document.ts';
import gazetteer from './data/places.json' with { type: 'json' };

type PlaceEntity = Extract<Entity, { type: 'place' }>;

const Place = z.object({
  canonical: z.string(),
  kind: z.enum(['province', 'municipality', 'region', 'country']),
  forms: z.array(z.string()).min(1),
});
const places = z.object({ places: z.array(Place) }).parse(gazetteer).places;

const placeByForm = new Map<string, z.infer<typeof Place>>();
for (const place of places) for (const form of place.forms) placeByForm.set(form, place);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Case-sensitive: "Mol" the town, not "mol" the animal; "ANT" in a table, not "ant".
const placePattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:` +
    [...placeByForm.keys()]
      .sort((a, b) => b.length - a.length)
      .map((form) =>
        form
          .split(/\s+/u)
          .map(escape)
          .join(String.raw`\s+`),
      )
      .join('|') +
    String.raw`)(?![\p{L}\p{N}]|-\p{L})`,
  'gu',
);

export function findPlaces(text: string): PlaceEntity[] {
  const found: PlaceEntity[] = [];
  for (const match of text.matchAll(placePattern)) {
    const place = placeByForm.get(match[0].replace(/\s+/gu, ' '));
    if (!place) continue;
    found.push({
      type: 'place',
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      canonical: place.canonical,
      kind: place.kind,
    });
  }
  return found;
}
