// ElasticsearchBackend against the official client's mock connection (@elastic/elasticsearch-mock),
// as elasticsearch-js tests itself: the requests it sends and how it reads answers and failures.
// The same behaviour runs against a real node in tests/elasticsearch and tests/conformance.
import { Client, errors } from '@elastic/elasticsearch';
import MockModule from '@elastic/elasticsearch-mock';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../src/search/backend.ts';
import { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { QueryTimeoutError } from '../../src/search/query-bounds.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { FUZZY_MAX_EXPANSIONS, QUERY_TIME_BUDGET_MS } from '../../src/search/rules.ts';

// Its typings declare an ES default export on a CommonJS module: NodeNext types the default import
// as the module, while at run time it is the class itself.
const Mock = MockModule as unknown as typeof MockModule.default;
type Mock = InstanceType<typeof Mock>;

const ALIAS = 'vraagbaak-passages-unit';

function backendWith(mock: Mock) {
  const client = new Client({
    node: 'http://localhost:9200',
    Connection: mock.getConnection(),
    maxRetries: 0,
  });
  return new ElasticsearchBackend({ client, alias: ALIAS });
}

const storedHit = {
  id: 'doc-1:answer:2',
  documentId: 'doc-1',
  type: 'answer',
  number: 2,
  title: 'Fietspaden',
  date: '2017-05-04',
  themes: ['Mobiliteit'],
  asker: 'An Asker',
  party: 'Partij',
  minister: 'Een Minister',
  entities: [
    { type: 'amount', text: '5 miljoen euro', start: 0, end: 14, value: 5_000_000, vat: null },
  ],
};

describe('ElasticsearchBackend (mock connection)', () => {
  it('sends an AND text query with facet filters in post_filter and reads hits and totals', async () => {
    const mock = new Mock();
    let body: Record<string, unknown> | undefined;
    mock.add({ method: 'POST', path: `/${ALIAS}/_search` }, (params) => {
      body = params.body as Record<string, unknown>;
      return {
        took: 3,
        timed_out: false,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: {
          total: { value: 1, relation: 'eq' },
          max_score: 2.5,
          hits: [
            {
              _index: `${ALIAS}-1`,
              _id: storedHit.id,
              _score: 2.5,
              _source: storedHit,
              highlight: { text: ['de <mark>fiets</mark>paden'] },
              sort: [2.5, storedHit.id],
            },
          ],
        },
      };
    });
    const result = await backendWith(mock).search(
      SearchQuery.parse({ q: 'fiets budget', filters: { theme: ['Mobiliteit'] } }),
    );

    const query = JSON.stringify(body?.query);
    expect(query).toContain('"simple_query_string"');
    expect(query).toContain('"default_operator":"and"');
    expect(JSON.stringify(body?.post_filter)).toContain('Mobiliteit');
    expect(result.total).toBe(1);
    expect(result.hits[0]).toMatchObject({
      id: storedHit.id,
      score: 2.5,
      minister: 'Een Minister',
      highlights: ['… de <mark>fiets</mark>paden …'],
    });
    expect(result.nextCursor).toBeNull();
  });

  it('reads a missing index as empty, not as an error', async () => {
    const mock = new Mock();
    mock.add({ method: ['GET', 'POST'], path: `/${ALIAS}/*` }, () => {
      return new errors.ResponseError({
        body: { error: { type: 'index_not_found_exception' }, status: 404 },
        statusCode: 404,
        headers: {},
        warnings: [],
        meta: {} as never,
      });
    });
    const backend = backendWith(mock);
    expect((await backend.search(SearchQuery.parse({ q: 'fiets' }))).total).toBe(0);
    expect(await backend.stats()).toEqual({ documents: 0, passages: 0 });
  });

  it('turns an unreachable or not-ready node into BackendUnavailableError with the reason', async () => {
    const refused = new Mock();
    refused.add({ method: 'POST', path: `/${ALIAS}/_search` }, () => {
      return new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200');
    });
    await expect(backendWith(refused).search(SearchQuery.parse({ q: 'x' }))).rejects.toThrow(
      BackendUnavailableError,
    );

    const partial = new Mock();
    partial.add({ method: 'POST', path: `/${ALIAS}/_search` }, () => ({
      took: 1,
      timed_out: false,
      _shards: {
        total: 2,
        successful: 1,
        skipped: 0,
        failed: 1,
        failures: [{ reason: { reason: 'shard lost' } }],
      },
      hits: { total: { value: 0, relation: 'eq' }, hits: [] },
    }));
    await expect(backendWith(partial).search(SearchQuery.parse({ q: 'x' }))).rejects.toThrow(
      /part of the index only: shard lost/,
    );
  });

  // Issue 13: Elasticsearch bounds a query's work as the embedded engine does, and a search past
  // the budget is refused, not answered with what the shards found in time.
  it('sends the time budget and the fuzzy expansion cap, and refuses an answer that timed out', async () => {
    const mock = new Mock();
    let body: Record<string, unknown> | undefined;
    mock.add({ method: 'POST', path: `/${ALIAS}/_search` }, (params) => {
      body = params.body as Record<string, unknown>;
      return {
        took: QUERY_TIME_BUDGET_MS + 1,
        timed_out: true,
        _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
        hits: { total: { value: 3, relation: 'eq' }, hits: [] },
      };
    });
    const search = backendWith(mock).search(SearchQuery.parse({ q: 'fiets~2 bud*' }));
    await expect(search).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(body?.timeout).toBe(`${QUERY_TIME_BUDGET_MS}ms`);
    expect(JSON.stringify(body?.query)).toContain(`"fuzzy_max_expansions":${FUZZY_MAX_EXPANSIONS}`);
  });
});
