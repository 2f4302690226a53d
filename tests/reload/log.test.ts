/** Finding 15 (second half): a reload touching hundreds of files logs a summary, not the list once per warning. */
import { describe, expect, it } from 'vitest';
import type { ReloadResult } from '../../src/engine/types.js';
import { logReload } from '../../src/reload/log.js';
import { captureLogger } from '../server/helpers.js';

const changed = Array.from({ length: 600 }, (_, i) => `articles/some-long-folder-name/article-number-${i}.md`);

describe('reload log', () => {
  it('a failed reload of hundreds of files stays small and still names the first errors with file and line', () => {
    const { logger, lines } = captureLogger();
    const result: ReloadResult = {
      ok: false,
      applied: false,
      files: [],
      errors: Array.from({ length: 400 }, (_, i) => ({ file: `faq/part-${i}.md`, line: i + 1, message: `faq/part-${i}.md:${i + 1}: 缺少回答`, reason: '缺少回答' })) as never,
      stats: { articles: 1, passages: 1, indexBuiltAt: '' },
    };
    logReload(logger, result, changed);
    const bytes = JSON.stringify(lines()).length;
    expect(bytes).toBeLessThan(30_000);
    expect(lines()[0]).toMatchObject({ file: 'faq/part-0.md', line: 1 });
    const summary = lines().at(-1)!;
    expect(summary).toMatchObject({ errors: 400, changedCount: 600 });
    expect(JSON.stringify(summary)).toContain('article-number-0.md');
  });

  it('a successful reload of hundreds of files is one short line', () => {
    const { logger, lines } = captureLogger();
    logReload(logger, { ok: true, applied: true, errors: [], files: [], stats: { articles: 600, passages: 9000, indexBuiltAt: '' } }, changed);
    expect(lines()).toHaveLength(1);
    expect(JSON.stringify(lines()).length).toBeLessThan(5_000);
    expect(lines()[0]).toMatchObject({ changedCount: 600 });
  });
});
