// Opens the search engine the configuration names. Each backend is loaded only when chosen, so the
// embedded default never loads the Elasticsearch client and vice versa.
import type { Config } from '../config.ts';
import type { SearchBackend } from './backend.ts';

export type BackendConfig = Pick<
  Config,
  'backend' | 'dataDir' | 'elasticsearchUrl' | 'elasticsearchAlias'
>;

/** Opens the backend. Elasticsearch being down is not an error here: calls report it. */
export async function createBackend(config: BackendConfig): Promise<SearchBackend> {
  if (config.backend === 'elasticsearch') {
    const [{ ElasticsearchBackend }, { createElasticsearchClient }] = await Promise.all([
      import('./elasticsearch/backend.ts'),
      import('./elasticsearch/client.ts'),
    ]);
    return new ElasticsearchBackend({
      client: createElasticsearchClient(config.elasticsearchUrl),
      alias: config.elasticsearchAlias,
    });
  }
  const { EmbeddedBackend } = await import('./embedded/embedded-backend.ts');
  return EmbeddedBackend.open({ dataDir: config.dataDir });
}
