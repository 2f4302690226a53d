/** What a parser gets out of one file, before passages get ids and numbers. */
export interface ParsedArticle {
  title: string;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  paragraphs: Array<{ section: string | null; text: string }>;
}

/** Sentence-final punctuation: a line that ends otherwise continues in the next one. */
export const SENTENCE_END = /[。！？!?…；;」』”"’）)】]$/u;
