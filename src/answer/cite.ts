import type { AnswerResult } from './types.js';

type Place = Pick<AnswerResult, 'article' | 'section' | 'paragraph'>;

/** Where a passage is, for people: `《向南开放看郴州》· 底气十足 · 第5段`. */
export function place(r: Place): string {
  const rest = [r.section, `第${r.paragraph}段`].filter(Boolean).join(' · ');
  return `《${r.article}》· ${rest}`;
}

/**
 * The citation line every channel shows under an excerpt:
 * `——《向南开放看郴州》· 底气十足 · 第5段`. Channels add links or markup around it.
 */
export function citation(r: Place): string {
  return `——${place(r)}`;
}
