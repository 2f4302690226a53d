/** Finding 6: a symlink loop (or any bad path) in the knowledge folder never ends live reload. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReloadResult } from '../../src/engine/types.js';
import { watchKnowledge, type KnowledgeWatcher } from '../../src/reload/watch.js';
import { copyKnowledge, waitFor } from './helpers.js';

const OK: ReloadResult = { ok: true, errors: [], stats: { articles: 1, passages: 1, indexBuiltAt: '' } };
let watcher: KnowledgeWatcher | null = null;
const cleanups: Array<() => void> = [];
afterEach(() => {
  watcher?.close();
  watcher = null;
  for (const c of cleanups.splice(0)) c();
});

function folder(): string {
  const kb = copyKnowledge();
  cleanups.push(kb.cleanup);
  return kb.dir;
}

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
