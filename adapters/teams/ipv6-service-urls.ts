import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ConnectorFactory } from 'botframework-connector';

/** The part of @azure/core-rest-pipeline's request and pipeline this fix touches. */
interface PipelineRequest {
  url: string;
  requestOverrides?: Record<string, unknown>;
}
interface Pipeline {
  addPolicy(policy: { name: string; sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>): Promise<unknown> }): void;
}

const POLICY_NAME = 'dlo-ipv6-literal-host';

/**
 * botbuilder's HTTP client (@typespec/ts-http-runtime) connects to a URL's hostname as written,
 * and for `http://[::1]:3978/` that is "[::1]" with its brackets, which no resolver knows
 * (getaddrinfo ENOTFOUND): a reply to an IPv6 serviceUrl failed the turn with a 500. Every connector
 * client made for a turn (the factory comes with the authenticated request) gets a policy that
 * connects to the address without its brackets.
 */
export function connectToIpv6Literals(auth: ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: unbracketingFactory(result.connectorFactory) } : result;
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => unbracketingFactory(createConnectorFactory(identity));
  return auth;
}

function unbracketingFactory(factory: ConnectorFactory): ConnectorFactory {
  return {
    create: async (serviceUrl: string, audience?: string) => {
      const client = await factory.create(serviceUrl, audience);
      // ServiceClientContext keeps its core-client ServiceClient in a private field.
      const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
      pipeline?.addPolicy({ name: POLICY_NAME, sendRequest: (request, next) => next(unbracketed(request)) });
      return client;
    },
  };
}

function unbracketed(request: PipelineRequest): PipelineRequest {
  const { hostname } = new URL(request.url);
  if (!hostname.startsWith('[')) return request;
  request.requestOverrides = { ...request.requestOverrides, hostname: hostname.slice(1, -1) };
  return request;
}
