// Picks the search engine from configuration. Each backend is loaded only when chosen, so the
// embedded default never loads the Elasticsearch client and vice versa.
import path from 'node:path';
import type { BackendName, SearchBackend } from './backend.ts';

export const backendNames: readonly BackendName[] = ['embedded', 'elasticsearch'];

export interface BackendSettings {
  /** Where the embedded backend keeps its store (VRAAGBAAK_DATA_DIR, default ./data). */
  dataDir?: string;
  /** The Elasticsearch node (ELASTICSEARCH_URL, default http://127.0.0.1:9200). */
  elasticsearchUrl?: string;
}

export function isBackendName(name: string): name is BackendName {
  return (backendNames as readonly string[]).includes(name);
}

/** The embedded backend's data directory for these settings. */
export function embeddedDataDir(settings: BackendSettings = {}): string {
  return path.resolve(settings.dataDir ?? process.env.VRAAGBAAK_DATA_DIR ?? 'data');
}

/** Opens the named backend. Elasticsearch being down is not an error here: calls report it. */
export const defaultBackendName = () => process.env.VRAAGBAAK_BACKEND ?? 'embedded';

export async function createBackend(
  name: string = defaultBackendName(),
  settings: BackendSettings = {},
): Promise<SearchBackend> {
  if (!isBackendName(name)) {
    throw new Error(`unknown backend "${name}": choose one of ${backendNames.join(', ')}`);
  }
  if (name === 'elasticsearch') {
    const [{ ElasticsearchBackend }, { createElasticsearchClient }] = await Promise.all([
      import('./elasticsearch/backend.ts'),
      import('../elasticsearch/client.ts'),
    ]);
    return new ElasticsearchBackend({
      client: createElasticsearchClient(settings.elasticsearchUrl),
    });
  }
  const { EmbeddedBackend } = await import('./embedded/embedded-backend.ts');
  return EmbeddedBackend.open({ dataDir: embeddedDataDir(settings) });
}
