import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyPluginAsync } from 'fastify';
import { makeApp, postJson, type TestApp } from './helpers.js';

describe('buildApp plugins (main registers e.g. the Telegram webhook)', () => {
  let app: TestApp;
  const received: unknown[] = [];
  const webhook: FastifyPluginAsync = async (instance) => {
    instance.post('/telegram/webhook', async (request) => {
      received.push(request.body);
      return { ok: true };
    });
  };

  beforeAll(async () => {
    app = await makeApp(null, { plugins: [webhook], rateLimit: { max: 1, timeWindowMs: 60_000 }, allowedOrigins: ['https://news.example'] });
  });
  afterAll(() => app.close());

  it('are registered at the root, outside the API limits (4 KB, rate limit, origins)', async () => {
    const big = { update_id: 1, message: { text: '郴'.repeat(4000) } };
    for (let i = 0; i < 3; i++) {
      const response = await postJson(app, '/telegram/webhook', big, { origin: 'https://elsewhere.example' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ok: true });
    }
    expect(received).toHaveLength(3);
  });

  it('while /api keeps them', async () => {
    const response = await postJson(app, '/api/ask', { question: '郴'.repeat(400), padding: 'x'.repeat(4000) });
    expect(response.statusCode).toBe(413);
  });
});
