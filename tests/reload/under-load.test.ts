import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { copyKnowledge } from './helpers.js';

let kb: ReturnType<typeof copyKnowledge>;
let engine: Engine;
beforeAll(async () => {
  kb = copyKnowledge();
  engine = await createEngine({ knowledgeDir: kb.dir });
});
afterAll(() => kb.cleanup());

const NEW_Q = '铜锣湾码头几点开门';
const SEED_Q = '东江湖一共能蓄多少水';
const FAQ_Q = '码头可以停车吗';

/** What a probe question's answer says, reduced to what the test checks. */
const gist = (a: Answer) => a.faq?.answer ?? a.results[0]?.excerpt ?? '(declined)';

it('answers every question while files are added, edited, broken and removed, and switches to the new text after each reload', async () => {
  const seen: Array<{ at: number; q: string; text: string }> = [];
  const failures: unknown[] = [];
  let gaps = 0;
  let stop = false;

  // Three askers in tight loops, yielding only to let the reloads' file I/O progress.
  const asker = async (q: string) => {
    let last = performance.now();
    while (!stop) {
      try {
        const a = engine.answer(q);
        seen.push({ at: performance.now(), q, text: gist(a) });
      } catch (error) {
        failures.push(error);
      }
      const now = performance.now();
      gaps = Math.max(gaps, now - last);
      last = now;
      await tick();
    }
  };
  const askers = [asker(NEW_Q), asker(SEED_Q), asker(FAQ_Q)];
  const file = (name: string) => path.join(kb.dir, name);
  const steps: Array<{ after: number; expect: Partial<Record<string, RegExp>> }> = [];
  const reload = async (expectOk: boolean, expectations: Partial<Record<string, RegExp>>) => {
    const result = await engine.reload();
    expect(result.ok).toBe(expectOk);
    steps.push({ after: performance.now(), expect: expectations });
    await new Promise((r) => setTimeout(r, 250));
    return result;
  };

  await new Promise((r) => setTimeout(r, 200));
  // 1. a new article
  writeFileSync(file('harbour.md'), '# 铜锣湾码头\n\n铜锣湾码头每天早上八点开门，晚上八点关门。\n');
  await reload(true, { [NEW_Q]: /早上八点开门/u, [SEED_Q]: /81\.2亿立方米/u });
  // 2. the article edited, and a FAQ entry added
  writeFileSync(file('harbour.md'), '# 铜锣湾码头\n\n铜锣湾码头每天早上九点开门，晚上十点关门。\n');
  writeFileSync(file('more.faq.md'), '## 码头可以停车吗？\n码头旁边有停车场。\n');
  await reload(true, { [NEW_Q]: /早上九点开门/u, [FAQ_Q]: /停车场/u });
  // 3. a broken file beside a good edit: the edit applies, the broken file is reported
  writeFileSync(file('broken.md'), '---\ntitle 没有冒号\n---\n正文。\n');
  writeFileSync(file('harbour.md'), '# 铜锣湾码头\n\n铜锣湾码头每天中午十二点开门。\n');
  const broken = await reload(false, { [NEW_Q]: /中午十二点开门/u, [FAQ_Q]: /停车场/u });
  expect(broken.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['broken.md:2']);
  // 4. fixed by removing it; the article and the FAQ removed too
  rmSync(file('broken.md'));
  rmSync(file('harbour.md'));
  rmSync(file('more.faq.md'));
  await reload(true, { [NEW_Q]: /\(declined\)/u, [FAQ_Q]: /\(declined\)/u, [SEED_Q]: /81\.2亿立方米/u });

  stop = true;
  await Promise.all(askers);

  expect(failures).toEqual([]);
  expect(seen.length).toBeGreaterThan(300);
  // A reload builds synchronously (~100 ms here); no question waited anywhere near a second.
  expect(gaps).toBeLessThan(1000);
  for (const [i, step] of steps.entries()) {
    const until = steps[i + 1]?.after ?? Infinity;
    for (const [q, pattern] of Object.entries(step.expect)) {
      const window = seen.filter((s) => s.q === q && s.at > step.after && s.at < until);
      expect(window.length, `answers to ${q} after reload ${i + 1}`).toBeGreaterThan(0);
      expect(window.filter((s) => !pattern!.test(s.text)), `answers to ${q} after reload ${i + 1}`).toEqual([]);
    }
  }
  // Before the first reload, the new article was unknown.
  expect(seen.find((s) => s.q === NEW_Q)!.text).toBe('(declined)');
}, 20_000);
