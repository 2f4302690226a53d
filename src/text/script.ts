import { createRequire } from 'node:module';
import * as ToSimplified from 'opencc-js/t2cn';
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './script-chars.js';

/**
 * The script a reader writes in, as a BCP 47 tag: Simplified, or Traditional
 * as written in Hong Kong (and Macau) or Taiwan.
 */
export type Script = 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-TW';

// Phrase-level conversion (OpenCC's phrase tables, then regional variants): 头发 → 頭髮, not 頭發.
// Each converter is built on first use: the two into Traditional cost ~40 MB and ~0.3 s each, and
// only an answer shown in that script needs one.
const lazy = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
// OpenCC's tables into Traditional (opencc-js/cn2t, 1.1 MB of source) are read only then too.
const toTraditional = lazy(() => createRequire(import.meta.url)('opencc-js/cn2t') as typeof ToSimplified);
const hongKong = lazy(() => toTraditional().Converter({ from: 'cn', to: 'hk' }));
const taiwan = lazy(() => toTraditional().Converter({ from: 'cn', to: 'tw' }));
// Taiwan's own words too (链接 → 連結, 信息 → 資訊): for chuchu's sentences, never for a quote.
const taiwanWords = lazy(() => toTraditional().Converter({ from: 'cn', to: 'twp' }));
const simplifier = lazy(() => {
  const hongKongToCn = ToSimplified.Converter({ from: 'hk', to: 'cn' });
  const taiwanToCn = ToSimplified.Converter({ from: 'tw', to: 'cn' });
  return (s: string) => taiwanToCn(hongKongToCn(s));
});

/** Characters only one script writes (computed from OpenCC by scripts/script-chars.ts). */
const tables = { traditional: new Set(TRADITIONAL_ONLY), simplified: new Set(SIMPLIFIED_ONLY) };

/** Cantonese written words: a question with them is from Hong Kong or Macau. */
const CANTONESE = /[係嘅咩唔喺冇佢嗰啲噉嘢睇畀咗嚟哋乜揾搵邊冚攞咁㗎喎啩咋囉]|幾多|點樣|點解|幾時|而家|聽日|琴日/u;

/** How many characters only Traditional, and only Simplified, writes. */
export function countScriptChars(text: string): { traditional: number; simplified: number } {
  const { traditional, simplified } = tables;
  let t = 0;
  let s = 0;
  for (const c of text) {
    if (traditional.has(c)) t++;
    else if (simplified.has(c)) s++;
  }
  return { traditional: t, simplified: s };
}

/**
 * Forms Hong Kong writes and Taiwan does not (裏 / 裡, 着 / 著, 綫 / 線 …). Hand-picked: OpenCC's
 * variant tables also change forms both regions use (平台 → 平臺), so they cannot tell the two apart.
 */
const HONG_KONG_FORMS = /[裏着綫衞啓鷄户]/u;

function traditionalRegion(text: string): Script {
  return CANTONESE.test(text) || HONG_KONG_FORMS.test(text) ? 'zh-Hant-HK' : 'zh-Hant-TW';
}

/**
 * The script a question is written in, or null when it does not show (no
 * character only one script uses) or is mixed: then the article's own script is kept.
 */
export function questionScript(text: string): Script | null {
  const { traditional, simplified } = countScriptChars(text);
  if (traditional > 0 && simplified === 0) return traditionalRegion(text);
  if (simplified > 0 && traditional === 0) return 'zh-Hans';
  return null;
}

/** The script most of a longer text (an article) is written in; Simplified when it does not show. */
export function textScript(text: string): Script {
  const { traditional, simplified } = countScriptChars(text);
  return traditional > simplified ? traditionalRegion(text) : 'zh-Hans';
}

export const isTraditional = (script: Script) => script !== 'zh-Hans';

/**
 * Converts chuchu's own sentences (a decline's note) into `script` in the words its region uses:
 * Taiwan reads 原文連結 and 資訊, not 原文鏈接 and 信息. A quote keeps the article's words (`toScript`).
 */
export function toScriptWords(text: string, script: Script): string {
  return script === 'zh-Hant-TW' ? taiwanWords()(text) : toScript(text, script);
}

/** Converts text into `script`, phrase by phrase. Text already in it comes back unchanged. */
export function toScript(text: string, script: Script): string {
  if (script === 'zh-Hans') return simplifier()(text);
  return script === 'zh-Hant-HK' ? hongKong()(text) : taiwan()(text);
}

/**
 * Converts text and moves highlight ranges ([start, end) in UTF-16 units) with it.
 * Conversion almost always keeps lengths (軟件 ↔ 软件); when a phrase changes
 * length, each stretch between range boundaries is converted on its own so
 * every range still covers exactly the characters it covered.
 */
export function toScriptMapped(
  text: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  script: Script,
): { text: string; highlights: Array<[number, number]> } {
  const whole = toScript(text, script);
  if (whole.length === text.length) return { text: whole, highlights: highlights.map(([a, b]) => [a, b]) };
  const cuts = [...new Set([0, text.length, ...highlights.flat()])].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const at = new Map<number, number>();
  let out = '';
  for (let i = 0; i < cuts.length; i++) {
    at.set(cuts[i]!, out.length);
    if (i + 1 < cuts.length) out += toScript(text.slice(cuts[i], cuts[i + 1]), script);
  }
  return { text: out, highlights: highlights.map(([a, b]) => [at.get(a) ?? 0, at.get(b) ?? out.length]) };
}
