import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/listen.js';
import { makeApp } from './helpers.js';

describe('startServer', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('listens on a free port and serves real HTTP', async () => {
    const app = await makeApp(null);
    cleanups.push(() => app.close());
    const base = await startServer(app, { host: '127.0.0.1', port: 0 });
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${base}/api/health`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toBe('not_ready');
  });

});
