import { messageActivity } from '../test/adapters/teams/support';
import { signedCommand } from '../test/load/signed-command';

/** A request as autocannon sends it. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One thing measured: which server answers it, and the n-th request of a run. */
export interface Endpoint {
  label: string;
  target: 'bare' | 'app';
  request: (index: number) => BenchRequest;
}

// Copied into each request: autocannon writes a Content-Length into the headers object it is given.
const json = { 'content-type': 'application/json' };

/**
 * The bare baseline, our stack without the engine (/healthz), then each endpoint over the question
 * mix. Each Slack command comes from a user of its own and each Teams message from a conversation
 * of its own: this measures answering, not the per-user and per-conversation flood limits.
 */
export function endpoints(questions: string[], connectorUrl: string): Endpoint[] {
  const question = (index: number) => questions[index % questions.length];
  return [
    { label: 'bare node:http baseline', target: 'bare', request: () => ({ method: 'GET', path: '/' }) },
    { label: 'GET /healthz', target: 'app', request: () => ({ method: 'GET', path: '/healthz' }) },
    { label: 'GET /api/ask (question mix)', target: 'app', request: (index) => ({ method: 'GET', path: `/api/ask?q=${encodeURIComponent(question(index))}` }) },
    {
      label: 'Slack /dlo-ports, signed (question mix)',
      target: 'app',
      // The answer is the acknowledgement: the response_url is never called.
      request: (index) => ({ method: 'POST', path: '/slack/events', ...signedCommand(question(index), `U0BENCH${index}`, 'http://127.0.0.1:9/response/bench') }),
    },
    {
      label: 'Teams activity, local mode (question mix)',
      target: 'app',
      request: (index) => ({ method: 'POST', path: '/api/messages', headers: { ...json }, body: JSON.stringify(messageActivity(connectorUrl, { text: question(index) })) }),
    },
  ];
}
