import type { AnswerResult } from './types.js';

/**
 * The citation line every channel shows under an excerpt:
 * `——《向南开放看郴州》· 底气十足 · 第5段`. Channels add links or markup around it.
 */
export function citation(r: Pick<AnswerResult, 'article' | 'section' | 'paragraph'>): string {
  const rest = [r.section, `第${r.paragraph}段`].filter(Boolean).join(' · ');
  return `——《${r.article}》· ${rest}`;
}
