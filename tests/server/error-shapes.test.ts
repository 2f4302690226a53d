/** Finding 11: every error a client can provoke is JSON in the documented shape, in Chinese. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '../../src/server/schemas.js';
import { loadEngine, makeApp, type TestApp } from './helpers.js';

const TOKEN = 'err-shape-token-0123456789';
let app: TestApp;
beforeAll(async () => {
  const reports = { report: async () => ({}) } as never;
  app = await makeApp(await loadEngine(), { admin: { token: TOKEN, reports } });
});
afterAll(() => app.close());

const CJK = /[\u4e00-\u9fff]/u;

function expectShape(response: Awaited<ReturnType<TestApp['inject']>>, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json();
  expect(errorResponse.strict().safeParse(body).success, response.body).toBe(true);
  expect(body.statusCode).toBe(status);
  expect(body.message).toMatch(CJK);
  expect(response.body).not.toMatch(/FST_|Error:|stack/);
  return body;
}

describe('error bodies', () => {
  it.each(['/%', '/api/%', '/api/ask%ZZ'])('a malformed URL %s is 400 JSON', async (url) => {
    expectShape(await app.inject({ method: 'GET', url }), 400);
  });

  it('GET /api/ask is 405 with Allow: POST', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/ask' });
    const body = expectShape(response, 405);
    expect(response.headers.allow).toBe('POST');
    expect(body.error).toBe('method_not_allowed');
  });

  it('DELETE /api/health is 405 with Allow: GET, HEAD', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/api/health' });
    expectShape(response, 405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });

  it('an unknown path is still 404', async () => {
    expectShape(await app.inject({ method: 'GET', url: '/api/nope' }), 404);
  });

  it('OPTIONS without Origin is not answered as text/plain', async () => {
    const response = await app.inject({ method: 'OPTIONS', url: '/api/ask' });
    if (response.statusCode >= 400) expectShape(response, response.statusCode);
    else expect(response.statusCode).toBe(204);
  });

  it.each(['limit=abc', 'limit=0', 'limit=9999', `since=${'x'.repeat(50)}`])('admin query %s is a Chinese 400 naming the field', async (query) => {
    const response = await app.inject({ method: 'GET', url: `/api/admin/report?${query}`, headers: { authorization: `Bearer ${TOKEN}` } });
    const body = expectShape(response, 400);
    expect(body.field).toBe(query.split('=')[0]);
  });
});
