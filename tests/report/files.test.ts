import { expect, it } from 'vitest';
import { filesText } from '../../src/report/format-text.js';
import { knowledgeState } from '../../src/report/source.js';
import { folderOf } from '../helpers/format-quality.js';

it("the manager's report lists the skipped and failed files of the knowledge folder, with why", async () => {
  const dir = folderOf([
    { from: 'produced', name: 'youcha-gbk.html' },
    { from: 'produced', name: 'no-text-layer.pdf' },
  ]);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${dir}/broken.md`, '---\ntitle 没有冒号\n---\n正文。\n');
  const { problems } = await knowledgeState(dir);
  expect(problems.map((f) => [f.file, f.status])).toEqual([
    ['broken.md', 'failed'],
    ['no-text-layer.pdf', 'skipped'],
  ]);
  const text = filesText(problems).join('\n');
  expect(text).toContain('出错  broken.md:2：front matter 里这一行不是 "键: 值" 的格式');
  expect(text).toContain('跳过  no-text-layer.pdf：扫描版 PDF，没有文字层');
  expect(filesText([])).toEqual(['■ 知识库里跳过或出错的文件', '  没有：每个文件都已读入。']);
});
