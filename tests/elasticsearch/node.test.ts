// A real Elasticsearch node: the pinned version answers, and the analysis filters the project's
// index settings use (stemmer dutch, stemmer_override, synonym_graph) behave as on a stock node.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { estypes } from '@elastic/elasticsearch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import { ELASTICSEARCH_VERSION } from '../../tooling/elasticsearch/distribution.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import { sharedPath } from '../../tooling/shared-data.ts';

const VLAIO = 'vlaio, agentschap innoveren en ondernemen';
const SNOWBALL_DIR = sharedPath('reference', 'snowball-dutch');
const DUTCH_STEMMER: estypes.AnalysisTokenFilter = { type: 'stemmer', language: 'dutch' };
const VLAIO_SYNONYMS: estypes.AnalysisTokenFilter = { type: 'synonym_graph', synonyms: [VLAIO] };

async function readLines(file: string): Promise<string[]> {
  return (await readFile(path.join(SNOWBALL_DIR, file), 'utf8')).split('\n');
}

describeElasticsearch('Elasticsearch node', () => {
  let client: Client;
  const index = `node-test-${process.pid}`;

  async function tokens(request: estypes.IndicesAnalyzeRequest): Promise<string[]> {
    const response = await client.indices.analyze(request);
    return (response.tokens ?? []).map((token) => token.token);
  }

  beforeAll(() => {
    client = createElasticsearchClient(elasticsearchUrl());
  });

  afterAll(async () => {
    await client?.indices.delete({ index, ignore_unavailable: true });
    await client?.close();
  });

  it('answers with the pinned version and is healthy', async () => {
    const info = await client.nodes.info({ node_id: '_local', metric: '_none' });
    const versions = Object.values(info.nodes).map((node) => node.version);
    console.log(`Elasticsearch at ${elasticsearchUrl()} answered version ${versions.join(', ')}`);
    expect(versions).toEqual([ELASTICSEARCH_VERSION]);
    const health = await client.cluster.health();
    expect(['green', 'yellow']).toContain(health.status);
  });

  it('stems Dutch exactly like the Snowball reference (every 20th word of its vocabulary)', async () => {
    const [words, stems] = await Promise.all([
      readLines('voc.txt'),
      readLines('dutch_porter.output.txt'),
    ]);
    // Lowercase, single-token words only, so one input word gives exactly one output token.
    const sample = words
      .map((word, line) => ({ word, stem: stems[line] }))
      .filter((_, line) => line % 20 === 0)
      .filter(({ word }) => /^[a-z]+$/.test(word));
    expect(sample.length).toBeGreaterThan(2000);
    const analyzed = await tokens({
      tokenizer: 'standard',
      filter: [DUTCH_STEMMER],
      text: sample.map(({ word }) => word).join(' '),
    });
    expect(analyzed).toEqual(sample.map(({ stem }) => stem));
    // Capitalised words of a question, through lowercase first, as an index analyzer would.
    const prose = ['Begeleiding', 'van', 'Ondernemingen', 'Schriftelijke', 'Subsidies'];
    const stemOf = (word: string) => stems[words.indexOf(word.toLowerCase())];
    expect(
      await tokens({
        tokenizer: 'standard',
        filter: ['lowercase', DUTCH_STEMMER],
        text: prose.join(' '),
      }),
    ).toEqual(prose.map(stemOf));
  });

  it('rejects a stemmer language it does not provide, saying which', async () => {
    await expect(
      tokens({
        tokenizer: 'standard',
        filter: [{ type: 'stemmer', language: 'english' }],
        text: 'x',
      }),
    ).rejects.toThrow(/english/);
  });

  it('stemmer_override keeps its words away from the stemmer and maps several words to one stem', async () => {
    const filter: estypes.AnalysisTokenFilter[] = [
      'lowercase',
      { type: 'stemmer_override', rules: ['fietsen => fietsen', 'kinderen, kindje => kind'] },
      DUTCH_STEMMER,
    ];
    expect(
      await tokens({
        tokenizer: 'standard',
        filter: ['lowercase', DUTCH_STEMMER],
        text: 'fietsen',
      }),
    ).not.toEqual(['fietsen']);
    expect(
      await tokens({ tokenizer: 'standard', filter, text: 'Fietsen kinderen kindje' }),
    ).toEqual(['fietsen', 'kind', 'kind']);
  });

  it('synonym_graph expands an acronym into the full name and back', async () => {
    const filter = ['lowercase', VLAIO_SYNONYMS];
    const fromAcronym = await tokens({ tokenizer: 'standard', filter, text: 'VLAIO' });
    expect(fromAcronym).toEqual(
      expect.arrayContaining(['vlaio', 'agentschap', 'innoveren', 'en', 'ondernemen']),
    );
    const fromName = await tokens({
      tokenizer: 'standard',
      filter,
      text: 'Agentschap Innoveren en Ondernemen',
    });
    expect(fromName).toContain('vlaio');
  });

  it('finds a document by the acronym when it only names the organisation in full (search-time synonyms)', async () => {
    await client.indices.create({
      index,
      settings: {
        number_of_replicas: 0,
        analysis: {
          filter: {
            organisations: VLAIO_SYNONYMS,
            dutch_stemmer: DUTCH_STEMMER,
          },
          analyzer: {
            dutch_text: {
              type: 'custom',
              tokenizer: 'standard',
              filter: ['lowercase', 'dutch_stemmer'],
            },
            dutch_search: {
              type: 'custom',
              tokenizer: 'standard',
              // The rules are analysed by the chain before the filter (lowercase), as on a stock node.
              filter: ['lowercase', 'organisations', 'dutch_stemmer'],
            },
          },
        },
      },
      mappings: {
        properties: {
          text: { type: 'text', analyzer: 'dutch_text', search_analyzer: 'dutch_search' },
        },
      },
    });
    await client.index({
      index,
      id: 'full-name',
      document: { text: 'Het Agentschap Innoveren en Ondernemen betaalt de subsidies uit.' },
      refresh: true,
    });
    await client.index({
      index,
      id: 'other',
      document: { text: 'Een andere vraag.' },
      refresh: true,
    });
    const search = await client.search({ index, query: { match: { text: 'VLAIO' } } });
    expect(search.hits.hits.map((hit) => hit._id)).toEqual(['full-name']);
  });
});
