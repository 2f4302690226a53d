/** Finding 2: behind N proxies the client is the address the last trusted proxy saw, not what the client wrote. */
import { afterEach, describe, expect, it } from 'vitest';
import { hashClientId } from '../../src/server/client-id.js';
import { loadEngine, makeApp, type TestApp } from './helpers.js';

const SALT = 'trust-proxy-test-salt';
let app: TestApp | undefined;
afterEach(() => app?.close());

const ask = (target: TestApp, forwardedFor: string) =>
  target.inject({ method: 'POST', url: '/api/ask', payload: { question: '东江湖' }, remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': forwardedFor } });

describe('TRUST_PROXY', () => {
  it('with one hop, a client-written leftmost X-Forwarded-For is ignored', async () => {
    app = await makeApp(await loadEngine(), { trustProxy: 1, hashSalt: SALT, rateLimit: { max: 1, timeWindowMs: 60_000 } });
    expect((await ask(app, '203.0.113.9, 198.51.100.7')).statusCode).toBe(200);
    // Same real client (the proxy appended 198.51.100.7), a new made-up address in front: still limited.
    expect((await ask(app, '203.0.113.10, 198.51.100.7')).statusCode).toBe(429);
    expect(app.recorder.questions.map((q) => q.userHash)).toEqual([hashClientId('198.51.100.7', SALT)]);
    // Another real client is counted apart.
    expect((await ask(app, '198.51.100.8')).statusCode).toBe(200);
  });

  it('with a list of proxies, only hops from those addresses are skipped', async () => {
    app = await makeApp(await loadEngine(), { trustProxy: ['10.0.0.0/8'], hashSalt: SALT });
    await ask(app, '203.0.113.9, 198.51.100.7, 10.2.3.4');
    expect(app.recorder.questions[0]!.userHash).toBe(hashClientId('198.51.100.7', SALT));
  });
});
