import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The largest request head the server reads: a 4,000-character question in the URL is up to 36 KB
 * percent-encoded (three UTF-8 bytes a character), which Node's default of 16 KB refuses.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

// Node's parser names what went wrong; these are the client's fault and get the server's JSON shape.
const CLIENT_ERRORS: Record<string, { status: number; reason: string; error: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    error: 'headers_too_large',
    message: `The request line and headers are over ${MAX_HEADER_BYTES.toLocaleString('en')} bytes: send a long question as POST /api/ask {"q": "QUESTION"}.`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', error: 'request_timeout', message: 'The request took too long to arrive.' },
};
const BAD_REQUEST = { status: 400, reason: 'Bad Request', error: 'bad_request', message: 'The request is not valid HTTP.' };

/**
 * The server's 'clientError' listener: Node's own answers a request it cannot parse with an empty
 * body; this one answers with the JSON error every other refusal has, then closes the connection.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A response already under way on this connection (or the peer gone) cannot be answered again;
  // Node's own handler looks at the same field. Earlier responses on a keep-alive connection are no obstacle.
  const inProgress = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || inProgress?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, reason, error: code, message } = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ error: code, message });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
