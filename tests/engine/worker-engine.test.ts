/** The engine the server runs, in a worker thread: same answers as in place, errors that cross, reloads that swap. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { startWorkerEngine, type WorkerEngine } from '../../src/engine/worker-engine.js';
import type { IndexCacheEvent } from '../../src/search/index-cache.js';
import { QuestionError } from '../../src/shared/errors.js';

const QUESTIONS = ['东江湖的水能直接喝吗', '郴州离广州坐高铁多久', '北湖机场什么时候通航', '明天股市会涨吗'];
let dir: string;
let worker: WorkerEngine;
let local: Engine;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-worker-'));
  cpSync('knowledge', dir, { recursive: true });
  [worker, local] = await Promise.all([startWorkerEngine({ knowledgeDir: dir }), createEngine({ knowledgeDir: dir })]);
}, 120_000);
afterAll(async () => {
  await worker?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('engine in a worker thread', () => {
  it('answers exactly as the engine in place, and serves the same snapshot metadata', () => {
    for (const q of QUESTIONS) expect(worker.answer(q, { limit: 2 })).toEqual(local.answer(q, { limit: 2 }));
    expect(worker.answer(QUESTIONS[0]!).answered).toBe(true);
    expect(worker.articles()).toEqual(local.articles());
    expect(worker.exampleQuestions(3)).toEqual(local.exampleQuestions(3));
    expect(worker.stats().passages).toBe(local.stats().passages);
    const id = local.answer(QUESTIONS[0]!).results[0]!.passageId;
    expect(worker.passage(id)).toEqual(local.passage(id));
    expect(worker.passage('no-such-passage')).toBeNull();
  });

  it('a bad question throws the same QuestionError on this thread', () => {
    expect(() => worker.answer('   ')).toThrow(QuestionError);
    try {
      worker.answer('问'.repeat(10_000));
    } catch (err) {
      expect(err).toBeInstanceOf(QuestionError);
      expect((err as QuestionError).code).toBe('too_long');
    }
  });

  it('a reload reports a broken file and applies the rest; a new article is answered from the new worker', async () => {
    const before = worker.stats();
    writeFileSync(path.join(dir, 'faq.md'), '## \n\n没有问题的答案\n');
    const broken = await worker.reload();
    expect(broken).toMatchObject({ ok: false, applied: true });
    expect(broken.errors[0]!.file).toMatch(/faq\.md/u);
    expect(worker.knowledgeFiles().find((f) => f.file === 'faq.md')).toMatchObject({ status: 'failed' });
    expect(worker.stats().articles).toBe(before.articles);
    rmSync(path.join(dir, 'faq.md'));
    writeFileSync(path.join(dir, 'river.md'), '---\ntitle: 湟水\n---\n\n湟水发源于青海省海晏县包呼图山，全长三百多公里。\n');
    const [a, b] = [worker.reload(), worker.reload()];
    expect(a).toBe(b);
    const done = await a;
    expect(done.ok).toBe(true);
    expect(worker.stats().articles).toBe(before.articles + 1);
    expect(worker.answer('湟水发源于哪里').results[0]?.article).toBe('湟水');
  }, 120_000);

  it('a folder with nothing to serve fails to start with a KnowledgeError', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'chuchu-empty-'));
    await expect(startWorkerEngine({ knowledgeDir: path.join(empty, 'missing') })).rejects.toMatchObject({ name: 'KnowledgeError' });
    rmSync(empty, { recursive: true, force: true });
  }, 60_000);

  it('starts from the index cache while the folder is unchanged, and from the files once one changes', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'chuchu-cached-'));
    const cache = path.join(folder, 'cache');
    writeFileSync(path.join(folder, 'lake.md'), '---\ntitle: 湖\n---\n\n东江湖蓄水量八十一亿立方米。\n');
    const start = async () => {
      const events: IndexCacheEvent['kind'][] = [];
      const engine = await startWorkerEngine({ knowledgeDir: folder, indexCacheDir: cache, onIndexCache: (e) => events.push(e.kind) });
      const excerpt = engine.answer('东江湖蓄水量多少').results[0]?.excerpt;
      await engine.close();
      return { events, excerpt };
    };
    try {
      expect(await start()).toMatchObject({ events: ['miss', 'written'] });
      expect(await start()).toMatchObject({ events: ['hit'], excerpt: expect.stringContaining('八十一亿') });
      // Same size, new text: only the content tells.
      writeFileSync(path.join(folder, 'lake.md'), '---\ntitle: 湖\n---\n\n东江湖蓄水量九十二亿立方米。\n');
      expect(await start()).toMatchObject({ events: ['miss', 'written'], excerpt: expect.stringContaining('九十二亿') });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
