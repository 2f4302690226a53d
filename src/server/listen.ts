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

