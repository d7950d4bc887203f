// The Elasticsearch client the backends use, with timeouts suited to a local node.
import { Client } from '@elastic/elasticsearch';

/** `url` may list several nodes of one cluster, comma-separated. */
export function createElasticsearchClient(url: string): Client {
  const nodes = url
    .split(',')
    .map((node) => node.trim())
    .filter((node) => node !== '');
  return new Client({
    nodes,
    // Bulk requests of a few thousand passages take seconds on a 512 MB node; 30 s leaves room.
    requestTimeout: 30_000,
    // A failed request is retried on each other node; with one node, retrying a refused connection
    // only delays the 503 by the transport's backoff (seconds). Bulk indexing sets its own retries
    // to ride out a restart.
    maxRetries: nodes.length - 1,
  });
}
