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
