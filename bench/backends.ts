// Opens a backend for a measuring run. Elasticsearch gets its own alias (vraagbaak-passages-<run>),
// so a run against a developer's ELASTICSEARCH_URL never touches the developer's index.
import { readConfig } from '../src/config.ts';
import type { BackendName, SearchBackend } from '../src/search/backend.ts';
import { createBackend } from '../src/search/create-backend.ts';

export interface BackendPlace {
  /** Store of the embedded backend (a temp dir). */
  dataDir: string;
  /** Defaults to ELASTICSEARCH_URL, then the local default node. */
  elasticsearchUrl?: string;
  /** Alias suffix of the Elasticsearch indices, e.g. "bench". */
  run: string;
}

export const elasticsearchAlias = (run: string) => `vraagbaak-passages-${run}`;

export async function openBackend(name: BackendName, place: BackendPlace): Promise<SearchBackend> {
  return createBackend(
    readConfig({
      backend: name,
      dataDir: place.dataDir,
      elasticsearchUrl: place.elasticsearchUrl,
      elasticsearchAlias: elasticsearchAlias(place.run),
    }),
  );
}
