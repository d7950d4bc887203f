// The real API on a real socket (127.0.0.1, a free port), for the query benchmark and the load run.
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { pino } from 'pino';
import { createApp } from '../src/api/app.ts';
import type { SearchBackend } from '../src/search/backend.ts';

export interface RunningServer {
  url: string;
  /** The server's process, when it runs in one of its own. */
  pid?: number;
  close(): Promise<void>;
}

export async function serveApi(backend: SearchBackend): Promise<RunningServer> {
  // Request logging would measure the terminal, not the API.
  const app = createApp({ backend, logger: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
