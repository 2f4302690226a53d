/**
 * Reloads reuse two engine threads (nodejieba never frees a dictionary when its thread ends):
 * the active one answers, the standby one builds, and they swap.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerEngine, type WorkerEngine } from '../../src/engine/worker-engine.js';
import { EngineNotReadyError } from '../../src/shared/errors.js';

const QUESTION = '青石湖的蓄水量是多少';
const article = (amount: number) => `---\ntitle: 青石湖\n---\n\n## 水量\n\n青石湖的蓄水量为${amount}亿立方米，湖边有一座灯塔。\n`;
/** The amount the engine answers with now (NaN when it does not say one). */
const served = (engine: WorkerEngine) => Number(/(\d+)亿/u.exec(engine.answer(QUESTION).results[0]?.excerpt ?? '')?.[1]);

let dir: string;
let engine: WorkerEngine;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-threads-'));
  writeFileSync(path.join(dir, 'lake.md'), article(10));
  engine = await startWorkerEngine({ knowledgeDir: dir });
}, 120_000);
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reloads in two long-lived engine threads', () => {
  it('six reloads start at most two threads, each answers from the new content, and the old is never served after the swap', async () => {
    expect(served(engine)).toBe(10);
    expect(engine.threadsStarted()).toBe(1);
    for (let round = 1; round <= 6; round += 1) {
      const [before, after] = [round * 11 - 11 || 10, round * 11];
      writeFileSync(path.join(dir, 'lake.md'), article(after));
      const reload = engine.reload();
      let done = false;
      void reload.finally(() => (done = true));
      // Meanwhile the old snapshot answers; bounded: 60 s.
      const seen: number[] = [];
      for (let i = 0; !done && i < 6000; i += 1) {
        seen.push(served(engine));
        await sleep(10);
      }
      const result = await reload;
      expect(result).toMatchObject({ ok: true, applied: true });
      seen.push(served(engine));
      expect(seen.every((v) => v === before || v === after)).toBe(true);
      // Once the new snapshot answers, the old never does again.
      expect(seen.slice(seen.indexOf(after)).every((v) => v === after)).toBe(true);
      expect(seen.at(-1)).toBe(after);
      expect(engine.threadsStarted()).toBeLessThanOrEqual(2);
    }
    expect(engine.threadsStarted()).toBe(2);
  }, 180_000);

  it('a reload asked for while one builds ends with the latest folder', async () => {
    // Replaced by rename, so that the build reading the folder meanwhile sees one version or the other, never a truncated file.
    const replace = (amount: number) => {
      writeFileSync(path.join(dir, 'lake.md.tmp'), article(amount));
      renameSync(path.join(dir, 'lake.md.tmp'), path.join(dir, 'lake.md'));
    };
    replace(101);
    const first = engine.reload();
    // The first build has been posted (it may read 101 or 202); this one must read 202.
    await sleep(0);
    replace(202);
    const second = engine.reload();
    expect(second).not.toBe(first);
    expect(engine.reload()).toBe(second);
    expect((await first).applied).toBe(true);
    expect(await second).toMatchObject({ ok: true, applied: true });
    expect(served(engine)).toBe(202);
    expect(engine.threadsStarted()).toBe(2);
  }, 120_000);

  it('a failed reload keeps serving the previous snapshot, and the next good one swaps in', async () => {
    rmSync(path.join(dir, 'lake.md'));
    const failed = await engine.reload();
    expect(failed).toMatchObject({ ok: false, applied: false });
    expect(served(engine)).toBe(202);
    writeFileSync(path.join(dir, 'lake.md'), article(303));
    expect(await engine.reload()).toMatchObject({ ok: true, applied: true });
    expect(served(engine)).toBe(303);
    expect(engine.threadsStarted()).toBe(2);
  }, 120_000);
});

describe('a serving thread that dies', () => {
  it('answers "not ready" meanwhile, then serves from the standby; only then is a thread started again', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'chuchu-crash-'));
    writeFileSync(path.join(folder, 'lake.md'), article(40));
    const threads: Worker[] = [];
    const exits: Error[] = [];
    const crashing = await startWorkerEngine({ knowledgeDir: folder, onThreadStart: (w) => threads.push(w), onWorkerExit: (e) => exits.push(e) });
    try {
      writeFileSync(path.join(folder, 'lake.md'), article(50));
      await crashing.reload();
      expect(served(crashing)).toBe(50);
      expect(threads).toHaveLength(2);
      // The active thread is the second one now; end it as a crash would.
      await threads[1]!.terminate();
      expect(() => crashing.answer(QUESTION)).toThrow(EngineNotReadyError);
      // Bounded: 60 s.
      const ready = () => {
        try {
          return crashing.stats().passages > 0;
        } catch {
          return false;
        }
      };
      for (let i = 0; i < 600 && !ready(); i += 1) await sleep(100);
      expect(served(crashing)).toBe(50);
      expect(exits.length).toBeGreaterThan(0);
      expect(crashing.threadsStarted()).toBe(2);
      writeFileSync(path.join(folder, 'lake.md'), article(60));
      expect(await crashing.reload()).toMatchObject({ ok: true, applied: true });
      expect(served(crashing)).toBe(60);
      expect(crashing.threadsStarted()).toBe(3);
    } finally {
      await crashing.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
