import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { pickEncoding } from '../../src/server/widget-bundle.js';
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

  it('is sent compressed (brotli, else gzip) to browsers that accept it, each encoding with its own ETag', async () => {
    const plain = await app.inject('/widget.js');
    const br = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/iu);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    const gz = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    const revalidated = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
  });

  it('reads Accept-Encoding with its quality values', () => {
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('gzip;q=0')).toBeNull();
    expect(pickEncoding('GZIP, BR;q=1.0')).toBe('br');
  });
});
