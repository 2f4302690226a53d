import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { SHIPPED_KNOWLEDGE } from '../server/helpers.js';

describe('example questions', () => {
  let dir: string;
  let engine: Engine;
  let shipped: Engine;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'chuchu-examples-'));
    copyFileSync(path.join(SHIPPED_KNOWLEDGE, 'chenzhou-opening-south.txt'), path.join(dir, 'a.txt'));
    copyFileSync(path.join(SHIPPED_KNOWLEDGE, 'userdict.txt'), path.join(dir, 'userdict.txt'));
    writeFileSync(path.join(dir, 'b.md'), '---\ntitle: 莽山\nexamples: 莽山五指峰有多高？ | 莽山在哪个县？\n---\n\n莽山五指峰海拔1600米，位于宜章县。\n');
    writeFileSync(path.join(dir, 'faq.md'), '## 志愿者怎么报名？\n在群里报名。\n');
    engine = await createEngine({ knowledgeDir: dir });
    shipped = await createEngine({ knowledgeDir: SHIPPED_KNOWLEDGE });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows the manager's own first: front matter examples, then the FAQ's questions, then found ones", () => {
    const examples = engine.exampleQuestions(10);
    expect(examples.slice(0, 3)).toEqual(['莽山五指峰有多高？', '莽山在哪个县？', '志愿者怎么报名？']);
    expect(examples.length).toBeGreaterThan(3);
  });

  it('finds only questions that read as questions, each answered with the number it asks for', () => {
    const found = shipped.exampleQuestions(20).filter((q) => q.endsWith('?'));
    expect(found.length).toBeGreaterThan(0);
    for (const q of found) {
      expect(q).toMatch(/^[\u4e00-\u9fff]{3,}(是多少|有多少[\u4e00-\u9fff])\?$/u);
      // A phrase that is the object of a verb (可节省费用) does not make a question.
      expect(q).not.toMatch(/^(节省|交易|实现|建立|达到)/u);
      expect(shipped.answer(q).answered).toBe(true);
    }
  });
});
