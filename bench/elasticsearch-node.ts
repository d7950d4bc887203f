// An Elasticsearch node for a measuring run: ELASTICSEARCH_URL when given, otherwise a dedicated
// single node from the distribution library on its own ports, stopped again when the run ends.
import path from 'node:path';
import {
  answeredVersion,
  startCluster,
  stopCluster,
  type ClusterSpec,
} from '../tooling/elasticsearch/cluster.ts';
import { CACHE_DIR } from '../tooling/elasticsearch/distribution.ts';

export interface ElasticsearchNode {
  url: string;
  version: string;
  /** Stops the node if this run started it. */
  release(): Promise<void>;
}

export async function acquireElasticsearch(
  purpose: string,
  httpPort: number,
  heap = '1g',
  log: (message: string) => void = console.error,
): Promise<ElasticsearchNode> {
  const given = process.env.ELASTICSEARCH_URL;
  if (given) {
    const version = await answeredVersion(given);
    if (!version) throw new Error(`ELASTICSEARCH_URL=${given} does not answer`);
    return { url: given, version, release: async () => {} };
  }
  const spec: ClusterSpec = {
    dir: path.join(CACHE_DIR, 'clusters', purpose),
    name: `vraagbaak-${purpose}`,
    nodes: 1,
    httpPort,
    transportPort: httpPort + 100,
    heap,
  };
  const cluster = await startCluster(spec, log);
  log(`Elasticsearch ${cluster.version} for ${purpose} on ${cluster.url}`);
  return {
    url: cluster.url,
    version: cluster.version,
    release: async () => {
      if (!cluster.alreadyRunning) await stopCluster(spec);
    },
  };
}
