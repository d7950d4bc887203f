// Language of a passage as an ISO 639-3 code, by franc's trigram model.
import { franc } from 'franc';

/** The languages passages are written in; restricting franc to them avoids Dutch → Afrikaans. */
export const candidateLanguages = ['nld', 'fra', 'eng', 'deu'];

/** ISO 639-3 code ('nld', 'fra', 'eng', 'deu') or null when too short or undetermined. */
export function detectLanguage(text: string): string | null {
  const language = franc(text, { only: candidateLanguages, minLength: 10 });
  return language === 'und' ? null : language;
}
