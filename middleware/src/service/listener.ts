// Claims the service's port before anything else starts, so a port already in use stops `npm start`
// at once with the port named, before the data folder is reset or seeded. Requests that arrive
// while the desk is still starting get 503.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpProblem, PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from './problem.js';

export class PortUnavailableError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    readonly code: string,
  ) {
    super(
      code === 'EADDRINUSE'
        ? `Port ${port} on ${host} is already in use (another co-sell service or program listens there): stop it, or set PORT to a free port.`
        : code === 'EACCES'
          ? `Port ${port} on ${host} needs privileges this process lacks: set PORT to a port above 1023.`
          : `Cannot listen on ${host}:${port} (${code}): set HOST to an address of this machine and PORT to a free port.`,
    );
    this.name = 'PortUnavailableError';
  }
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ClaimedPort {
  server: Server;
  /** The port actually bound (the chosen one when PORT is 0). */
  port: number;
  /** Starts answering requests with `handler`. */
  serve(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * Keeps idle keep-alive connections open 65 s, longer than the clients' and load balancers' own idle
 * timeouts (60 s is common). With Node's 5 s default, a client could send its next request on a
 * socket the server was closing at that instant and see ECONNRESET.
 */
export function holdIdleConnections(server: Server): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

/** Listens on host:port, or rejects with PortUnavailableError naming the port. */
export async function claimPort(port: number, host: string): Promise<ClaimedPort> {
  let handler: Handler | undefined;
  const server = createServer((request, response) => {
    if (handler) return handler(request, response);
    const starting = new HttpProblem(
      503,
      PROBLEM_TYPES.unavailable,
      'The co-sell service is starting: try again in a few seconds.',
    );
    response.writeHead(503, { 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': '5' });
    response.end(JSON.stringify(starting.toBody()));
  });
  holdIdleConnections(server);
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(new PortUnavailableError(port, host, error.code ?? 'unknown error'));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    serve: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
