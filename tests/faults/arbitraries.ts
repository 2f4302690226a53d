import fc from 'fast-check';

/** Code units that break naive text handling: emoji (with ZWJ), combining marks, RTL marks, lone surrogates, controls, HTML specials. */
const NASTY = [
  '😀', '👨‍👩‍👧', '🇨🇳', '\u0301', '\u0338', '\u202e', '\u200f', '\u061f', 'ש', '\ud800', '\udfff', '\u0000', '\u0007', '\u001b',
  '\r', '\n', '\t', '\u2028', '<', '>', '&', '"', "'", '&amp;', '<b>', '</b>', '\ufeff', '\u200b', '？', '。', '，', '…', '«', '＜',
];

/** One unit of hostile text: mostly Chinese and nasty pieces, sometimes any UTF-16 code unit. */
export const unit = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('81.2', '一百二十', 'ABC', ' ', '郴州', '東江湖') },
);

/** Hostile text up to `maxLength` units. */
export const hostileText = (maxLength = 300) => fc.array(unit, { maxLength }).map((xs) => xs.join(''));

/** A 10k-character string (a pasted document, or an attack). */
export const hugeText = fc.tuple(hostileText(40), fc.integer({ min: 9_000, max: 11_000 })).map(([s, n]) => (s || '字').repeat(Math.ceil(n / Math.max(1, s.length || 1))).slice(0, n));
