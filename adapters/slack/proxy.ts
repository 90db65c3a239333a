import type { webApi } from '@slack/bolt';
import { fetch as undiciFetch, ProxyAgent, type RequestInit as UndiciRequestInit } from 'undici';

/** How the adapter reaches Slack: directly, or through the corporate proxy. */
export interface SlackTransport {
  /** For the Web API and response_url posts; undefined means the global fetch. */
  fetch?: webApi.FetchFunction;
  /** For the Socket Mode WebSocket. */
  dispatcher?: ProxyAgent;
  close(): Promise<void>;
}

/**
 * With HTTPS_PROXY set, every connection to Slack goes through it: Web API calls, response_url
 * posts and the Socket Mode WebSocket (tunnelled with CONNECT).
 */
export function slackTransport(proxyUrl: string | undefined): SlackTransport {
  if (!proxyUrl) return { close: async () => undefined };
  const dispatcher = new ProxyAgent(proxyUrl);
  // The cast only reconciles the DOM's and undici's FormData types; the Web API sends none here.
  const fetch: webApi.FetchFunction = (url, init) => undiciFetch(url, { ...init, dispatcher } as UndiciRequestInit);
  return { fetch, dispatcher, close: () => dispatcher.close() };
}
