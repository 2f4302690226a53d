/** Finding 14: asking, admin and health count in separate buckets; health is never limited for loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeApp, type TestApp } from './helpers.js';

const TOKEN = 'bucket-token-0123456789ab';
let app: TestApp;
beforeAll(async () => {
  const reports = { report: async () => ({ ok: true }) } as never;
  app = await makeApp(await loadEngine(), { rateLimit: { max: 3, timeWindowMs: 60_000 }, admin: { token: TOKEN, reports } });
});
afterAll(() => app.close());

const ask = (ip: string) => app.inject({ method: 'POST', url: '/api/ask', payload: { question: '东江湖' }, remoteAddress: ip });
const health = (ip: string) => app.inject({ url: '/api/health', remoteAddress: ip });
const report = (ip: string, token = TOKEN) => app.inject({ url: '/api/admin/report', remoteAddress: ip, headers: { authorization: `Bearer ${token}` } });

describe('rate-limit buckets', () => {
  it('one user asking until limited does not lock admin or health out', async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < 3; i++) expect((await ask(ip)).statusCode).toBe(200);
    expect((await ask(ip)).statusCode).toBe(429);
    expect((await report(ip)).statusCode).toBe(200);
    expect((await health(ip)).statusCode).toBe(200);
  });

  it('monitoring polling health does not use up the asking budget', async () => {
    const ip = '198.51.100.21';
    for (let i = 0; i < 10; i++) await health(ip);
    expect((await ask(ip)).statusCode).toBe(200);
  });

  it('failed admin tokens are limited in the admin bucket, asking still works', async () => {
    const ip = '198.51.100.22';
    for (let i = 0; i < 3; i++) expect((await report(ip, 'wrong-token-0123456789')).statusCode).toBe(401);
    expect((await report(ip, 'wrong-token-0123456789')).statusCode).toBe(429);
    expect((await ask(ip)).statusCode).toBe(200);
  });

  it('health from loopback is never limited', async () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      for (let i = 0; i < 200; i++) expect((await health(ip)).statusCode).toBe(200);
    }
  });

  it('health from elsewhere has a bucket of its own, larger than asking', async () => {
    const ip = '198.51.100.23';
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await health(ip)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
  });
});
