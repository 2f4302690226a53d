// Only the conversions into Simplified (opencc-js/t2cn: 0.1 MB of tables where the full package is 1.2 MB).
import * as OpenCC from 'opencc-js/t2cn';
import { COLLOQUIAL_MAP, COLLOQUIAL_PATTERN } from './colloquial.js';
import { identity, mapSameLength, replaceMapped, type MappedText } from './mapped-text.js';
import { NUMERAL_PATTERN, NUMERATOR_PATTERN, PERCENT_PATTERN, parseChineseNumber, percentOf } from './numerals.js';
import { CONVERTIBLE_CHARS } from './script-chars.js';

// Character-level conversion (no phrase tables) keeps lengths, so offsets map back
// to the original. 'hk' and 'tw' together cover Hong Kong, Macau and Taiwan forms.
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

/**
 * Characters that conversion changes on their own (東, 灣, 著 …; about 3,600).
 * Text with none of them (most Simplified text) skips OpenCC, which was an
 * eighth of the time of a question. Generated from OpenCC by scripts/script-chars.ts
 * (computing it here took ~80 ms of every start).
 */
const CONVERTIBLE = new RegExp(`[${CONVERTIBLE_CHARS}]`, 'u');

/** Lone surrogates and control characters carry no meaning for matching. */
const NOISE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Normalizes text for matching only (display keeps the original): NFKC
 * (full-width → half-width), Latin lower-case, Traditional → Simplified,
 * Cantonese question words → Mandarin, Chinese numerals before units → digits
 * (and fractions: 四分之三 → 4分之3), percentages as words → 75%.
 * Returns the normalized text with a map back to the original offsets.
 */
export function normalizeMapped(original: string): MappedText {
  let t = identity(original);
  t = replaceMapped(t, NOISE, () => ' ');
  // NFKC per character keeps the map exact where it changes lengths (①, ㎡).
  t = replaceMapped(t, /[^\u0000-\u007f\u4e00-\u9fff]/gu, (m) => m[0].normalize('NFKC'));
  t = mapSameLength(t, (s) => (CONVERTIBLE.test(s) ? fromTaiwan(fromHongKong(s.toLowerCase())) : s.toLowerCase()));
  t = replaceMapped(t, COLLOQUIAL_PATTERN, (m) => COLLOQUIAL_MAP.get(m[0]) ?? m[0]);
  t = replaceMapped(t, PERCENT_PATTERN, (m) => {
    const n = percentOf(m);
    return n === null ? m[0] : `${n}%`;
  });
  t = replaceMapped(t, NUMERAL_PATTERN, (m) => {
    // A bare 十/百/千 before a noun is usually a word (千层浪, 百家), not a count.
    if (/^[十百千]$/u.test(m[0])) return m[0];
    const n = parseChineseNumber(m[0]);
    return n === null ? m[0] : String(n);
  });
  t = replaceMapped(t, NUMERATOR_PATTERN, (m) => String(parseChineseNumber(m[0]) ?? m[0]));
  return t;
}

/** Normalized text without the offset map. */
export function normalize(original: string): string {
  return normalizeMapped(original).text;
}
