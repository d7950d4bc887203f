// Loaded into the API server by bench/api-overhead.ts (`--import`): where the time of each GET
// /api/search goes, read off Node's and undici's diagnostics channels, so no code of the API is
// changed to measure it. Per request: when it arrived, when the request to the search engine was
// made, when the engine's answer had fully arrived, and when the response was written. The bench
// asks one request at a time, so one request is in flight. Written as JSON lines to the file named
// by VRAAGBAAK_REQUEST_TIMELINE when the server exits.
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { writeFileSync } from 'node:fs';

export interface RequestTimeline {
  arrived: number;
  /** The request to the engine (undici, which the Elasticsearch client uses) was made. */
  engineAsked?: number;
  /** The engine's answer, body and all, had arrived. */
  engineAnswered?: number;
  responded: number;
}

const out = process.env.VRAAGBAAK_REQUEST_TIMELINE;
const timelines: RequestTimeline[] = [];
let current: Partial<RequestTimeline> | null = null;

if (out) {
  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const { request } = message as { request: IncomingMessage };
    current = request.url?.startsWith('/api/search') ? { arrived: performance.now() } : null;
  });
  diagnosticsChannel.subscribe('undici:request:create', () => {
    if (current && current.engineAsked === undefined) current.engineAsked = performance.now();
  });
  diagnosticsChannel.subscribe('undici:request:trailers', () => {
    if (current && current.engineAnswered === undefined) current.engineAnswered = performance.now();
  });
  diagnosticsChannel.subscribe('http.server.response.finish', () => {
    if (!current) return;
    timelines.push({ ...current, responded: performance.now() } as RequestTimeline);
    current = null;
  });
  process.once('exit', () =>
    writeFileSync(out, timelines.map((timeline) => JSON.stringify(timeline)).join('\n')),
  );
}
