// For tests that compare timings on a machine shared with other test files: interference only ever
// adds time, so a check over its bound is measured again (twice at most), while a real regression
// (a quadratic walk, an event loop held) is over it on every try.
export const RETRY = { retry: 2 } as const;
