import { expect, it } from 'vitest';
import { citation } from '../../src/answer/cite.js';
import { formatCitation } from '../../src/bot/format.js';
import { createEngine } from '../../src/engine/engine.js';
import { folderOf } from '../helpers/format-quality.js';

it('an answer from a PDF says its page, in the answer object and every citation', async () => {
  const engine = await createEngine({ knowledgeDir: folderOf([{ from: 'produced', name: 'wenquan-chromium.pdf' }]), answerCacheSize: 0 });
  const [top] = engine.answer('朱海燕的民宿旺季每月收入多少').results;
  expect(top).toMatchObject({ article: '汝城温泉小镇冬季客流创新高', section: '乡亲们的新生计', page: 2 });
  expect(citation(top!)).toBe(`——《汝城温泉小镇冬季客流创新高》· 乡亲们的新生计 · 第2页 第${top!.paragraph}段`);
  expect(formatCitation(top!)).toContain(`第2页 第${top!.paragraph}段`);
  // Articles that are not PDFs have no page, and their citations none either.
  const plain = { article: 'T', section: null, paragraph: 3 };
  expect(citation(plain)).toBe('——《T》· 第3段');
});
