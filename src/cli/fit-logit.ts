/**
 * A conditional logit (softmax over the choices of one group: the hits of one
 * question, the sentences of one passage), fitted by full-batch gradient
 * descent from zero with a small L2 penalty. Deterministic: the same groups in
 * the same order give the same weights, bit for bit.
 */
export interface Group {
  rows: number[][];
  /** Index of the right choice in `rows`. */
  label: number;
}

export const FIT = { iterations: 400, learningRate: 0.5, l2: 1e-3 };

/** Mean negative log-likelihood of the right choices (and its gradient). */
function lossAndGradient(groups: Group[], w: number[]): { loss: number; grad: number[] } {
  const grad = w.map((x) => FIT.l2 * x);
  let loss = 0;
  for (const { rows, label } of groups) {
    const scores = rows.map((r) => r.reduce((s, x, i) => s + x * w[i]!, 0));
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const z = exps.reduce((a, b) => a + b, 0);
    loss += Math.log(z) + max - scores[label]!;
    rows.forEach((r, j) => {
      const p = exps[j]! / z - (j === label ? 1 : 0);
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
  return { weights: w.map((x) => Math.round(x * 1e6) / 1e6), loss: Math.round(loss * 1e6) / 1e6 };
}

/** Share of groups whose right choice scores highest (ties count against). */
export function accuracy(groups: Group[], w: number[]): number {
  let right = 0;
  for (const { rows, label } of groups) {
    const scores = rows.map((r) => r.reduce((s, x, i) => s + x * w[i]!, 0));
    if (scores.every((s, j) => j === label || s < scores[label]!)) right++;
  }
  return groups.length ? right / groups.length : 0;
}
