/** Finding 9: the admin token is checked before the body is read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeApp, type TestApp } from '../helpers.js';

const TOKEN = 'admin-auth-token-0123456789';
let app: TestApp;
beforeAll(async () => {
  const reports = { report: async () => ({}) } as never;
  app = await makeApp(await loadEngine(), { admin: { token: TOKEN, reports } });
});
afterAll(() => app.close());

describe('admin auth before body parsing', () => {
  it.each([
    ['broken JSON', 'application/json', '{'],
    ['a text/plain body', 'text/plain', 'hello'],
    ['a body over the limit', 'application/json', JSON.stringify({ x: 'y'.repeat(10_000) })],
    ['an unknown media type', 'application/x-evil', 'AAAA'],
  ])('a wrong token with %s gets 401, not a body error', async (_name, type, payload) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin/reload',
      headers: { authorization: 'Bearer wrong-token-0123456789', 'content-type': type },
      payload,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ statusCode: 401, error: 'unauthorized' });
  });
});
