import { Agent, request } from 'node:http';
import { text } from 'node:stream/consumers';
import { LOAD } from './support';

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadClient {
  send(request: LoadRequest): Promise<{ status: number; body: string }>;
  close(): void;
}

/**
 * A keep-alive node:http client with one socket per request in flight. Not fetch: under jest,
 * fetch spends more time than the server does, and its queueing puts seconds into the slowest
 * requests, which would measure the client instead of the server.
 */
export function loadClient(baseUrl: string, concurrency: number = LOAD.concurrency): LoadClient {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  return {
    send: ({ method = 'GET', path, headers = {}, body }) =>
      new Promise((resolve, reject) => {
        const outgoing = request(`${baseUrl}${path}`, { method, headers, agent }, (response) => {
          text(response).then((received) => resolve({ status: response.statusCode ?? 0, body: received }), reject);
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      }),
    close: () => agent.destroy(),
  };
}
