// The parliaments whose questions the sources hold, by the name users know them by (the
// `parliament` facet and the export column show it as it is).
export const parliaments = {
  /** The Flemish Parliament: the seeds and the Flemish text exports and PDFs. */
  flemish: 'Vlaams Parlement',
  /** The Belgian federal Chamber: the dekamer corpus. */
  federal: 'Kamer van volksvertegenwoordigers',
} as const;
