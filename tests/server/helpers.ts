import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../src/engine/types.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { buildApp, type AppDeps } from '../../src/server/app.js';
import { createEngine, deferredEngine } from '../../src/engine/engine.js';

export const SHIPPED_KNOWLEDGE = fileURLToPath(new URL('../../knowledge', import.meta.url));

/** The real engine on the shipped article (build once per test file, in beforeAll). */
export function loadEngine(knowledgeDir = SHIPPED_KNOWLEDGE): Promise<Engine> {
  return createEngine({ knowledgeDir });
}

/** A pino logger that keeps its JSON lines, so tests can check what was logged. */
export function captureLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'info' }, stream);
  return {
    logger,
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export type TestApp = FastifyInstance & { recorder: ReturnType<typeof createMemoryRecorder> };

/** buildApp with quiet, permissive defaults; each test overrides what it is about. */
export async function makeApp(engine: Engine | null, overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const recorder = createMemoryRecorder();
  const app = await buildApp({
    // null: an engine still loading its index, as main hands out before the first load.
    engine: deferredEngine(() => engine),
    recorder,
    logger: pino({ level: 'silent' }),
    allowedOrigins: [],
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
    ...overrides,
  });
  return Object.assign(app, { recorder });
}

/** POST JSON to a route. */
export function postJson(app: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });
}
