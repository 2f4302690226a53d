// The fitted sentence weights are what `npm run fit` produces: their feature names are the
// code's, and the same fit on a small fixed part of cmrc2018-train gives the weights it
// recorded, and every training question's features are those it was fitted on, so a change to
// the features, to how questions are read, or to the fit without a refit fails here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelScore, SENTENCE_FEATURES } from '../../src/answer/sentence-model.js';
import { SENTENCE_WEIGHTS } from '../../src/answer/sentence-weights.js';
import { readQuestions } from '../../src/cli/eval-data.js';
import { CHECK, checkFit, featureDigest, fitGroups, poolOf } from '../../src/cli/fit-data.js';
import { accuracy, fitLogit } from '../../src/cli/fit-logit.js';
import { BOOST, fitTrees } from '../../src/cli/fit-trees.js';
import { SENTENCE_TREES } from '../../src/answer/sentence-trees.js';

const TRAIN = path.resolve('../shared/eval/cmrc2018-train');

describe('sentence-weights.ts', () => {
  it('names the features the code computes, and was fitted on all of the training set', () => {
    expect(SENTENCE_WEIGHTS.features).toEqual([...SENTENCE_FEATURES]);
    expect(SENTENCE_WEIGHTS.weights).toHaveLength(SENTENCE_FEATURES.length);
    expect(SENTENCE_WEIGHTS.fittedOn).toBeGreaterThan(10000);
    expect(SENTENCE_WEIGHTS.neighbourMass).toBeGreaterThan(0.5);
    expect(SENTENCE_WEIGHTS.neighbourMass).toBeLessThanOrEqual(1);
    // The trees beside them are the fit's: as many as it grows, with its shrinkage, every node well formed.
    expect(SENTENCE_TREES.roots).toHaveLength(BOOST.trees);
    expect(SENTENCE_TREES.eta).toBe(BOOST.eta);
    SENTENCE_TREES.feature.forEach((f, k) => {
      if (f < 0) return;
      expect(f).toBeLessThan(SENTENCE_FEATURES.length);
      expect(SENTENCE_TREES.left[k]).toBeGreaterThan(k);
      expect(SENTENCE_TREES.right[k]).toBeGreaterThan(k);
    });
  });

  it.skipIf(!existsSync(TRAIN))('was fitted on the features the code computes today for every training question', () => {
    // Any change to how questions or sentences are read (normalization, synonyms, question types,
    // a feature) that reaches a training question changes this digest: run npm run fit.
    const pool = poolOf(TRAIN);
    const { sentence } = fitGroups(pool, readQuestions(path.join(TRAIN, 'questions.jsonl')));
    expect(featureDigest(sentence), 'the features changed since the model was fitted: run npm run fit').toBe(SENTENCE_WEIGHTS.fittedOnFeatures);
  }, 120_000);

  it.skipIf(!existsSync(TRAIN))('matches a refit on the fixed check subset of cmrc2018-train', () => {
    const pool = poolOf(TRAIN, CHECK.passages);
    const questions = readQuestions(path.join(TRAIN, 'questions.jsonl')).filter((q) => pool.byId.has(q.passage_id!)).slice(0, CHECK.questions);
    expect(SENTENCE_WEIGHTS.check).toMatchObject(CHECK);
    const { sentence } = fitGroups(pool, questions);
    expect(sentence.length).toBeGreaterThan(CHECK.questions / 2);
    const { weights, trees } = SENTENCE_WEIGHTS.check;
    expect(checkFit(sentence)).toEqual({ weights, trees });
  }, 60_000);
});

describe('the conditional-logit fit', () => {
  it('learns which feature marks the right choice, deterministically', () => {
    // Feature 0 marks the right choice; feature 1 is noise that favours a wrong one half of the time.
    const groups = Array.from({ length: 40 }, (_, g) => ({
      rows: [0, 1, 2].map((j) => [j === g % 3 ? 1 : 0, j === (g + (g % 2)) % 3 ? 1 : 0]),
      labels: [g % 3],
    }));
    const a = fitLogit(groups, 2);
    expect(a.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(a.weights[1]!)).toBeLessThan(a.weights[0]!);
    expect(accuracy(groups, a.weights)).toBe(1);
    expect(fitLogit(groups, 2)).toEqual(a);
  });

  it('with several right choices, learns what marks any of them, and counts a choice of either as right', () => {
    // Feature 0 marks both right choices (0 and 1); feature 1 marks only choice 1 half of the time, and a wrong one otherwise.
    const groups = Array.from({ length: 40 }, (_, g) => ({
      rows: [0, 1, 2].map((j) => [j < 2 ? 1 : 0, j === (g % 2 ? 1 : 2) ? 1 : 0]),
      labels: [0, 1],
    }));
    const { weights } = fitLogit(groups, 2);
    expect(weights[0]).toBeGreaterThan(1);
    expect(Math.abs(weights[1]!)).toBeLessThan(weights[0]!);
    expect(accuracy(groups, [1, 0])).toBe(1); // right choices tied with each other, above every wrong one
    expect(accuracy([{ rows: [[1], [1], [0]], labels: [0] }], [1])).toBe(0); // tied with a wrong one
  });
});

describe('the boosted trees on the logit', () => {
  it('learn a threshold a weighted sum cannot, deterministically', () => {
    // The right choice is the one whose feature 0 is in the middle (0.5), between a low and a high one.
    const groups = Array.from({ length: 60 }, (_, g) => {
      const values = [0.1, 0.5, 0.9];
      const order = [g % 3, (g + 1) % 3, (g + 2) % 3];
      return { rows: order.map((k) => [values[k]!]), labels: [order.indexOf(1)] };
    });
    const weights = fitLogit(groups, 1).weights;
    expect(accuracy(groups, weights)).toBeLessThan(0.5);
    const trees = fitTrees(groups, weights, 1);
    expect(accuracy(groups, (row) => modelScore({ weights, trees }, row))).toBe(1);
    expect(fitTrees(groups, weights, 1)).toEqual(trees);
  });
});
