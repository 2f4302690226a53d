/**
 * The sentence model: which sentence of a passage answers the question. Its score of a
 * sentence is a weighted sum of the features (sentence-features.ts) plus boosted regression
 * trees on them, both fitted on cmrc2018-train by `npm run fit` (DESIGN.md, "Excerpts").
 */
import { treeSum, type Trees } from './boosted-trees.js';
import { SENTENCE_FEATURES, sentenceFeatures, type SentenceQuery } from './sentence-features.js';
import { SENTENCE_TREES } from './sentence-trees.js';
import { SENTENCE_WEIGHTS } from './sentence-weights.js';

export { SENTENCE_FEATURES, sentenceFeatures, sentenceQuery, type SentenceQuery, type WeightedTerm } from './sentence-features.js';

/** A weighted sum of the features, plus regression trees on them. */
export interface SentenceModel {
  weights: readonly number[];
  trees: Trees;
}

/** What `npm run fit` wrote: sentence-weights.ts and sentence-trees.ts. */
export const FITTED_MODEL: SentenceModel = { weights: SENTENCE_WEIGHTS.weights, trees: SENTENCE_TREES };

/** The fitted log-odds of each sentence answering. */
export function sentenceScores(q: SentenceQuery, sentenceNorms: string[], title: string, model: SentenceModel = FITTED_MODEL): number[] {
  const { features } = SENTENCE_WEIGHTS;
  if (model === FITTED_MODEL && features.join() !== SENTENCE_FEATURES.join()) {
    throw new Error(`sentence-weights.ts names ${features.join(',')}, the code computes ${SENTENCE_FEATURES.join(',')}: run npm run fit`);
  }
  return sentenceFeatures(q, sentenceNorms, title).map((row) => modelScore(model, row));
}

/** The model's score of one row of features. */
export function modelScore(model: SentenceModel, row: readonly number[]): number {
  return row.reduce((s, x, i) => s + x * model.weights[i]!, 0) + treeSum(model.trees, row);
}
