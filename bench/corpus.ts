/** The cmrc2018-dev passages replicated ×N with distinct ids: a bigger knowledge base with the same statistics. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readQuestions, readSetPassages, type EvalQuestion } from '../src/cli/eval-data.js';
import type { Article, Passage } from '../src/knowledge/types.js';

export const CMRC_DIR = fileURLToPath(new URL('../../shared/eval/cmrc2018-dev', import.meta.url));
export const SEED_QUESTIONS = fileURLToPath(new URL('../../shared/eval/seed/questions.jsonl', import.meta.url));

export function replicatedCorpus(times: number): { passages: Passage[]; articles: Article[] } {
  const base = readSetPassages(CMRC_DIR);
  const passages: Passage[] = [];
  const articles: Article[] = [];
  for (let r = 0; r < times; r++) {
    // Copy 0 keeps the original ids, so the eval's gold passage ids still point somewhere.
    const suffix = r === 0 ? '' : `#r${r}`;
    for (const p of base.passages) passages.push({ ...p, id: p.id + suffix, articleId: p.articleId + suffix });
    for (const a of base.articles) articles.push({ ...a, id: a.id + suffix });
  }
  return { passages, articles };
}

export const cmrcQuestions = (): EvalQuestion[] => readQuestions(path.join(CMRC_DIR, 'questions.jsonl'));

/** Summary of latencies in ms. */
export function summarize(ms: number[]): { mean: number; p50: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? 0 };
}
