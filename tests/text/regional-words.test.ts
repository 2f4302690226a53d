import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionalWordsModule } from '../../scripts/regional-words.js';
import { createSynonyms } from '../../src/search/synonyms.js';
import { normalize } from '../../src/text/normalize.js';
import { REGIONAL_WORDS } from '../../src/text/regional-words.js';
import { loadDictionary, words } from '../../src/text/segment.js';

describe('the words Taiwan and Hong Kong write for mainland ones', () => {
  it('are what OpenCC and jieba say today (else run `npx tsx scripts/regional-words.ts`)', () => {
    expect(readFileSync(new URL('../../src/text/regional-words.ts', import.meta.url), 'utf8')).toBe(regionalWordsModule());
  }, 30_000);

  it('match the mainland word, and words mainland text writes too are left out', () => {
    const synonyms = createSynonyms([]);
    const same = (a: string, b: string) => synonyms.canonical(normalize(a)) === synonyms.canonical(normalize(b));
    expect(same('網路', '网络')).toBe(true);
    expect(same('計程車', '出租车')).toBe(true);
    expect(same('的士', '出租车')).toBe(true);
    expect(same('紐西蘭', '新西兰')).toBe(true);
    expect(same('執行', '运行')).toBe(false);
    expect(same('資料', '数据')).toBe(false);
    expect(REGIONAL_WORDS.flat()).not.toContain('核心');
  });

  it('are cut whole when jieba does not know them, not read as a name and a noun', () => {
    loadDictionary();
    expect(words(normalize('保護智慧財產權'))).toContain('智慧财产权');
  });
});
