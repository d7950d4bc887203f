// Parser for the user query syntax into an AST, with the semantics of Elasticsearch's
// simple_query_string (Lucene's SimpleQueryParser, all flags on, default operator AND), so the
// embedded engine answers the same query the same way. Never throws: whatever the user types,
// odd characters are either operators or part of a term, exactly as Lucene decides.
//
//   a b      both (AND)            a | b     either          -a      everything except a
//   "a b"    phrase ("a b"~2 slop)  a*        prefix           (a | b) c   grouping
//   a~1      fuzzy term            \x        literal x        *       (alone) everything
//
// Like Lucene, operators bind left to right without precedence: `a b | c` is `(a b) | c`.

export type QueryLeaf =
  | { kind: 'term'; text: string; fuzziness: number }
  | { kind: 'prefix'; text: string }
  | { kind: 'phrase'; text: string; slop: number };

export type QueryNode =
  | QueryLeaf
  | { kind: 'bool'; operator: 'and' | 'or'; clauses: QueryNode[] }
  /** Every document except those matching `node` (Lucene: MUST_NOT node, SHOULD match-all). */
  | { kind: 'not'; node: QueryNode }
  | { kind: 'all' };

export interface ParseOptions {
  /**
   * Whether a leaf yields a query at all. Lucene drops a term whose analysis yields no tokens
   * (a stopword) without resetting a pending operator, so `a | de b` is `a | b`; pass the
   * analyzer's verdict here to reproduce that.
   */
  producesQuery?: (leaf: QueryLeaf) => boolean;
}

interface State {
  data: string;
  index: number;
  end: number;
  top: QueryNode | null;
  not: number;
  currentOperation: 'and' | 'or' | null;
  previousOperation: 'and' | 'or' | null;
}

const isWhitespace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Returns null when the query matches nothing (empty, or only operators/stopwords). */
export function parseQuery(text: string, options: ParseOptions = {}): QueryNode | null {
  if (text.trim() === '*') return { kind: 'all' };
  const producesQuery = options.producesQuery ?? (() => true);
  const state = newState(text, 0, text.length);
  parseSubQuery(state, producesQuery);
  return state.top;
}

function newState(data: string, index: number, end: number): State {
  return { data, index, end, top: null, not: 0, currentOperation: null, previousOperation: null };
}

function parseSubQuery(state: State, producesQuery: (leaf: QueryLeaf) => boolean): void {
  while (state.index < state.end) {
    const c = state.data[state.index];
    if (c === '(') {
      consumeSubQuery(state, producesQuery);
    } else if (c === ')') {
      state.index++; // extraneous: ignored
    } else if (c === '"') {
      consumePhrase(state, producesQuery);
    } else if (c === '+' || c === '|') {
      // An explicit operator only counts after a clause, and only the first of a run counts.
      if (state.currentOperation === null && state.top !== null) {
        state.currentOperation = c === '+' ? 'and' : 'or';
      }
      state.index++;
    } else if (c === '-') {
      state.not++;
      state.index++;
      continue; // keep the pending negation for the next clause
    } else if (isWhitespace(c)) {
      state.index++;
    } else {
      consumeToken(state, producesQuery);
    }
    state.not = 0;
  }
}

function consumeSubQuery(state: State, producesQuery: (leaf: QueryLeaf) => boolean): void {
  const start = ++state.index;
  let depth = 1;
  let escaped = false;
  while (state.index < state.end) {
    const c = state.data[state.index];
    if (!escaped) {
      if (c === '\\') {
        escaped = true;
        state.index++;
        continue;
      } else if (c === '(') {
        depth++;
      } else if (c === ')') {
        depth--;
        if (depth === 0) break;
      }
    }
    escaped = false;
    state.index++;
  }
  if (state.index === state.end) {
    state.index = start; // never closed: the '(' is ignored
  } else if (state.index === start) {
    state.currentOperation = null; // "()": the pending operator is dropped
    state.index++;
  } else {
    const sub = newState(state.data, start, state.index);
    parseSubQuery(sub, producesQuery);
    buildQueryTree(state, sub.top);
    state.index++;
  }
}

function consumePhrase(state: State, producesQuery: (leaf: QueryLeaf) => boolean): void {
  const start = ++state.index;
  let phrase = '';
  let escaped = false;
  let hasSlop = false;
  while (state.index < state.end) {
    const c = state.data[state.index];
    if (!escaped) {
      if (c === '\\') {
        escaped = true;
        state.index++;
        continue;
      } else if (c === '"') {
        if (state.index + 1 < state.end && state.data[state.index + 1] === '~') {
          state.index++;
          hasSlop = state.index + 1 < state.end;
        }
        break;
      }
    }
    escaped = false;
    phrase += c;
    state.index++;
  }
  if (state.index === state.end) {
    state.index = start; // never closed: the '"' is ignored
  } else if (state.index === start) {
    state.currentOperation = null; // '""'
    state.index++;
  } else {
    const slop = hasSlop ? parseFuzziness(state) : 0;
    buildLeaf(state, { kind: 'phrase', text: phrase, slop }, producesQuery);
    state.index++;
  }
}

function consumeToken(state: State, producesQuery: (leaf: QueryLeaf) => boolean): void {
  let token = '';
  let escaped = false;
  let prefix = false;
  let fuzzy = false;
  while (state.index < state.end) {
    const c = state.data[state.index];
    if (!escaped) {
      if (c === '\\') {
        escaped = true;
        prefix = false;
        state.index++;
        continue;
      } else if (tokenFinished(state)) {
        break;
      } else if (token.length > 0 && c === '~') {
        fuzzy = true;
        break;
      }
      prefix = token.length > 0 && c === '*';
    }
    escaped = false;
    token += c;
    state.index++;
  }
  if (token.length === 0) return;
  let leaf: QueryLeaf;
  if (fuzzy) {
    leaf = { kind: 'term', text: token, fuzziness: Math.min(parseFuzziness(state), 2) };
  } else if (prefix) {
    leaf = { kind: 'prefix', text: token.slice(0, -1) };
  } else {
    leaf = { kind: 'term', text: token, fuzziness: 0 };
  }
  buildLeaf(state, leaf, producesQuery);
}

function tokenFinished(state: State): boolean {
  const c = state.data[state.index];
  return c === '"' || c === '|' || c === '+' || c === '(' || c === ')' || isWhitespace(c);
}

/** After a '~' at state.index: the number up to the end of the token; bare '~' means 2. */
function parseFuzziness(state: State): number {
  if (state.data[state.index] !== '~') return 0;
  let digits = '';
  while (state.index < state.end) {
    state.index++;
    if (state.index < state.end) {
      if (tokenFinished(state)) break;
      digits += state.data[state.index];
    }
  }
  if (digits === '') return 2;
  const value = /^[+-]?\d+$/.test(digits) ? Number.parseInt(digits, 10) : 0;
  return Math.max(0, value);
}

function buildLeaf(
  state: State,
  leaf: QueryLeaf,
  producesQuery: (leaf: QueryLeaf) => boolean,
): void {
  buildQueryTree(state, producesQuery(leaf) ? leaf : null);
}

function buildQueryTree(state: State, branch: QueryNode | null): void {
  if (branch === null) return; // note: the pending operator survives, as in Lucene
  const node: QueryNode = state.not % 2 === 1 ? { kind: 'not', node: branch } : branch;
  if (state.top === null) {
    state.top = node;
  } else {
    const operation = state.currentOperation ?? 'and';
    if (state.previousOperation !== operation || state.top.kind !== 'bool') {
      state.top = { kind: 'bool', operator: operation, clauses: [state.top] };
    }
    state.top.clauses.push(node);
    state.previousOperation = operation;
  }
  state.currentOperation = null;
}
