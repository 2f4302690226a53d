import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Passage } from '../knowledge/types.js';

/** One question of an eval set (format: ../shared/eval/README.md). */
export interface EvalQuestion {
  id: string;
  question: string;
  answers: string[];
  passage_id?: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`${file}:${i + 1}: not a JSON line`);
      }
    });
}

export const readQuestions = (file: string) => readJsonl<EvalQuestion>(file);

/** The raw passages of an eval set. */
export const readSetRows = (dir: string) => readJsonl<{ id: string; title: string; text: string }>(path.join(dir, 'passages.jsonl'));

/** An eval set's passages as knowledge: each passage is one paragraph of an article named by its title. */
export function readSetPassages(dir: string): { passages: Passage[]; articles: Article[] } {
  const rows = readSetRows(dir);
  const passages = rows.map(
    (r): Passage => ({
      id: r.id,
      articleId: r.id,
      article: r.title,
      section: null,
      paragraph: 1,
      text: r.text,
      source: null,
      author: null,
      date: null,
      url: null,
    }),
  );
  const articles = rows.map(
    (r): Article => ({ id: r.id, title: r.title, subtitle: null, source: null, author: null, byline: null, examples: [], date: null, url: null, file: 'passages.jsonl', sections: [] }),
  );
  return { passages, articles };
}
