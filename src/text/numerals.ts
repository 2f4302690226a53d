/**
 * Chinese numerals before a unit or measure word become digits (两个小时 → 2个小时),
 * so questions and articles that write numbers differently still match. Numerals
 * elsewhere (一石激起千层浪, 一系列) are left alone: they are words, not quantities, and so is
 * 哪一 (哪一种 asks which kind; read as 哪1种 it searched for the number 1).
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

const UNIT_WORDS =
  '个|小时|钟头|分钟|秒|天|日|周|星期|月|年|岁|元|块|角|分|万|亿|处|项|座|条|家|名|位|人|次|倍|成|公里|千米|米|公斤|千克|吨|平方|立方|亩|层|所|台|辆|架|种|批|届|期';

/** Numerals (at most 4 characters, so 一一 and long idioms are not touched) followed by a unit. */
export const NUMERAL_PATTERN = new RegExp(`(?<!哪)[零〇一二两三四五六七八九十百千]{1,4}(?=${UNIT_WORDS})`, 'gu');

/**
 * Where a number starts on its own: not after a digit, nor after a decimal point (the 5 of 19.5).
 * A dot after anything else is no decimal point: normalized text writes … as ..., so a quote
 * that starts mid-passage may open with ...1997年.
 */
export const NUMBER_START = String.raw`(?<!\d|\d\.)`;

/** The numerator of a fraction whose denominator NUMERAL_PATTERN made digits (16分之一 → 16分之1). */
export const NUMERATOR_PATTERN = /(?<=\d分之)[零〇一二两三四五六七八九十百千]{1,4}/gu;

/**
 * A percentage as words (百分之七十五, 百分之12.5): normalize.ts writes it as the articles mostly
 * do, 75%, 12.5% (Taiwan's questions write 百分之75 of a passage's 75%).
 */
export const PERCENT_PATTERN = /百分之(?:([零〇一二两三四五六七八九十百]{1,5})(?:[点點]([零〇一二三四五六七八九]{1,4}))?|(\d+(?:\.\d+)?)(?![\d.]))/gu;

/** The number a PERCENT_PATTERN match names (七十五 → 75, 十六点六七 → 16.67), or null. */
export function percentOf(m: RegExpMatchArray): string | null {
  if (m[3]) return m[3];
  const whole = parseChineseNumber(m[1]!);
  if (whole === null) return null;
  return m[2] ? `${whole}.${[...m[2]].map((c) => DIGITS[c]).join('')}` : String(whole);
}

/** Parses 一..九千九百九十九 (also 十二, 二十, 两百); returns null for anything else. */
export function parseChineseNumber(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch === '零' || ch === '〇') {
      if (digit !== null) return null;
    } else if (ch in DIGITS) {
      if (digit !== null) return null; // 一一: not a number
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      const unit = UNITS[ch]!;
      if (unit >= lastUnit) return null;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}
