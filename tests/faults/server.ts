import { Writable } from 'node:stream';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../src/engine/types.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { buildApp, type AppDeps } from '../../src/server/app.js';

/** The real app listening on a free loopback port, its log lines kept so tests can check levels. */
export async function listeningApp(engine: Engine, overrides: Partial<AppDeps> = {}): Promise<{ app: FastifyInstance; url: string; port: number; logs: () => Array<{ level: number; msg?: string }> }> {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) });
  const app = await buildApp({
    engine,
    recorder: createMemoryRecorder(),
    logger: pino({ level: 'info' }, stream),
    allowedOrigins: [],
    rateLimit: { max: 100_000, timeWindowMs: 60_000 },
    ...overrides,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const port = Number(new URL(url).port);
  const logs = () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg?: string });
  return { app, url, port, logs };
}

/** pino's numeric level for error. */
export const ERROR = 50;
