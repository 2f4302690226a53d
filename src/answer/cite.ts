import type { AnswerResult } from './types.js';

type Place = Pick<AnswerResult, 'article' | 'section' | 'paragraph' | 'page'>;

/**
 * The two parts of every citation: the article title in 《》 (channels may link it to
 * the article) and where in the article: `底气十足 · 第5段` (a PDF's page too: `第3页 第5段`).
 * Channels add markup, never words.
 */
export function citationParts(r: Place): { title: string; where: string } {
  // Paragraph 0 is the title and byline (answers about the article itself): no 第N段.
  const paragraph = r.paragraph > 0 ? `${r.page ? `第${r.page}页 ` : ''}第${r.paragraph}段` : null;
  return { title: `《${r.article}》`, where: [r.section, paragraph].filter(Boolean).join(' · ') };
}

/** Where a passage is, for people: `《向南开放看郴州》· 底气十足 · 第5段`. */
export function place(r: Place): string {
  const { title, where } = citationParts(r);
  return `${title}· ${where}`;
}

/**
 * The citation line every channel shows under an excerpt:
 * `——《向南开放看郴州》· 底气十足 · 第5段`. Channels add links or markup around it.
 */
export function citation(r: Place): string {
  return `——${place(r)}`;
}

/** Only http(s) links from article and FAQ metadata: a `javascript:` or `data:` url must never become a link. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
