// botbuilder's own dependency (pinned to its version), as in cloud-adapter.ts.
import { ConnectorFactory, JwtTokenValidation, type ConnectorClient } from 'botframework-connector';
import type { AuthenticateRequestResult } from './authenticate';

// Service URLs are a handful per region; a flood of odd ones only clears the cache.
const MAX_CLIENTS = 256;

/**
 * botbuilder makes a new ConnectorClient (credentials, a request pipeline, its policies) for every
 * turn: under load that was most of a Teams reply's cost, and the p99. One client per bot app,
 * service URL and audience is kept instead; its credentials cache and renew their own token.
 */
export function keptConnectors(): (auth: AuthenticateRequestResult) => AuthenticateRequestResult {
  const clients = new Map<string, Promise<ConnectorClient>>();
  return (auth) => {
    const inner = auth.connectorFactory;
    if (!inner) return auth;
    const appId = JwtTokenValidation.getAppIdFromClaims(auth.claimsIdentity.claims) ?? '';
    const factory = new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = JSON.stringify([appId, serviceUrl, audience ?? auth.audience ?? '']);
        let client = clients.get(key);
        if (!client) {
          if (clients.size >= MAX_CLIENTS) clients.clear();
          client = inner.create(serviceUrl, audience);
          // A client that could not be made (credentials unavailable) is asked for again next time.
          client.catch(() => clients.delete(key));
          clients.set(key, client);
        }
        return client;
      }
    })();
    return { ...auth, connectorFactory: factory };
  };
}
