// The search page keeps its whole state in the URL (web/src/state.ts): a link reproduces the
// search, back and forward restore it.
import { describe, expect, it } from 'vitest';
import {
  emptyFilters,
  pageUrl,
  readState,
  resultParams,
  withPrefixLastWord,
  type PageState,
} from '../../web/src/state.ts';

const state: PageState = {
  q: 'subsidie "online verkopen"',
  filters: { ...emptyFilters(), theme: ['Economie', 'Werk'], year: ['2017'] },
  amountMin: '1500000',
  amountMax: '',
  dateFrom: '2017-01-01',
  dateTo: '',
  sort: 'date',
  page: 3,
  groupByDocument: true,
  doc: 'dekamer-184502',
  person: { name: 'Jan Peeters', role: 'minister' },
};

describe('page state in the URL', () => {
  it('reads back every part of a state from its URL', () => {
    expect(readState(pageUrl(state))).toEqual(state);
  });

  it('keeps the URL short: defaults are left out', () => {
    const url = pageUrl({
      ...state,
      sort: 'relevance',
      page: 1,
      groupByDocument: false,
      doc: null,
      person: null,
    });
    expect(url).not.toMatch(/sort=|page=|groupBy=|doc=|person=/);
  });

  it('drops what is not valid instead of searching for it', () => {
    const read = readState(
      '?amountMin=veel&dateFrom=gisteren&page=-2&sort=random&theme=&role=x&person=An',
    );
    expect(read).toMatchObject({
      amountMin: '',
      dateFrom: '',
      page: 1,
      sort: 'relevance',
      person: { name: 'An', role: 'asker' },
    });
    expect(read.filters.theme).toEqual([]);
  });

  it('asks the API for the page in view, the last word as a prefix while typing', () => {
    const params = resultParams(state, true);
    expect(params.get('q')).toBe('subsidie "online verkopen"'); // a phrase is not widened
    expect(resultParams({ ...state, q: 'kinderop' }, true).get('q')).toBe('(kinderop | kinderop*)');
    expect(resultParams({ ...state, q: 'kinderop' }).get('q')).toBe('kinderop');
    expect([params.get('page'), params.get('groupBy'), params.getAll('theme')]).toEqual([
      '3',
      'document',
      ['Economie', 'Werk'],
    ]);
  });

  it('widens only a plain last word of two letters or more', () => {
    expect(withPrefixLastWord('fiets trein')).toBe('fiets (trein | trein*)');
    expect(withPrefixLastWord('fiets t')).toBe('fiets t');
    expect(withPrefixLastWord('(fiets | trein)')).toBe('(fiets | trein)');
  });
});
