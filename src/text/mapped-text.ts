/**
 * A string together with, for each of its UTF-16 units, the offset of the unit
 * of the original text it came from. Normalization steps that change lengths
 * (NFKC of ①, 十二 → 12) keep the map, so a match found in normalized text can
 * be shown (highlighted, cut) in the original text.
 */
export interface MappedText {
  text: string;
  /** map[i] = offset in the original text of normalized unit i; length = text.length + 1 (last = original length). */
  map: number[];
}

export function identity(text: string): MappedText {
  const map = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { text, map };
}

/** Replaces every match of `pattern` (must be global) by `replace(match)`, keeping the map. */
export function replaceMapped(
  input: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
): MappedText {
  let text = '';
  const map: number[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(input.text); m; m = pattern.exec(input.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    text += input.text.slice(last, m.index);
    for (let i = last; i < m.index; i++) map.push(input.map[i]!);
    const out = replace(m);
    text += out;
    // Every unit of a replacement points at the start of what it replaced.
    for (let i = 0; i < out.length; i++) map.push(input.map[m.index]!);
    last = m.index + m[0].length;
  }
  text += input.text.slice(last);
  for (let i = last; i <= input.text.length; i++) map.push(input.map[i]!);
  return { text, map };
}

/** Applies a length-preserving transform to the whole text; falls back to per-unit when the length changes. */
export function mapSameLength(input: MappedText, transform: (s: string) => string): MappedText {
  const out = transform(input.text);
  if (out.length === input.text.length) return { text: out, map: input.map };
  return replaceMapped(input, /[\s\S]/gu, (m) => transform(m[0]));
}
