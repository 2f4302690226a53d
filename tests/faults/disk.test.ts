/** Disk faults: an unwritable cache folder, a corrupted or foreign index cache file, a knowledge file removed during reload. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { CACHE_FILE, type IndexCacheEvent } from '../../src/search/index-cache.js';

const QUESTION = '东江湖一共能蓄多少水?';
const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-faults-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function engineWithCache(dir: string, knowledgeDir = 'knowledge') {
  const events: IndexCacheEvent[] = [];
  const engine = await createEngine({ knowledgeDir, indexCache: { dir, onEvent: (e) => void events.push(e) } });
  return { engine, events, kinds: events.map((e) => (e.kind === 'miss' ? `miss:${e.reason}` : e.kind)) };
}

describe('index cache on disk', () => {
  it('builds and writes once, then loads with identical answers', async () => {
    const dir = temp();
    const first = await engineWithCache(dir);
    expect(first.kinds).toEqual(['miss:absent', 'written']);
    const second = await engineWithCache(dir);
    expect(second.kinds).toEqual(['hit']);
    expect(second.engine.answer(QUESTION)).toEqual(first.engine.answer(QUESTION));
    expect(second.engine.exampleQuestions()).toEqual(first.engine.exampleQuestions());
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['bit-flipped', (b: Buffer) => Buffer.from(b).fill(b[b.length - 10]! ^ 1, b.length - 10, b.length - 9)],
    ['garbage', () => Buffer.from('\u0000\u00ff not an index')],
    ['empty', () => Buffer.alloc(0)],
    ['valid JSON without the header', () => Buffer.from('{"version":2}')],
  ])('a %s cache file is rebuilt, not trusted, and replaced', async (_what, corrupt) => {
    const dir = temp();
    const good = await engineWithCache(dir);
    const file = path.join(dir, CACHE_FILE);
    const original = readFileSync(file);
    writeFileSync(file, corrupt(original));
    const again = await engineWithCache(dir);
    expect(again.kinds).toEqual(['miss:corrupt', 'written']);
    expect(again.engine.answer(QUESTION)).toEqual(good.engine.answer(QUESTION));
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  it('a cache of other knowledge is stale: rebuilt and replaced', async () => {
    const dir = temp();
    const knowledge = temp();
    cpSync('knowledge', knowledge, { recursive: true });
    await engineWithCache(dir, knowledge);
    writeFileSync(path.join(knowledge, 'extra.md'), '---\ntitle: 新文章\n---\n\n新的段落讲的是湟水发源于青海。\n');
    const again = await engineWithCache(dir, knowledge);
    expect(again.kinds).toEqual(['miss:stale', 'written']);
    expect(again.engine.stats().articles).toBeGreaterThan(1);
  });

  it('an unwritable cache folder costs only the cache: start-up goes on', async () => {
    const blocker = path.join(temp(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    // Under a regular file nothing can be created, even as root (chmod would not stop root).
    const { engine, kinds, events } = await engineWithCache(path.join(blocker, 'index-cache'));
    expect(kinds).toEqual(['miss:corrupt', 'write-failed']);
    expect(events[1]).toMatchObject({ kind: 'write-failed', error: expect.stringMatching(/ENOTDIR/u) });
    expect(engine.answer(QUESTION).answered).toBe(true);
  });
});

describe('knowledge folder changing under a reload', () => {
  it('a file removed during reload: the reload succeeds or keeps the old index, and answers never stop', async () => {
    const knowledge = temp();
    cpSync('knowledge', knowledge, { recursive: true });
    writeFileSync(path.join(knowledge, 'second.md'), '---\ntitle: 第二篇\n---\n\n湟水发源于青海省海晏县包呼图山。\n');
    const { engine } = await engineWithCache(temp(), knowledge);
    expect(engine.stats().articles).toBe(2);
    const reloading = engine.reload();
    rmSync(path.join(knowledge, 'second.md'));
    const result = await reloading;
    expect(engine.answer(QUESTION).answered).toBe(true);
    if (result.ok) expect(engine.stats().articles).toBeGreaterThanOrEqual(1);
    else expect(result.errors.length).toBeGreaterThan(0);
    // The next reload sees the folder as it is now.
    const after = await engine.reload();
    expect(after.ok).toBe(true);
    expect(engine.stats().articles).toBe(1);
    expect(existsSync(path.join(knowledge, 'second.md'))).toBe(false);
  });
});
