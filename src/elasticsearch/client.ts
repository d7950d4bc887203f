// The Elasticsearch client the backends use, with timeouts suited to a local node.
import { Client } from '@elastic/elasticsearch';

export const DEFAULT_ELASTICSEARCH_URL = 'http://127.0.0.1:9200';

export function createElasticsearchClient(
  url = process.env.ELASTICSEARCH_URL ?? DEFAULT_ELASTICSEARCH_URL,
): Client {
  return new Client({
    node: url,
    // Bulk requests of a few thousand passages take seconds on a 512 MB node; 30 s leaves room.
    requestTimeout: 30_000,
    // Retries cover a node that is briefly busy; an unreachable node fails fast enough for a 503.
    maxRetries: 2,
  });
}
