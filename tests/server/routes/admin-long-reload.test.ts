/** A reload that takes longer than the idle-socket timeout still gets its answer (a large folder rebuilds for ~35 s). */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import type { ReportSource } from '../../../src/report/types.js';
import { loadEngine, makeApp, type TestApp } from '../helpers.js';

const TOKEN = 'admin-token-0123456789abcdef';
const LIMITS = { idleTimeoutMs: 300, headersTimeoutMs: 300, requestTimeoutMs: 500, keepAliveTimeoutMs: 300, checkIntervalMs: 100, maxConnections: 8 };
let app: TestApp;
let url: string;

beforeAll(async () => {
  const engine = await loadEngine();
  // The same engine, whose reload takes four idle timeouts.
  const slow: Engine = { ...engine, reload: async () => (await sleep(1_200), engine.reload()) };
  const reports: ReportSource = { report: () => Promise.reject(new Error('no report in this test')) };
  app = await makeApp(slow, { connections: LIMITS, admin: { token: TOKEN, reports } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);
afterAll(() => app?.close());

describe('POST /api/admin/reload on a real port', () => {
  it('answers after a rebuild longer than the idle timeout, which stays the server\'s for other sockets', async () => {
    const response = await fetch(`${url}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    expect(app.server.timeout).toBe(300);
  });
});
