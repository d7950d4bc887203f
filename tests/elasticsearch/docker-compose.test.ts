// docker-compose.yml runs the same Elasticsearch the project pins and wires the app to it.
// Docker itself does not run here; this checks the file a developer would `docker compose up`.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ELASTICSEARCH_VERSION, REPO_ROOT } from '../../tooling/elasticsearch/distribution.ts';

const Compose = z.object({
  services: z.object({
    elasticsearch: z.object({
      image: z.string(),
      environment: z.record(z.string(), z.string()),
      healthcheck: z.object({ test: z.array(z.string()) }),
    }),
    app: z.object({
      image: z.string(),
      command: z.string(),
      environment: z.record(z.string(), z.string()),
      ports: z.array(z.string()),
      depends_on: z.object({ elasticsearch: z.object({ condition: z.string() }) }),
    }),
  }),
});

const compose = Compose.parse(parse(await readFile(`${REPO_ROOT}/docker-compose.yml`, 'utf8')));
const { elasticsearch, app } = compose.services;

describe('docker-compose.yml', () => {
  it('runs the official Elasticsearch image of the pinned version', () => {
    expect(elasticsearch.image).toBe(
      `docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}`,
    );
  });

  it('runs a single node without security, with a modest heap and a health check', () => {
    expect(elasticsearch.environment['discovery.type']).toBe('single-node');
    expect(elasticsearch.environment['xpack.security.enabled']).toBe('false');
    expect(elasticsearch.environment.ES_JAVA_OPTS).toMatch(/-Xmx512m/);
    expect(elasticsearch.healthcheck.test.join(' ')).toContain('_cluster/health');
  });

  it('starts the app on Node 20 against that node once it is healthy', () => {
    expect(app.image).toBe('node:20');
    expect(app.command).toContain('npm ci');
    expect(app.command).toContain('npm start');
    expect(app.environment.VRAAGBAAK_BACKEND).toBe('elasticsearch');
    expect(app.environment.ELASTICSEARCH_URL).toBe('http://elasticsearch:9200');
    expect(app.ports).toContain(`${app.environment.PORT}:3000`);
    expect(app.depends_on.elasticsearch.condition).toBe('service_healthy');
  });
});
