import type { Server } from 'node:http';

/** A port that is taken: reported in one line naming the port and how to pick another. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly what: string,
    readonly envVar: string,
  ) {
    super(
      `Port ${port} (${what}) is already in use: stop what holds it or set ${envVar} to another port.`,
    );
  }
}

/** Listen on 127.0.0.1 only (never every interface); port 0 picks a free port. Resolves the port. */
export const listen = (server: Server, port: number, what: string, envVar: string) =>
  new Promise<number>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, what, envVar) : error);
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

/** Close a server and every connection it holds, so a stop frees its port at once. */
export const close = (server: Server) =>
  new Promise<void>((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });

/**
 * Close a server once the requests it is serving have been answered (idle connections at once),
 * forcing the rest after `graceMs`: for a server whose requests finish work after the socket
 * would otherwise be cut (dynalite writes to its store as it answers).
 */
export const closeGracefully = (server: Server, graceMs = 1_000) =>
  new Promise<void>((resolve, reject) => {
    if (!server.listening) return resolve();
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close((error) => {
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
