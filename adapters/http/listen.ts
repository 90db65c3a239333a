import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError, MAX_HEADER_BYTES } from './client-errors';

export interface Listening {
  server: Server;
  /** Where this process can reach the server: wildcard hosts show as localhost. */
  url: string;
  /** Stops accepting, lets requests in flight finish, and cuts whatever is left after drainMs. */
  close(): Promise<void>;
}

/** How long a client may take to send its headers, and its whole request, before it is cut off. */
export interface HttpTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = Object.freeze({ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000 });

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** The base URL for a bound address, with IPv6 literals in brackets. */
export function urlOf(address: AddressInfo): string {
  const host = WILDCARD_HOSTS.has(address.address) ? 'localhost' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/** Listens on host:port (port 0 picks a free one) and resolves once bound. */
export function listen(handler: RequestListener, host: string, port: number, drainMs: number, timeouts: HttpTimeouts = DEFAULT_TIMEOUTS): Promise<Listening> {
  // A client that trickles its headers or body is cut off instead of holding a connection open.
  // Node checks those timeouts only every connectionsCheckingInterval (30 s by default), so a
  // client lives up to one interval past them: the limits Node is given are one interval shorter,
  // so that nobody is cut later than the documented time.
  const interval = Math.min(500, timeouts.headersTimeoutMs / 4);
  const server = createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs - interval,
      requestTimeout: timeouts.requestTimeoutMs - interval,
      connectionsCheckingInterval: interval,
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    handler,
  );
  server.on('clientError', answerClientError);
  let closing = false;
  // A keep-alive connection turns idle when its last response is sent: once closing, close it then, not at its timeout.
  server.on('request', (_req, res) => {
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  const close = () => {
    closing = true;
    return drain(server, drainMs);
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ server, url: urlOf(server.address() as AddressInfo), close });
    });
  });
}

function drain(server: Server, drainMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const cut = setTimeout(() => server.closeAllConnections(), drainMs);
    cut.unref();
    server.close((error) => {
      clearTimeout(cut);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
