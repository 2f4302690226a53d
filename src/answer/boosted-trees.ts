/**
 * Regression trees added to the sentence model's linear score (`npm run fit` grows them on
 * what the linear model gets wrong: cli/fit-trees.ts). All trees' nodes live in flat arrays:
 * node k splits when `feature[k] >= 0` (left when x[feature] <= threshold, else right), and is
 * a leaf holding `value[k]` otherwise. `roots` are the first node of each tree.
 */
export interface Trees {
  /** The shrinkage every tree's output is multiplied by. */
  eta: number;
  roots: number[];
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export const NO_TREES: Trees = { eta: 0, roots: [], feature: [], threshold: [], left: [], right: [], value: [] };

/** The trees' summed output for one row of features. */
export function treeSum(t: Trees, x: readonly number[]): number {
  let sum = 0;
  for (const root of t.roots) {
    let k = root;
    while (t.feature[k]! >= 0) k = x[t.feature[k]!]! <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
    sum += t.value[k]!;
  }
  return t.eta * sum;
}
