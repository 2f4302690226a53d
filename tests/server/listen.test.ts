import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeOnSignals, startServer } from '../../src/server/listen.js';
import { makeApp } from './helpers.js';

describe('startServer / closeOnSignals', () => {
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

  it('closes once on SIGTERM and ignores a second signal', async () => {
    const app = await makeApp(null);
    await startServer(app, { host: '127.0.0.1', port: 0 });
    const close = vi.spyOn(app, 'close');
    const onClosed = vi.fn();
    const before = process.listeners('SIGTERM').length;
    const remove = closeOnSignals(app, onClosed);
    cleanups.push(remove);
    // Call our handler directly: emitting a real signal would also reach the test runner's own.
    const handler = process.listeners('SIGTERM').at(-1) as (signal: NodeJS.Signals) => void;
    handler('SIGTERM');
    handler('SIGINT');
    await vi.waitFor(() => expect(onClosed).toHaveBeenCalledOnce());
    expect(close).toHaveBeenCalledOnce();
    expect(app.server.listening).toBe(false);
    remove();
    expect(process.listeners('SIGTERM').length).toBe(before);
  });
});
