import { createHash } from 'node:crypto';
import { sentences } from '../text/sentences.js';
import type { ParsedArticle } from './parsed.js';
import type { Article, Passage } from './types.js';

/**
 * Paragraphs longer than this are split at sentence ends. A paragraph is the unit a
 * passage is ranked and cited by, so only a runaway one (a file with no blank lines,
 * a PDF page without breaks) is split. At 400 characters, Wikipedia-length paragraphs
 * were split too and the part holding the answer lost to the part holding the topic:
 * excerpt-hit@1 on cmrc2018-train through a knowledge folder 83.58 (400) vs 85.17 (1,500).
 */
export const MAX_PASSAGE_CHARS = 1500;

const hash = (s: string, n: number) => createHash('sha1').update(s).digest('hex').slice(0, n);

/** Splits a long paragraph after sentence-final punctuation into parts of about MAX_PASSAGE_CHARS. */
export function splitLong(text: string, max = MAX_PASSAGE_CHARS): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  for (const s of sentences(text)) {
    if (current && current.length + s.length > max) {
      parts.push(current);
      current = '';
    }
    current += s;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Turns a parsed file into an article and its passages. Ids are stable: a hash
 * of the file path and the passage text (and its repeat count, for a
 * paragraph that occurs twice), so the same file gives the same ids across restarts.
 */
export function toPassages(file: string, parsed: ParsedArticle): { article: Article; passages: Passage[] } {
  const articleId = hash(file, 8);
  const sections: string[] = [];
  const passages: Passage[] = [];
  const seen = new Map<string, number>();
  parsed.paragraphs.forEach((p, i) => {
    if (p.section && !sections.includes(p.section)) sections.push(p.section);
    for (const text of splitLong(p.text)) {
      const repeat = seen.get(text) ?? 0;
      seen.set(text, repeat + 1);
      passages.push({
        id: `${articleId}-${hash(`${file}\0${text}\0${repeat}`, 8)}`,
        articleId,
        article: parsed.title,
        section: p.section,
        paragraph: i + 1,
        ...(p.page ? { page: p.page } : {}),
        text,
        source: parsed.source,
        author: parsed.author,
        date: parsed.date,
        url: parsed.url,
      });
    }
  });
  const { title, subtitle, source, author, date, url } = parsed;
  const extra = { byline: parsed.byline ?? null, examples: parsed.examples ?? [] };
  return { article: { id: articleId, title, subtitle, source, author, ...extra, date, url, file, sections }, passages };
}
