/**
 * A conditional logit (softmax over the choices of one group: the sentences of one
 * passage), fitted by full-batch gradient descent from zero with a small L2 penalty.
 * A group may have several right choices (every sentence that holds the answer): the
 * fit maximizes the probability of choosing any of them, which is what a quote needs.
 * Deterministic: the same groups in the same order give the same weights, bit for bit.
 */
export interface Group {
  rows: number[][];
  /** Indexes of the right choices in `rows` (at least one). */
  labels: number[];
}

export const FIT = { iterations: 400, learningRate: 0.5, l2: 1e-3 };

const dot = (row: number[], w: readonly number[]) => row.reduce((s, x, i) => s + x * w[i]!, 0);

/** Mean negative log-likelihood of choosing a right choice (and its gradient). */
function lossAndGradient(groups: Group[], w: number[]): { loss: number; grad: number[] } {
  const grad = w.map((x) => FIT.l2 * x);
  let loss = 0;
  for (const { rows, labels } of groups) {
    const scores = rows.map((r) => dot(r, w));
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const z = exps.reduce((a, b) => a + b, 0);
    const right = labels.reduce((a, j) => a + exps[j]!, 0);
    loss += Math.log(z) - Math.log(right);
    rows.forEach((r, j) => {
      const p = exps[j]! / z - (labels.includes(j) ? exps[j]! / right : 0);
      for (let i = 0; i < w.length; i++) grad[i]! += (p * r[i]!) / groups.length;
    });
  }
  return { loss: loss / groups.length, grad };
}

export function fitLogit(groups: Group[], features: number): { weights: number[]; loss: number } {
  let w = new Array<number>(features).fill(0);
  let loss = Infinity;
  for (let it = 0; it < FIT.iterations; it++) {
    const r = lossAndGradient(groups, w);
    loss = r.loss;
    w = w.map((x, i) => x - FIT.learningRate * r.grad[i]!);
  }
  return { weights: w.map((x) => Math.round(x * 1e6) / 1e6 || 0), loss: Math.round(loss * 1e6) / 1e6 };
}

/**
 * Share of groups whose highest score is a right choice (a tie with a wrong one counts against);
 * scored by weights, or by any function of a row (the weights plus trees).
 */
export function accuracy(groups: Group[], w: readonly number[] | ((row: number[]) => number)): number {
  const score = typeof w === 'function' ? w : (row: number[]) => dot(row, w);
  let right = 0;
  for (const { rows, labels } of groups) {
    const scores = rows.map(score);
    const best = Math.max(...scores);
    if (scores.every((s, j) => labels.includes(j) || s < best) && labels.some((j) => scores[j] === best)) right++;
  }
  return groups.length ? right / groups.length : 0;
}
