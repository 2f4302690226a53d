import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeApp, type TestApp } from './helpers.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeApp(await loadEngine(), { rateLimit: { max: 3, timeWindowMs: 60_000 } });
});
afterAll(() => app.close());

const ask = (ip: string) => app.inject({ method: 'POST', url: '/api/ask', payload: { question: '郴州' }, remoteAddress: ip });

describe('rate limit on /api/*', () => {
  it('429 JSON with Retry-After once an IP is over the limit; other IPs unaffected', async () => {
    for (let i = 0; i < 3; i++) expect((await ask('198.51.100.1')).statusCode).toBe(200);
    const limited = await ask('198.51.100.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'rate_limited' });
    expect(limited.json().message).toMatch(/秒后再试/);
    // The limited request never reached the engine or the recorder.
    expect(app.recorder.questions).toHaveLength(3);

    expect((await ask('198.51.100.2')).statusCode).toBe(200);
  });

  it('counts asking, feedback and examples together per IP (health and admin have buckets of their own)', async () => {
    const ip = '198.51.100.3';
    await app.inject({ url: '/api/examples', remoteAddress: ip });
    await app.inject({ method: 'POST', url: '/api/feedback', payload: { question: '郴州', passageId: 'p', vote: 'up' }, remoteAddress: ip });
    await ask(ip);
    expect((await ask(ip)).statusCode).toBe(429);
  });

  it('does not limit the page or the widget script', async () => {
    const ip = '198.51.100.4';
    for (let i = 0; i < 6; i++) {
      expect((await app.inject({ url: '/', remoteAddress: ip })).statusCode).toBe(200);
      expect((await app.inject({ url: '/widget.js', remoteAddress: ip })).statusCode).toBe(200);
    }
  });

  it('uses X-Forwarded-For only behind a trusted proxy', async () => {
    const proxied = await makeApp(null, { rateLimit: { max: 1, timeWindowMs: 60_000 }, trustProxy: 1 });
    const direct = await makeApp(null, { rateLimit: { max: 1, timeWindowMs: 60_000 } });
    try {
      const via = (target: TestApp, client: string) =>
        target.inject({ url: '/api/examples', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': client } });
      // Behind the proxy, two visitors are two clients…
      expect((await via(proxied, '203.0.113.1')).statusCode).toBe(503);
      expect((await via(proxied, '203.0.113.2')).statusCode).toBe(503);
      // …without trustProxy a forged header cannot dodge the limit.
      expect((await via(direct, '203.0.113.1')).statusCode).toBe(503);
      expect((await via(direct, '203.0.113.2')).statusCode).toBe(429);
    } finally {
      await proxied.close();
      await direct.close();
    }
  });
});
