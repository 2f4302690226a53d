import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { captureLogger, loadEngine, makeApp, postJson, type TestApp } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe('server errors', () => {
  let app: TestApp;
  let lines: ReturnType<typeof captureLogger>['lines'];
  beforeAll(async () => {
    const captured = captureLogger();
    lines = captured.lines;
    const broken: Engine = {
      ...engine,
      answer: () => {
        throw new Error('SQLITE_CORRUPT at /srv/chuchu/data/index.db');
      },
    };
    app = await makeApp(broken, { logger: captured.logger });
  });
  afterAll(() => app.close());

  it('5xx says nothing internal but gives a request id that is in the log', async () => {
    const response = await postJson(app, '/api/ask', { question: '东江湖' });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body).toMatchObject({ statusCode: 500, error: 'internal_error' });
    expect(response.body).not.toMatch(/SQLITE|srv|index\.db|stack|Error:/);
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const logged = lines().find((line) => line.level === 50 && line.reqId === body.requestId);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('SQLITE_CORRUPT');
  });

  it('logs requests without the client IP', async () => {
    await app.inject({ url: '/api/health', remoteAddress: '203.0.113.77' });
    const logged = lines().filter((line) => (line.req as { url?: string } | undefined)?.url === '/api/health');
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines())).not.toContain('203.0.113.77');
  });

  it('ignores a client-sent request id', async () => {
    const response = await postJson(app, '/api/ask', { question: '东江湖' }, { 'request-id': 'forged', 'x-request-id': 'forged' });
    expect(response.json().requestId).not.toBe('forged');
  });

  it('404 as JSON for unknown routes', async () => {
    const response = await app.inject('/api/nope');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ statusCode: 404, error: 'not_found', message: '找不到这个地址' });
  });

  it('another method on a known path is 405 JSON with Allow, never HTML or a stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/ask' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});
