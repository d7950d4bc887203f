// The real app (API + built search page) on a free local port, in front of a given backend.
import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../src/api/app.ts';
import type { SearchBackend } from '../../src/search/backend.ts';

export interface PageServer {
  /** Base URL ending in "/". */
  url: string;
  close(): Promise<void>;
}

export async function servePage(backend: SearchBackend): Promise<PageServer> {
  const app = createApp({ backend, logger: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A URL nothing listens on: a port the OS handed out and that was closed again. */
export async function closedPortUrl(): Promise<string> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}
