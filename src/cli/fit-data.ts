import { createHash } from 'node:crypto';
import { analyzeQuestion } from '../answer/analyze.js';
import type { Trees } from '../answer/boosted-trees.js';
import { chooseExcerpt, sentenceSpans } from '../answer/excerpt.js';
import { SENTENCE_FEATURES, sentenceFeatures, sentenceQuery, type SentenceModel, type SentenceQuery } from '../answer/sentence-model.js';
import { createSearchIndex, type SearchIndex } from '../search/search-index.js';
import { createSynonyms } from '../search/synonyms.js';
import { normalize } from '../text/normalize.js';
import { loadDictionary } from '../text/segment.js';
import { readSetPassages, type EvalQuestion } from './eval-data.js';
import { fitLogit, type Group } from './fit-logit.js';
import { fitTrees } from './fit-trees.js';

/** The small fixed fit the tests repeat: the first passages of the pool and the first questions about them. */
export const CHECK = { passages: 300, questions: 150 };

/** The sentence model fitted on feature groups: the weights (fit-logit.ts), then trees on top of them (fit-trees.ts). */
export function fitModel(groups: Group[]): { weights: number[]; trees: Trees } {
  const { weights } = fitLogit(groups, SENTENCE_FEATURES.length);
  return { weights, trees: fitTrees(groups, weights, SENTENCE_FEATURES.length) };
}

/**
 * The fit on the check subset: its weights, and a digest of its trees (the tests compare
 * both with what sentence-weights.ts recorded).
 */
export function checkFit(groups: Group[]): { weights: number[]; trees: string } {
  const { weights, trees } = fitModel(groups);
  return { weights, trees: createHash('sha256').update(JSON.stringify(trees)).digest('hex').slice(0, 16) };
}

/**
 * A digest of every feature row and label the fit learns from (features to 1e-9): a refit is
 * needed exactly when the code computes other features for the training questions than the
 * ones the model was fitted on, whatever changed (question reading, normalization, synonyms).
 */
export function featureDigest(groups: Group[]): string {
  const hash = createHash('sha256');
  for (const { rows, labels } of groups) hash.update(`${rows.map((r) => r.map((x) => Math.round(x * 1e9)).join(',')).join(';')}|${labels.join(',')}\n`);
  return hash.digest('hex').slice(0, 16);
}

export interface Pool {
  index: SearchIndex;
  byId: Map<string, { text: string; title: string }>;
}

/** An eval set's passage pool, indexed as the answer path indexes it. */
export function poolOf(set: string, maxPassages = Infinity): Pool {
  loadDictionary();
  const { passages } = readSetPassages(set);
  const some = passages.slice(0, maxPassages);
  return { index: createSearchIndex(some, createSynonyms([])), byId: new Map(some.map((p) => [p.id, { text: p.text, title: p.article }])) };
}

/** One question's gold passage, as the excerpt sees it, with what the question asks. */
export interface SentenceCase {
  text: string;
  title: string;
  query: SentenceQuery;
  answers: string[];
}

/**
 * Feature groups for the sentence model: the sentences of each question's gold passage,
 * the right ones being those that hold a gold answer whole (where none does, an answer
 * running over sentences, the one where the first gold answer starts). Passages short
 * enough to be quoted whole have no choice to learn from and are left out of the groups
 * (kept as cases).
 */
export function fitGroups(pool: Pool, questions: EvalQuestion[]): { sentence: Group[]; cases: SentenceCase[] } {
  const sentence: Group[] = [];
  const cases: SentenceCase[] = [];
  for (const q of questions) {
    const gold = pool.byId.get(q.passage_id ?? '');
    if (!gold) continue;
    const at = Math.min(...q.answers.map((g) => gold.text.indexOf(g)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) continue;
    const query = sentenceQuery(analyzeQuestion(q.question, pool.index));
    cases.push({ text: gold.text, title: gold.title, query, answers: q.answers });
    const spans = sentenceSpans(gold.text);
    const first = spans.findIndex((s) => s.start <= at && at < s.end);
    if (first < 0 || spans.length < 2) continue;
    const holding = spans.flatMap((s, i) => (q.answers.some((g) => gold.text.slice(s.start, s.end).includes(g)) ? [i] : []));
    const norms = spans.map((s) => normalize(gold.text.slice(s.start, s.end)));
    sentence.push({ rows: sentenceFeatures(query, norms, normalize(gold.title)), labels: holding.length ? holding : [first] });
  }
  return { sentence, cases };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

/** Excerpt hits and the median quote length on gold passages, for one neighbour mass (and second-sentence mass). */
export function excerptRun(cases: SentenceCase[], model: SentenceModel, neighbourMass: number, secondMass = 1): { hit: number; median: number } {
  let hits = 0;
  const lengths: number[] = [];
  for (const c of cases) {
    const e = chooseExcerpt(c.text, c.query, undefined, { title: c.title, neighbourMass, secondMass, model });
    if (c.answers.some((g) => e.excerpt.includes(g))) hits++;
    lengths.push([...e.excerpt].length);
  }
  return { hit: hits / Math.max(1, cases.length), median: median(lengths) };
}
