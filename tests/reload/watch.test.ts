import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type ReloadResult } from '../../src/engine/engine.js';
import { watchKnowledge, type KnowledgeWatcher } from '../../src/reload/watch.js';
import { copyKnowledge, waitFor } from './helpers.js';

const OK: ReloadResult = { ok: true, applied: true, errors: [], files: [], stats: { articles: 1, passages: 1, indexBuiltAt: '' } };
let watcher: KnowledgeWatcher | null = null;
const cleanups: Array<() => void> = [];
afterEach(() => {
  watcher?.close();
  watcher = null;
  for (const c of cleanups.splice(0)) c();
});

function folder() {
  const kb = copyKnowledge();
  cleanups.push(kb.cleanup);
  return kb.dir;
}

beforeAll(() => {
  // Warm jieba so the first engine build does not eat the test's time budget.
  return createEngine({ knowledgeDir: folder() });
});

describe('knowledge watcher', () => {
  it.each([
    ['recursive', true],
    ['per-folder', false],
  ])('picks up a new FAQ entry, a new article in a new sub-folder, and a broken file without an explicit reload (%s)', async (_, recursive) => {
    const dir = folder();
    const engine = await createEngine({ knowledgeDir: dir });
    const results: Array<{ result: ReloadResult; changed: string[] }> = [];
    watcher = watchKnowledge({ dir, reload: () => engine.reload(), onReload: (result, changed) => results.push({ result, changed }), debounceMs: 100, recursive });
    expect(engine.answer('码头可以停车吗').answered).toBe(false);

    writeFileSync(path.join(dir, 'faq.md'), '\n## 码头可以停车吗？\n码头旁边有停车场。\n', { flag: 'a' });
    await waitFor(() => engine.answer('码头可以停车吗').faq?.answer === '码头旁边有停车场。', 5000, 'the FAQ entry');

    mkdirSync(path.join(dir, 'news'));
    await new Promise((r) => setTimeout(r, 300)); // per-folder mode starts watching the new folder after its own event
    writeFileSync(path.join(dir, 'news', 'harbour.md'), '# 铜锣湾码头\n\n铜锣湾码头每天早上八点开门。\n');
    await waitFor(() => /八点开门/u.test(engine.answer('铜锣湾码头几点开门').results[0]?.excerpt ?? ''), 5000, 'the new article');

    writeFileSync(path.join(dir, 'news', 'bad.md'), '---\ntitle 没有冒号\n---\n');
    await waitFor(() => results.some((r) => !r.result.ok), 5000, 'the failed reload');
    const failed = results.find((r) => !r.result.ok)!;
    expect(failed.result.errors.map((e) => `${e.file}:${e.line}`)).toEqual([path.join('news', 'bad.md') + ':2']);
    expect(failed.changed).toContain('news/bad.md');
    // The old index keeps serving.
    expect(engine.answer('码头可以停车吗').faq?.answer).toBe('码头旁边有停车场。');
    expect(engine.answer('铜锣湾码头几点开门').answered).toBe(true);
  });

  it('debounces a burst of writes into one reload, ignores swap files, and reloads again for a change made during a reload', async () => {
    const dir = folder();
    const calls: number[] = [];
    let release: (() => void) | null = null;
    watcher = watchKnowledge({
      dir,
      debounceMs: 100,
      reload: async () => {
        calls.push(Date.now());
        if (calls.length === 1) await new Promise<void>((r) => (release = r));
        return OK;
      },
    });
    writeFileSync(path.join(dir, '.faq.md.swp'), 'x');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toHaveLength(0);

    for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, 'faq.md'), `## 问题${i}\n回答。\n`);
    await waitFor(() => calls.length === 1, 3000, 'the first reload');
    // Edited while the first reload runs (it may have read the files already): one more reload follows it.
    writeFileSync(path.join(dir, 'faq.md'), '## 最后\n回答。\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toHaveLength(1);
    release!();
    await waitFor(() => calls.length === 2, 3000, 'the follow-up reload');
    await watcher.idle();
    expect(calls).toHaveLength(2);
  });

  it('stops reloading once closed', async () => {
    const dir = folder();
    let calls = 0;
    watcher = watchKnowledge({ dir, debounceMs: 50, reload: async () => (calls++, OK) });
    watcher.close();
    writeFileSync(path.join(dir, 'faq.md'), '## 问\n答。\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(0);
  });
});

/** Finding 6: a symlink loop (or any bad path) in the knowledge folder never ends live reload. */
describe('symlinks in the knowledge folder', () => {
  it.each([
    ['to the parent, at start', true, 'sub/loop', '..'],
    ['to the parent, added while watching', false, 'sub/loop', '..'],
    ['to itself, at start', true, 'self', 'self'],
    ['to itself, added while watching', false, 'self', 'self'],
    ['to the root, at start', true, 'root', '.'],
    ['to the root, added while watching', false, 'root', '.'],
    ['a pair, added while watching', false, 'a', 'b'],
  ])('a symlink loop %s: edits still reload, and no error ends the watch', async (_name, before, link, target) => {
    const dir = folder();
    mkdirSync(path.join(dir, 'sub'));
    const makeLoop = () => {
      symlinkSync(target, path.join(dir, link));
      if (link === 'a') symlinkSync('a', path.join(dir, 'b'));
    };
    if (before) makeLoop();
    const changes: string[][] = [];
    const errors: Error[] = [];
    watcher = watchKnowledge({ dir, reload: async () => OK, onReload: (_r, changed) => changes.push(changed), onError: (e) => errors.push(e), debounceMs: 50 });
    if (!before) {
      makeLoop();
      await new Promise((r) => setTimeout(r, 300));
    }
    for (let i = 0; i < 2; i++) {
      const seen = changes.length;
      writeFileSync(path.join(dir, 'faq.md'), `\n## 问题${i}？\n回答${i}。\n`, { flag: 'a' });
      await waitFor(() => changes.slice(seen).some((c) => c.includes('faq.md')), 5000, `reload ${i}`);
    }
    // And in a sub-folder.
    const seen = changes.length;
    writeFileSync(path.join(dir, 'sub', 'note.md'), '# 笔记\n\n内容。\n');
    await waitFor(() => changes.slice(seen).some((c) => c.includes('sub/note.md')), 5000, 'the sub-folder edit');
    expect(errors).toEqual([]);
  });
});
