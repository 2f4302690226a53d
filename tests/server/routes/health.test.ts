import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { deferredEngine } from '../../../src/engine/engine.js';
import type { Engine } from '../../../src/engine/types.js';
import { createMemoryRecorder } from '../../../src/records/recorder.js';
import { buildApp } from '../../../src/server/app.js';
import { loadEngine } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe('GET /api/health and /api/examples', () => {
  let ready: Engine | null = null;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await buildApp({
      engine: deferredEngine(() => ready),
      recorder: createMemoryRecorder(),
      logger: pino({ level: 'silent' }),
      allowedOrigins: [],
      rateLimit: { max: 100, timeWindowMs: 60_000 },
    });
  });
  afterAll(() => app.close());

  it('503 with Retry-After before the index is ready, 200 with stats after', async () => {
    const before = await app.inject('/api/health');
    expect(before.statusCode).toBe(503);
    expect(before.headers['retry-after']).toBe('5');
    expect(before.json()).toMatchObject({ statusCode: 503, error: 'not_ready' });
    expect((await app.inject('/api/examples')).statusCode).toBe(503);

    ready = engine;
    const after = await app.inject('/api/health');
    expect(after.statusCode).toBe(200);
    const stats = engine.stats();
    expect(after.json()).toEqual({ status: 'ok', articles: stats.articles, passages: stats.passages, indexBuiltAt: stats.indexBuiltAt });
    expect(after.json().articles).toBeGreaterThanOrEqual(1);
    expect(after.headers['cache-control']).toBe('no-store');
  });

  it('examples list what the widget greets with', async () => {
    ready = engine;
    const response = await app.inject('/api/examples');
    expect(response.statusCode).toBe(200);
    expect(response.json().examples).toEqual(engine.exampleQuestions(3));
    expect(response.json().articles.map((a: { title: string }) => a.title)).toContain('向南开放看郴州');
  });
});
