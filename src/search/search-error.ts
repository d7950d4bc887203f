// What a search refuses because of what was asked (a cursor this server never gave, a page out of
// reach, a query asking too much work): typed, with the stable code the API answers 400 with and a
// Dutch message shown to the user as it is.
export type SearchErrorCode = 'invalid_paging' | 'invalid_parameter';

export class SearchError extends Error {
  constructor(
    readonly code: SearchErrorCode,
    message: string,
    /** The request parameter at fault, with what is wrong with it, when it is one. */
    readonly detail?: { parameter: string; message: string },
  ) {
    super(message);
    this.name = 'SearchError';
  }
}
