// The conformance suite against the Elasticsearch backend on a real node, on its own alias.
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import { conformanceSuite } from './conformance-suite.ts';

describeElasticsearch('Elasticsearch backend', () => {
  conformanceSuite(
    'elasticsearch',
    async () =>
      new ElasticsearchBackend({
        client: createElasticsearchClient(elasticsearchUrl()),
        alias: `vraagbaak-passages-test-conformance-p${process.pid}`,
      }),
  );
});
