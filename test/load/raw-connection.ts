import { connect, type Socket } from 'node:net';

/** A TCP connection to the server, written to by hand: for clients no HTTP library would be. */
export interface RawConnection {
  socket: Socket;
  /** Everything the server has sent so far. */
  received(): string;
  /** Whether the server has closed the connection (or it broke). */
  closed(): boolean;
  /** Resolves with everything the server sent, once the connection is closed. */
  whenClosed: Promise<string>;
  /** Bytes written so far. */
  sent(): number;
  /** Writes, and resolves once the bytes are handed to the kernel; false if the connection is gone. */
  write(data: string): Promise<boolean>;
}

export function rawConnection(baseUrl: string): Promise<RawConnection> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    // Each write goes out at once: Nagle's algorithm would hold small ones for an acknowledgement.
    socket.setNoDelay(true);
    let received = '';
    let sent = 0;
    let closed = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    // The server cutting us off mid-write (EPIPE, ECONNRESET) is what some tests expect.
    socket.on('error', () => undefined);
    const whenClosed = new Promise<string>((done) => {
      socket.once('close', () => {
        closed = true;
        done(received);
      });
    });
    const write = (data: string) =>
      new Promise<boolean>((done) => {
        if (closed || socket.destroyed) return done(false);
        socket.write(data, (error) => {
          if (!error) sent += Buffer.byteLength(data);
          done(!error);
        });
      });
    socket.once('connect', () => resolve({ socket, received: () => received, closed: () => closed, whenClosed, sent: () => sent, write }));
    socket.once('error', reject);
  });
}

/**
 * Writes `chunk` again and again until the server has answered something or closed, or `maxBytes`
 * are sent; resolves with the bytes sent by then.
 */
export async function writeUntilAnswered(connection: RawConnection, chunk: string, maxBytes: number): Promise<number> {
  while (connection.received() === '' && !connection.closed() && connection.sent() < maxBytes) {
    if (!(await connection.write(chunk))) break;
    // A turn of the event loop, so that the server's answer can arrive between two writes.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return connection.sent();
}
