import { createHmac } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { WebSocketServer, type WebSocket } from 'ws';
import { listen } from '../../../adapters/http/listen';
import { createMemoryLogger } from '../../../adapters/logger';
import { startServer } from '../../../adapters/server';
import { slackSurface, type SlackOptions } from '../../../adapters/slack';
import type { Surface, SurfaceOff } from '../../../adapters/surface';
import type { Engine } from '../../../src';
import { engine as realEngine } from '../../helpers/engine';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-test-app-token';
export const BOT_USER = 'UBOT';
export const BOT_ID = 'BBOT';
export const USER = 'U0ADMIN';
export const TEAM = 'T0TEAM';

/** One Web API call the bot made: the method and its arguments, nested JSON decoded, and the HTTP status it got. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  authorization: string | undefined;
  status: number;
  /** Date.now() when it arrived. */
  at: number;
}

/** One message the bot sent to a response_url (only those answered 200). */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

/** One file the bot uploaded: the bytes sent to the upload URL, and the upload completed (or refused) for it. */
export interface Upload {
  fileId: string;
  bytes: Buffer;
}

/** An HTTP fault the fake answers with instead of the real thing. */
export type Fault = { status: 500 } | { status: 429; retryAfter: number };

/** What a fault can hit: a Web API method, or every response_url. */
export type FaultTarget = 'chat.postMessage' | 'auth.test' | 'response';

export interface FakeSlack {
  /** For SLACK_API_URL. */
  apiUrl: string;
  calls: ApiCall[];
  responses: ResponsePost[];
  /** A response_url on this server, as Slack puts in commands and button clicks. */
  responseUrl(id: string): string;
  /** The chat.postMessage calls so far. */
  posts(): Record<string, unknown>[];
  /** Files sent to the upload URLs that files.getUploadURLExternal handed out. */
  uploads: Upload[];
  /** Makes files.completeUploadExternal answer with this Slack error (not_in_channel, ...). */
  failUploadsWith(error: string | undefined): void;
  /** Makes the next chat.postMessage calls answer with this Slack error. */
  failPostsWith(error: string | undefined): void;
  /** The next calls to `target` get these faults, one each, in order. */
  injectFaults(target: FaultTarget, ...faults: Fault[]): void;
  /** Every call to `target` gets this fault, until it is undefined again. */
  failAlways(target: FaultTarget, fault: Fault | undefined): void;
  /** Calls (Web API methods, and 'response' for response_url posts) answered with an injected fault. */
  faulted: { target: string; status: number; at: number }[];
  close(): Promise<void>;
}

/**
 * A loopback Slack Web API: records every call and answers like Slack. apps.connections.open
 * returns socketUrl, or the Slack error connectionError.
 */
export async function startFakeSlack(options: { socketUrl?: string; connectionError?: string } = {}): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const faulted: FakeSlack['faulted'] = [];
  const queued = new Map<string, Fault[]>();
  const always = new Map<string, Fault>();
  let postError: string | undefined;
  let uploadError: string | undefined;
  const uploads: Upload[] = [];
  let baseUrl = '';
  /** Answers with the fault due for `target`, if there is one; true when it did. */
  const answerFault = (target: string, res: ServerResponse): boolean => {
    const fault = queued.get(target)?.shift() ?? always.get(target);
    if (!fault) return false;
    faulted.push({ target, status: fault.status, at: Date.now() });
    if (fault.status === 429) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfter) }).end('{"ok":false,"error":"ratelimited"}');
    } else res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    return true;
  };
  let ts = 1_700_000_100;
  const reply = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    if (method === 'auth.test') return { ok: true, user_id: BOT_USER, bot_id: BOT_ID, team_id: TEAM, user: 'dlo-ports' };
    if (method === 'apps.connections.open') return options.connectionError ? { ok: false, error: options.connectionError } : { ok: true, url: options.socketUrl };
    if (method === 'chat.postMessage') return postError ? { ok: false, error: postError } : { ok: true, channel: args.channel, ts: `${(ts += 1)}.000200` };
    if (method === 'files.getUploadURLExternal') {
      const fileId = `F${(ts += 1)}`;
      return { ok: true, file_id: fileId, upload_url: `${baseUrl}/upload/${fileId}` };
    }
    if (method === 'files.completeUploadExternal') return uploadError ? { ok: false, error: uploadError } : { ok: true, files: args.files };
    return { ok: true };
  };
  const listening = await listen(
    async (req, res) => {
      const raw = await buffer(req);
      const body = raw.toString('utf8');
      const url = req.url ?? '';
      if (url.startsWith('/upload/')) {
        uploads.push({ fileId: url.slice('/upload/'.length), bytes: await uploadedFile(raw, req.headers['content-type']) });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
        return;
      }
      if (url.startsWith('/response/')) {
        if (answerFault('response', res)) return;
        responses.push({ id: url.slice('/response/'.length), body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      const method = url.replace(/^\/api\//, '').split('?')[0];
      const args = decodeArgs(body, req.headers['content-type']);
      const call = { method, args, authorization: req.headers.authorization, status: 200, at: Date.now() };
      calls.push(call);
      if (answerFault(method, res)) {
        call.status = res.statusCode;
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply(method, args)));
    },
    '127.0.0.1',
    0,
    50,
  );
  baseUrl = listening.url;
  return {
    apiUrl: `${listening.url}/api/`,
    calls,
    uploads,
    failUploadsWith: (error) => {
      uploadError = error;
    },
    responses,
    responseUrl: (id) => `${listening.url}/response/${id}`,
    posts: () => calls.filter((call) => call.method === 'chat.postMessage' && call.status === 200).map((call) => call.args),
    failPostsWith: (error) => {
      postError = error;
    },
    injectFaults: (target, ...faults) => {
      queued.set(target, [...(queued.get(target) ?? []), ...faults]);
    },
    failAlways: (target, fault) => {
      if (fault) always.set(target, fault);
      else always.delete(target);
    },
    faulted,
    close: listening.close,
  };
}

/** The file in an upload: @slack/web-api posts it as multipart form data, in its one field. */
async function uploadedFile(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  let file: Buffer | undefined;
  form.forEach((value) => {
    file ??= typeof value === 'string' ? Buffer.from(value) : undefined;
  });
  const blob = form.get('body');
  return blob && typeof blob !== 'string' ? Buffer.from(await blob.arrayBuffer()) : (file ?? raw);
}

// The Web API client sends form fields, with arrays and objects (blocks) as JSON strings.
function decodeArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  return args;
}

/** A forward proxy that tunnels CONNECT requests and remembers where they went. */
export async function startConnectProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Slack's request signature: HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export function signatureHeaders(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

/** A request as Slack sends it to /slack/events: JSON for events, a form for commands and buttons. */
export interface SlackRequest {
  body: string;
  contentType: string;
}

let sequence = 0;
/** A fresh Slack timestamp ("1700000000.000123"), unique within a test run. */
export const nextTs = () => `1700000000.${String((sequence += 1)).padStart(6, '0')}`;

/** An Events API delivery of one event, in workspace `team`. */
export function eventRequest(event: Record<string, unknown>, eventId = `Ev${nextTs().replace('.', '')}`, team = TEAM): SlackRequest & { eventId: string } {
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A0APP',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: team, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
  });
  return { body, contentType: 'application/json', eventId };
}

/** `@bot text` in channel C0CHAN. */
export function mention(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user: USER, text: `<@${BOT_USER}> ${text}`, ts: nextTs(), channel: 'C0CHAN', ...fields };
}

/** A direct message to the bot in D0DM. */
export function directMessage(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', user: USER, text, ts: nextTs(), channel: 'D0DM', ...fields };
}

/** `/dlo-ports text`, typed in channel C0CHAN; `fields` replace the defaults (team_id, user_id…). */
export function commandRequest(text: string, responseUrl: string, fields: Record<string, string> = {}): SlackRequest {
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: 'C0CHAN',
    channel_name: 'firewall-changes',
    user_id: USER,
    user_name: 'pat',
    command: '/dlo-ports',
    text,
    api_app_id: 'A0APP',
    response_url: responseUrl,
    // Unique, as Slack's are: the same trigger_id again is one request replayed.
    trigger_id: `1.${nextTs()}`,
    ...fields,
  });
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** A button click, on a private (ephemeral) message or on a message posted in channel C0CHAN (or `channel`). */
export function buttonRequest(
  button: { action_id: string; value: string },
  where: { responseUrl: string; ephemeral: boolean; threadTs?: string; team?: string; user?: string; channel?: string },
): SlackRequest {
  const messageTs = nextTs();
  const team = where.team ?? TEAM;
  const channel = where.channel ?? 'C0CHAN';
  const payload = {
    type: 'block_actions',
    user: { id: where.user ?? USER, username: 'pat', name: 'pat', team_id: team },
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: where.ephemeral },
    trigger_id: `2.${nextTs()}`,
    team: { id: team, domain: 'acme' },
    channel: { id: channel, name: channel === 'C0CHAN' ? 'firewall-changes' : 'directmessage' },
    ...(where.ephemeral ? {} : { message: { type: 'message', user: BOT_USER, ts: messageTs, thread_ts: where.threadTs, text: 'answer' } }),
    response_url: where.responseUrl,
    actions: [{ ...button, type: 'button', block_id: 'b1', text: { type: 'plain_text', text: 'button' }, action_ts: messageTs }],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** POSTs to /slack/events, signed unless told otherwise. */
export function postToSlackEvents(
  baseUrl: string,
  request: SlackRequest,
  headers: Record<string, string> = signatureHeaders(request.body),
): Promise<Response> {
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': request.contentType, ...headers }, body: request.body });
}

/** Polls until `probe` returns something, or fails after `ms`. */
export async function eventually<T>(probe: () => T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Block Kit blocks of a message, as posted. */
export type Blocks = { type: string; [key: string]: unknown }[];

/** The data rows of a message's table block, as cell texts. */
export function tableRows(blocks: Blocks): string[][] {
  const table = blocks.find((block) => block.type === 'table') as { rows: { type: string; text?: string }[][] } | undefined;
  return (table?.rows ?? []).slice(1).map((row) => row.map((cell) => cell.text ?? ''));
}

/** Every button of a message, as action id and value. */
export function buttons(blocks: Blocks): { action_id: string; value: string; text: { text: string } }[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as { action_id: string; value: string; text: { text: string } }[]) : []));
}

/** A Slack surface that is on, or a failed test. */
export function surfaceOn(surface: Surface | SurfaceOff): Surface {
  if (!('mount' in surface)) throw new Error(`Slack is off: ${surface.enableWith}`);
  return surface;
}

/** The settings of a bot under test: its environment on top of HTTP mode, its engine, its options. */
export interface BotSetup {
  env?: NodeJS.ProcessEnv;
  engine?: Engine;
  options?: SlackOptions;
}

/** The shared server with Slack in HTTP mode against a fake Slack, logging into memory. */
export async function startHttpBot(slack: FakeSlack, setup: BotSetup = {}) {
  const log = createMemoryLogger({ questions: setup.env?.LOG_QUESTIONS === 'true' });
  const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, ...setup.env };
  const deps = { engine: setup.engine ?? realEngine, log, listen: { host: '127.0.0.1', port: 0 } };
  const surface = surfaceOn(slackSurface(env, deps, setup.options));
  const server = await startServer({ engine: realEngine, log, knowledgeVersion: 'test', surfaces: [surface], host: '127.0.0.1', port: 0, drainMs: 100 });
  return { server, log, surface };
}

/** Slack's side of a Socket Mode connection: says hello, then sends what the test tells it to. */
export async function startSocketServer() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const received: Record<string, unknown>[] = [];
  let client: WebSocket | undefined;
  wss.on('connection', (socket) => {
    client = socket;
    socket.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'test' } }));
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`,
    received,
    send: (envelope: Record<string, unknown>) => {
      if (!client) throw new Error('the bot has not connected');
      client.send(JSON.stringify(envelope));
    },
    connected: () => client !== undefined,
    /** Whether the bot has closed the connection it made. */
    closedByBot: () => client !== undefined && client.readyState === client.CLOSED,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of wss.clients) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** An events_api envelope, as Slack sends it over the socket. */
export function eventsApiEnvelope(envelopeId: string, body: string, retryAttempt = 0) {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    payload: JSON.parse(body) as Record<string, unknown>,
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt > 0 ? 'timeout' : '',
  };
}

/** The texts of the preformatted blocks of messages, joined in order: an export put back together. */
export function preformattedText(messages: { blocks?: unknown }[]): string {
  return messages
    .flatMap((message) => (message.blocks ?? []) as Blocks)
    .filter((block) => block.type === 'rich_text')
    .flatMap((block) => block.elements as { type: string; elements: { text: string }[] }[])
    .filter((element) => element.type === 'rich_text_preformatted')
    .map((element) => element.elements.map((part) => part.text).join(''))
    .join('');
}
