import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { startWorkerEngine } from '../../src/engine/worker-engine.js';

const top = (a: ReturnType<Awaited<ReturnType<typeof createEngine>>['answer']>) => a.faq?.answer ?? a.results[0]?.excerpt ?? '(declined)';

// In place (CLI) and in worker threads (the server: the new worker asks the serving one for the last good versions).
const engines = [
  ['in place', (dir: string) => createEngine({ knowledgeDir: dir, answerCacheSize: 0 })],
  ['in worker threads', (dir: string) => startWorkerEngine({ knowledgeDir: dir, answerCacheSize: 0 })],
] as const;

it.each(engines)('a live reload applies every good change, and a file that fails keeps serving its last good version (%s)', async (_how, start) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-lastgood-'));
  const file = (name: string, text: string | Buffer) => writeFileSync(path.join(dir, name), text);
  file('ferry.md', '# 渡口\n\n白沙渡口每天早上六点开船。\n');
  file('bridge.md', '# 新桥\n\n青石桥全长三百二十米。\n');
  file('faq.md', '## 渡船要买票吗？\n渡船免费。\n\n## 渡口有厕所吗？\n渡口有公共厕所。\n');
  const engine = await start(dir);

  // The ferry article breaks, the bridge article changes, a FAQ entry loses its answer, a .doc and a .png arrive.
  file('ferry.md', '---\ntitle 没有冒号\n---\n白沙渡口每天早上七点开船。\n');
  file('bridge.md', '# 新桥\n\n青石桥全长四百五十米。\n');
  file('faq.md', '## 渡船要买票吗？\n\n## 渡口有厕所吗？\n渡口有公共厕所。\n');
  file('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const result = await engine.reload();

  expect(result).toMatchObject({ ok: false, applied: true });
  expect(top(engine.answer('青石桥有多长'))).toMatch(/四百五十米/u);
  expect(top(engine.answer('白沙渡口几点开船'))).toMatch(/早上六点/u);
  expect(top(engine.answer('渡船要买票吗'))).toMatch(/免费/u);
  const byFile = Object.fromEntries(result.files.map((f) => [f.file, f]));
  expect(byFile['ferry.md']).toMatchObject({ status: 'failed', line: 2, keptPrevious: true });
  expect(byFile['faq.md']).toMatchObject({ status: 'failed', keptPrevious: true, count: 1 });
  expect(byFile['bridge.md']).toMatchObject({ status: 'loaded', count: 1 });
  expect(byFile['old.doc']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/\.docx/u) });
  expect(byFile['photo.png']).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/是图片/u) });

  // Fixed: the new version serves, and nothing is reported.
  file('ferry.md', '# 渡口\n\n白沙渡口每天早上七点开船。\n');
  file('faq.md', '## 渡船要买票吗？\n渡船每人两元。\n\n## 渡口有厕所吗？\n渡口有公共厕所。\n');
  const fixed = await engine.reload();
  expect(fixed.errors).toEqual([]);
  expect(top(engine.answer('白沙渡口几点开船'))).toMatch(/早上七点/u);
  expect(top(engine.answer('渡船要买票吗'))).toMatch(/两元/u);

  // An emptied file fails too, and keeps its last good version (a removed file is gone: tests/reload/under-load).
  file('bridge.md', '');
  const emptied = await engine.reload();
  expect(emptied.files.find((f) => f.file === 'bridge.md')).toMatchObject({ status: 'failed', keptPrevious: true });
  await (engine as { close?: () => Promise<void> }).close?.();
}, 120_000);
