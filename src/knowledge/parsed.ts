import type { Article } from './types.js';

/** What a parser gets out of one file, before passages get ids and numbers. */
export interface ParsedArticle extends Pick<Article, 'title' | 'subtitle' | 'source' | 'author' | 'date' | 'url'>, Partial<Pick<Article, 'byline' | 'examples'>> {
  paragraphs: Array<{ section: string | null; text: string; page?: number }>;
}
