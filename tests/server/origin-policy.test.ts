import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { isOriginAllowed } from '../../src/server/origin-policy.js';
import { loadEngine, makeApp, postJson, type TestApp } from './helpers.js';

describe('isOriginAllowed', () => {
  it.each([
    ['http://localhost:5173', 'chuchu.example', [], true],
    ['http://127.0.0.1:8080', 'chuchu.example', [], true],
    ['https://chuchu.example', 'chuchu.example', [], true],
    ['https://evil.example', 'chuchu.example', [], false],
    ['null', 'chuchu.example', [], false],
    ['https://localhost.evil.example', 'chuchu.example', [], false],
    ['https://news.example', 'chuchu.example', ['https://news.example'], true],
    ['https://NEWS.example:443', 'chuchu.example', ['https://news.example/'], true],
    ['http://news.example', 'chuchu.example', ['https://news.example'], false],
    ['http://localhost:5173', 'chuchu.example', ['https://news.example'], false],
    ['https://anything.example', 'chuchu.example', ['*'], true],
  ] as const)('%s from host %s with %j → %s', (origin, host, allowed, expected) => {
    expect(isOriginAllowed(origin, host, allowed)).toBe(expected);
  });
});

describe('CORS on /api/*', () => {
  let engine: Engine;
  let open: TestApp;
  let configured: TestApp;
  beforeAll(async () => {
    engine = await loadEngine();
    open = await makeApp(engine);
    configured = await makeApp(engine, { allowedOrigins: ['https://news.example'] });
  });
  afterAll(async () => {
    await open.close();
    await configured.close();
  });

  const preflight = (app: TestApp, origin: string) =>
    app.inject({ method: 'OPTIONS', url: '/api/ask', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-chuchu-client' } });

  it('answers requests without an Origin (curl, servers)', async () => {
    const response = await postJson(configured, '/api/ask', { question: '郴州' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows a configured origin, preflight included', async () => {
    const pre = await preflight(configured, 'https://news.example');
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://news.example');
    expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toContain('x-chuchu-client');
    const response = await postJson(configured, '/api/ask', { question: '郴州' }, { origin: 'https://news.example' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('https://news.example');
    expect(response.headers.vary).toContain('Origin');
  });

  it('refuses other origins with 403 and no CORS headers, preflight included', async () => {
    for (const app of [open, configured]) {
      const pre = await preflight(app, 'https://evil.example');
      expect(pre.statusCode).toBe(403);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      const response = await postJson(app, '/api/ask', { question: '郴州' }, { origin: 'https://evil.example' });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'origin_not_allowed' });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(open.recorder.questions).toHaveLength(0);
  });

  it('allows localhost only when nothing is configured', async () => {
    expect((await postJson(open, '/api/ask', { question: '郴州' }, { origin: 'http://localhost:8080' })).headers['access-control-allow-origin']).toBe('http://localhost:8080');
    expect((await postJson(configured, '/api/ask', { question: '郴州' }, { origin: 'http://localhost:8080' })).statusCode).toBe(403);
  });

  it('always allows the same origin (the demo page)', async () => {
    const response = await postJson(configured, '/api/ask', { question: '郴州' }, { origin: 'http://chuchu.example', host: 'chuchu.example' });
    expect(response.statusCode).toBe(200);
  });

  it('does not put CORS on pages or the widget script', async () => {
    const response = await configured.inject({ url: '/widget.js', headers: { origin: 'https://evil.example' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
