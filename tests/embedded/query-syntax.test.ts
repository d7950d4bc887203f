// The query parser against the semantics of Lucene's SimpleQueryParser (Elasticsearch's
// simple_query_string with default_operator AND), including the odd inputs users type.
import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryNode } from '../../src/search/query-syntax.ts';

const term = (text: string): QueryNode => ({ kind: 'term', text, fuzziness: 0 });
const and = (...clauses: QueryNode[]): QueryNode => ({ kind: 'bool', operator: 'and', clauses });
const or = (...clauses: QueryNode[]): QueryNode => ({ kind: 'bool', operator: 'or', clauses });
const not = (node: QueryNode): QueryNode => ({ kind: 'not', node });

describe('parseQuery', () => {
  it('ANDs terms separated by whitespace', () => {
    expect(parseQuery('fiets  gent')).toEqual(and(term('fiets'), term('gent')));
  });

  it('reads | as OR and + as AND', () => {
    expect(parseQuery('fiets | auto')).toEqual(or(term('fiets'), term('auto')));
    expect(parseQuery('fiets+auto')).toEqual(and(term('fiets'), term('auto')));
  });

  it('binds operators left to right, without precedence', () => {
    expect(parseQuery('a b | c')).toEqual(or(and(term('a'), term('b')), term('c')));
    expect(parseQuery('a | b c')).toEqual(and(or(term('a'), term('b')), term('c')));
  });

  it('groups with parentheses', () => {
    expect(parseQuery('(a | b) c')).toEqual(and(or(term('a'), term('b')), term('c')));
  });

  it('negates with -, twice cancels, and a space in between drops it', () => {
    expect(parseQuery('fiets -gent')).toEqual(and(term('fiets'), not(term('gent'))));
    expect(parseQuery('--gent')).toEqual(term('gent'));
    expect(parseQuery('- gent')).toEqual(term('gent'));
  });

  it('reads phrases, with slop', () => {
    expect(parseQuery('"sociale zekerheid"')).toEqual({
      kind: 'phrase',
      text: 'sociale zekerheid',
      slop: 0,
    });
    expect(parseQuery('"sociale zekerheid"~2')).toEqual({
      kind: 'phrase',
      text: 'sociale zekerheid',
      slop: 2,
    });
  });

  it('ignores an unbalanced quote or parenthesis', () => {
    expect(parseQuery('"sociale zekerheid')).toEqual(and(term('sociale'), term('zekerheid')));
    expect(parseQuery('(a b')).toEqual(and(term('a'), term('b')));
    expect(parseQuery('a b)')).toEqual(and(term('a'), term('b')));
  });

  it('reads a trailing * as prefix, a lone * as everything', () => {
    expect(parseQuery('asiel*')).toEqual({ kind: 'prefix', text: 'asiel' });
    expect(parseQuery('  *  ')).toEqual({ kind: 'all' });
    expect(parseQuery('*asiel')).toEqual(term('*asiel'));
    expect(parseQuery('a *')).toEqual(and(term('a'), term('*')));
  });

  it('reads ~ after a term as fuzziness (at most 2)', () => {
    expect(parseQuery('fiets~1')).toEqual({ kind: 'term', text: 'fiets', fuzziness: 1 });
    expect(parseQuery('fiets~')).toEqual({ kind: 'term', text: 'fiets', fuzziness: 2 });
    expect(parseQuery('fiets~9')).toEqual({ kind: 'term', text: 'fiets', fuzziness: 2 });
  });

  it('takes escaped operator characters literally', () => {
    expect(parseQuery('\\-gent')).toEqual(term('-gent'));
    expect(parseQuery('a\\|b')).toEqual(term('a|b'));
    expect(parseQuery('asiel\\*')).toEqual(term('asiel*'));
  });

  it('matches nothing for operators alone', () => {
    for (const q of ['', '   ', '+', '|', '-', '()', '""', '| +', '-(', '\\']) {
      expect(parseQuery(q), JSON.stringify(q)).toBeNull();
    }
  });

  it('drops a clause without query but keeps the pending operator, as Lucene does', () => {
    const producesQuery = (leaf: { text: string }) => leaf.text !== 'de';
    expect(parseQuery('a | de b', { producesQuery })).toEqual(or(term('a'), term('b')));
    expect(parseQuery('de', { producesQuery })).toBeNull();
  });

  it('never throws, whatever is typed', () => {
    const alphabet = ['a', 'b', ' ', '"', '(', ')', '|', '+', '-', '*', '~', '\\', '1', 'é'];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const length = Math.floor(random() * 12);
      const q = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]);
      expect(() => parseQuery(q.join(''))).not.toThrow();
    }
  });
});
