import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeApp(null);
});
afterAll(() => app.close());

describe('GET /widget.js', () => {
  it('serves the bundled widget as JavaScript with an ETag and cache headers', async () => {
    const response = await app.inject('/widget.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers.etag).toMatch(/^"[\w-]{20,}"$/);
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // A real bundle: the JS API and Chinese UI made it in, and nothing is left to import.
    expect(response.body).toContain('Chuchu');
    expect(response.body).toContain('attachShadow');
    expect(response.body).toContain('正在查找');
    expect(response.body).not.toMatch(/^\s*import\s/m);
    expect(response.body).not.toContain('innerHTML');
    expect(gzipSync(response.body).length).toBeLessThan(12 * 1024);
  });

  it('304 when the ETag still matches, 200 when it does not', async () => {
    const { etag } = (await app.inject('/widget.js')).headers;
    const cached = await app.inject({ url: '/widget.js', headers: { 'if-none-match': String(etag) } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    expect(cached.headers.etag).toBe(etag);
    const stale = await app.inject({ url: '/widget.js', headers: { 'if-none-match': '"old"' } });
    expect(stale.statusCode).toBe(200);
  });
});
