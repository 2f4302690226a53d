import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  host: string;
  port: number;
}

/** Listens and returns the base URL (port 0 picks a free port, as the browser tests do). */
export async function startServer(app: FastifyInstance, { host, port }: ListenOptions): Promise<string> {
  const address = await app.listen({ host, port });
  // fastify reports 0.0.0.0 as such; a browser needs a reachable name.
  return address.replace('://0.0.0.0', '://127.0.0.1').replace('://[::]', '://[::1]');
}

/**
 * Closes the app once on SIGTERM or SIGINT (in-flight requests finish, then `onClosed`).
 * A second signal while closing is ignored, so a double Ctrl-C does not cut requests short.
 * Returns a function that removes the handlers (for tests).
 */
export function closeOnSignals(app: FastifyInstance, onClosed: (error?: unknown) => void = () => {}): () => void {
  let closing = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing the web server');
    app.close().then(() => onClosed(), onClosed);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}
