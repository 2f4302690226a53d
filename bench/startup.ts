/**
 * Start-up time of the real server (`dist/main.js`: `npm run build` first), uncached then cached:
 *   tsx bench/startup.ts [--runs 3]
 * Time from spawn to the "chuchu ready" log line, with an empty index cache, then with the cache written by that run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, knowledge: { type: 'string', default: 'knowledge' } } });

function startOnce(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, KNOWLEDGE_DIR: values.knowledge, BOT_TOKEN: '', LOG_LEVEL: 'info', CI: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error('no ready line within 120 s'))), 120_000);
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      if (out.includes('chuchu ready')) {
        clearTimeout(timer);
        child.kill('SIGTERM');
        resolve(performance.now() - t0);
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const uncached: number[] = [];
const cached: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-startup-'));
  uncached.push(await startOnce(dir));
  cached.push(await startOnce(dir));
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ knowledge: values.knowledge, uncachedMs: Math.round(median(uncached)), cachedMs: Math.round(median(cached)), runs: uncached.length }));
