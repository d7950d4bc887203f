// The least a process between a client and Elasticsearch can cost: an HTTP server that forwards
// each request to the node as it came and answers with the node's status, headers and bytes,
// parsing no JSON. bench/api-overhead.ts times it beside the API and the client direct, so what the
// API adds splits into the hop (this proxy's share, paid by any service in front of the node) and
// the API's own work. Started as a process of its own by passThroughProxyProcess below.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import type { RunningServer } from './http-server.ts';
import { serverProcess } from './server-process.ts';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): not forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host']);

const endToEnd = (headers: http.IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));

function main() {
  const node = new Pool(process.env.TARGET_URL!);
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = await node.request({
        method: req.method!,
        path: req.url!,
        headers: endToEnd(req.headers),
        body: chunks.length > 0 ? Buffer.concat(chunks) : null,
      });
      const body = Buffer.from(await answer.body.arrayBuffer());
      res
        .writeHead(answer.statusCode, {
          ...endToEnd(answer.headers),
          'content-length': body.length,
        })
        .end(body);
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${port}` }));
  });
}

/** A running pass-through proxy in front of the node at `targetUrl`. */
export function passThroughProxyProcess(targetUrl: string): Promise<RunningServer> {
  return serverProcess(['--import', 'tsx', import.meta.filename], { TARGET_URL: targetUrl });
}

if (process.argv[1] === import.meta.filename) main();
