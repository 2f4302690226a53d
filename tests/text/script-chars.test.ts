import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptCharsModule } from '../../scripts/script-chars.js';
import { questionScript, textScript, toScript } from '../../src/text/script.js';

describe('the characters only one script writes', () => {
  it('are what OpenCC says today (else run `npx tsx scripts/script-chars.ts`)', () => {
    expect(readFileSync(new URL('../../src/text/script-chars.ts', import.meta.url), 'utf8')).toBe(scriptCharsModule());
  }, 30_000);

  it('tell the script of a question, and conversion lands in it', () => {
    expect(questionScript('东江湖的蓄水量有多大')).toBe('zh-Hans');
    expect(questionScript('東江湖的蓄水量有多大')).toBe('zh-Hant-TW');
    expect(questionScript('東江湖嘅蓄水量係幾多')).toBe('zh-Hant-HK');
    expect(questionScript('蓄水量呢')).toBeNull();
    expect(questionScript(toScript('郴州的软件园和头发', 'zh-Hant-TW'))).toBe('zh-Hant-TW');
    expect(questionScript(toScript('郴州的软件园里面', 'zh-Hant-HK'))).toBe('zh-Hant-HK');
    expect(questionScript(toScript('鄉親們說東江湖', 'zh-Hans'))).toBe('zh-Hans');
    expect(textScript(toScript('东江湖蓄水量81.2亿立方米,水质常年可达直接饮用标准', 'zh-Hant-TW'))).toBe('zh-Hant-TW');
  });
});
