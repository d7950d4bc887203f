// The passage types and their Dutch names, as users read them in the page, the feed and exports.
// Declared once, here, free of dependencies so the search page can import it.
export const passageTypeNames = {
  context: 'inleiding',
  question: 'vraag',
  answer: 'antwoord',
  annex: 'bijlage',
} as const;

export type PassageType = keyof typeof passageTypeNames;

/** In document order: the context comes first, annexes last. */
export const passageTypes = Object.keys(passageTypeNames) as [PassageType, ...PassageType[]];
