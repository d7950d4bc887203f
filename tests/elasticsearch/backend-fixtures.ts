// Data for the Elasticsearch backend tests: the seeds and the dekamer corpus through the real
// pipeline, plus hand-made documents for what the corpus lacks (hostile HTML, an organisation named
// only by its full name or only by its acronym, an undated document).
import type { DocumentRecord, Entity, Passage } from '../../src/model/document.ts';
import { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';

export { DEKAMER, parseAll, REPO_ROOT, SEEDS_DIR, stream } from '../support/corpus.ts';

/** A backend on its own alias, so test files never see each other's passages. */
export function testBackend(name: string, url: string): ElasticsearchBackend {
  return new ElasticsearchBackend({
    client: createElasticsearchClient(url),
    alias: `vraagbaak-passages-test-${name}-p${process.pid}`,
  });
}

export const VLAIO_CANONICAL = 'Agentschap Innoveren en Ondernemen (VLAIO)';

/** Organisation entities for every mention of the names, as the tagger would give them. */
function organisations(text: string, names: string[]): Entity[] {
  return names.flatMap((name) => {
    const start = text.indexOf(name);
    return start === -1
      ? []
      : [
          {
            type: 'organisation' as const,
            text: name,
            start,
            end: start + name.length,
            canonical: VLAIO_CANONICAL,
          },
        ];
  });
}

function passage(documentId: string, position: number, text: string): Passage {
  return {
    id: `${documentId}:context:${position}`,
    documentId,
    type: 'context',
    number: null,
    questionId: null,
    position,
    text,
    language: 'nld',
    entities: organisations(text, ['Agentschap Innoveren en Ondernemen', 'VLAIO']),
  };
}

function handMade(id: string, fields: Partial<DocumentRecord>, texts: string[]): DocumentRecord {
  return {
    id,
    source: 'tests/elasticsearch/backend-fixtures.ts',
    parliament: 'Vlaams Parlement',
    number: null,
    date: '2024-05-01',
    title: null,
    themes: ['Testthema'],
    asker: 'Test Vraagsteller',
    party: 'Testpartij',
    minister: 'Test Minister',
    ministerOffice: null,
    pdfUrl: null,
    ...fields,
    passages: texts.map((text, position) => passage(id, position, text)),
  };
}

export const hostile = handMade('test-hostile', { title: 'Zwembadrenovatie in Gent' }, [
  'Een bezoeker schreef <script>alert("xss")</script> & <b>vet</b> in het gastenboek van het zwembad.',
  'De stad antwoordt dat de renovatie van het dak in 2025 begint, zonder verdere details.',
]);

export const fullNameOnly = handMade('test-full-name', { title: 'Steun voor kmo-digitalisering' }, [
  'Het Agentschap Innoveren en Ondernemen betaalde de kmo-portefeuille uit aan 412 bedrijven.',
]);

export const acronymOnly = handMade('test-acronym', { title: 'Oproep innovatieprojecten' }, [
  'Volgens VLAIO werden er in 2023 zevenentwintig innovatieprojecten ingediend.',
]);

export const undated = handMade('test-undated', { date: null, title: 'Ongedateerde vraag' }, [
  'Deze vraag over de fiets heeft geen datum.',
]);

export const handMadeDocuments = [hostile, fullNameOnly, acronymOnly, undated];
