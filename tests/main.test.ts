import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createShutdown } from '../src/shutdown.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function harness(stop: () => Promise<unknown>, graceMs = 10_000) {
  const exits: number[] = [];
  const logged: string[] = [];
  const logger = { info: (a: object | string, b?: string) => void logged.push(typeof a === 'string' ? a : b!) };
  const shutdown = createShutdown({ stop, exit: (code) => void exits.push(code), logger, graceMs });
  return { shutdown, exits, logged };
}

describe('shutdown policy', () => {
  it('the first signal stops gracefully and exits 0 once answers in flight are done', async () => {
    let finish!: () => void;
    const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { shutdown, exits, logged } = harness(stop);
    expect(shutdown.stopping).toBe(false);
    shutdown.handle('SIGTERM');
    expect(shutdown.stopping).toBe(true);
    expect(stop).toHaveBeenCalledOnce();
    expect(exits).toEqual([]);
    finish();
    await vi.waitFor(() => expect(exits).toEqual([0]));
    expect(logged).toEqual(['shutting down: finishing answers in flight', 'bye']);
  });

  it('a second signal exits 1 at once, without waiting', () => {
    const stop = vi.fn(() => new Promise<void>(() => {}));
    const { shutdown, exits } = harness(stop);
    shutdown.handle('SIGTERM');
    shutdown.handle('SIGINT');
    expect(exits).toEqual([1]);
    expect(stop).toHaveBeenCalledOnce();
  });

  it('exits 0 after the grace period when answers in flight never finish', async () => {
    const { shutdown, exits } = harness(() => new Promise<void>(() => {}), 50);
    shutdown.handle('SIGTERM');
    await vi.waitFor(() => expect(exits).toEqual([0]));
  });
});

describe('main', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chuchu-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, then exits 0 on SIGTERM after closing the server', async () => {
    const env = { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'info', BOT_TOKEN: '', WEBHOOK_URL: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (out += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await vi.waitFor(() => expect(out).toContain('chuchu ready'), { timeout: 60_000, interval: 100 });
      const url = /web demo at (http:\/\/127\.0\.0\.1:\d+)/u.exec(out)![1]!;
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('"msg":"bye"');
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);
});
