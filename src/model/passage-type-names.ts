// The Dutch name of each passage type, as users read it in the page and in exports. Free of
// dependencies, so the search page can import it.
import type { PassageType } from './document.ts';

export const passageTypeNames: Record<PassageType, string> = {
  context: 'inleiding',
  question: 'vraag',
  answer: 'antwoord',
  annex: 'bijlage',
};
