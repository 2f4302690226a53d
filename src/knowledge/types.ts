/** An article as loaded from one knowledge file. */
export interface Article {
  /** Stable id derived from the file path relative to the knowledge folder. */
  id: string;
  title: string;
  subtitle: string | null;
  source: string | null;
  author: string | null;
  /** The byline as printed (`郴州日报·今日郴州客户端全媒体记者 王路莎`), quoted when someone asks who wrote the article. */
  byline: string | null;
  date: string | null;
  url: string | null;
  /** Example questions the manager listed (front matter `examples`), shown before generated ones. */
  examples: string[];
  /** Path of the knowledge file, relative to the knowledge folder. */
  file: string;
  /** Section headings in order of appearance. */
  sections: string[];
}

/** One body paragraph (or part of a long one): the unit that is indexed and quoted. */
export interface Passage {
  /** Stable: same file and same text give the same id across restarts. */
  id: string;
  articleId: string;
  /** Article title, copied for convenience. */
  article: string;
  section: string | null;
  /** 1-based paragraph number within the article. */
  paragraph: number;
  /** The page it starts on, for articles from a PDF. */
  page?: number;
  /** Original text, untouched, for display. */
  text: string;
  source: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
}
/** One curated question and answer, written by a community manager (knowledge/faq.md). */
export interface FaqEntry {
  /** File it came from (relative to the knowledge folder) and the line of its `## ` heading, for error messages and logs. */
  file: string;
  line: number;
  question: string;
  /** Other ways people ask the same thing (`- 又问：…`). */
  alternates: string[];
  /** Paragraphs separated by a blank line (`\n\n`). */
  answer: string;
  source: string | null;
  url: string | null;
}

/** A word for jieba's dictionary, from userdict.txt, with its part of speech when given (`ns`, `n`, …). */
export interface UserWord {
  word: string;
  tag?: string;
}
