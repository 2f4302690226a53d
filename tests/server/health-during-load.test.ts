/**
 * /api/health keeps answering while the index is built: 503 during start-up (the first build),
 * 200 during a reload, over a real port, because the build runs in the engine's worker thread.
 * The proof is a count, not a time: requests complete while the build is still running.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deferredEngine } from '../../src/engine/engine.js';
import { startWorkerEngine, type WorkerEngine } from '../../src/engine/worker-engine.js';
import { makeApp, type TestApp } from './helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-health-'));
cpSync('knowledge', dir, { recursive: true });
// A few long files: reading them is a handful of awaits, segmenting and indexing their ~1,200
// paragraphs is the long part, and it is what must not hold up this thread.
const SENTENCES = ['湘江流经郴州北部，沿岸有多个港口和物流园区。', '新建的产业园引进了电子信息和新材料企业。', '当地政府规划了连接广州和长沙的货运通道。'];
for (let a = 0; a < 3; a++) {
  const paragraphs = Array.from({ length: 400 }, (_, p) => `第${a}号园区第${p}段：${SENTENCES[(a + p) % 3]}${SENTENCES[(a * p) % 3]}投资${a * 7 + p}亿元。`);
  writeFileSync(path.join(dir, `park-${a}.md`), `---\ntitle: 园区${a}\n---\n\n${paragraphs.join('\n\n')}\n`);
}
/** Health answers that must complete while a build runs: far more than the few awaits of reading the files allow. */
const WHILE_BUILDING = 20;

let app: TestApp | null = null;
let engine: WorkerEngine | null = null;
afterAll(async () => {
  await app?.close();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls /api/health one request after another until `done` settles; the statuses seen meanwhile. */
async function pollWhile(url: string, done: Promise<unknown>): Promise<number[]> {
  let settled = false;
  void done.finally(() => (settled = true));
  const statuses: number[] = [];
  for (let i = 0; i < 3000 && !settled; i++) {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    if (!settled) statuses.push(response.status);
    await new Promise((r) => setTimeout(r, 10));
  }
  await done;
  return statuses;
}

describe('/api/health during start-up and reload', () => {
  it('answers 503 while the first index builds, 200 when ready, and 200 all through a reload', async () => {
    const starting = startWorkerEngine({ knowledgeDir: dir });
    // As main does: the app is listening, with an engine that is not there yet.
    app = await makeApp(null, { engine: deferredEngine(() => engine), rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
    const server = await app.listen({ host: '127.0.0.1', port: 0 });
    const duringStart = await pollWhile(server, starting.then((e) => (engine = e)));
    expect(duringStart.length).toBeGreaterThanOrEqual(WHILE_BUILDING);
    expect(new Set(duringStart)).toEqual(new Set([503]));
    expect((await fetch(`${server}/api/health`)).status).toBe(200);

    writeFileSync(path.join(dir, 'park-extra.md'), '---\ntitle: 新园区\n---\n\n新园区位于郴州高新区，占地三百亩。\n');
    const reloading = engine!.reload();
    const duringReload = await pollWhile(server, reloading);
    expect((await reloading).ok).toBe(true);
    expect(duringReload.length).toBeGreaterThanOrEqual(WHILE_BUILDING);
    expect(new Set(duringReload)).toEqual(new Set([200]));
    const health = (await (await fetch(`${server}/api/health`)).json()) as { articles: number };
    expect(health.articles).toBe(5);
  }, 180_000);
});
