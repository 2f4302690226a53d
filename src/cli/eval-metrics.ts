import type { EvalQuestion } from './eval-data.js';

/** What was observed for one question. */
export interface Observation {
  q: EvalQuestion;
  /** Ranked passage ids (retrieval only); empty when not measured. */
  ranked: string[];
  answered: boolean;
  firstExcerpt: string;
  excerptLength: number;
  latencyMs: number;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((10000 * n) / d) / 100);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Recall@k, MRR@10, excerpt-hit@1, answered and declined rates, latency (ms). Percentages out of 100. */
export function metrics(obs: Observation[]) {
  const withGold = obs.filter((o) => o.q.passage_id && o.ranked.length >= 0);
  const answerable = obs.filter((o) => o.q.answers.length > 0);
  const unanswerable = obs.filter((o) => o.q.answers.length === 0);
  const rankOf = (o: Observation) => o.ranked.indexOf(o.q.passage_id!) + 1;
  const recall = (k: number) => pct(withGold.filter((o) => rankOf(o) > 0 && rankOf(o) <= k).length, withGold.length);
  const latencies = obs.map((o) => o.latencyMs).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    questions: obs.length,
    recallAt1: recall(1),
    recallAt3: recall(3),
    recallAt5: recall(5),
    mrrAt10: withGold.length
      ? round(withGold.reduce((s, o) => s + (rankOf(o) > 0 && rankOf(o) <= 10 ? 1 / rankOf(o) : 0), 0) / withGold.length)
      : null,
    excerptHitAt1: pct(answerable.filter((o) => o.q.answers.some((a) => o.firstExcerpt.includes(a))).length, answerable.length),
    answeredRate: pct(answerable.filter((o) => o.answered).length, answerable.length),
    declineAccuracy: pct(unanswerable.filter((o) => !o.answered).length, unanswerable.length),
    maxExcerptLength: Math.max(0, ...obs.map((o) => o.excerptLength)),
    medianExcerptLength: percentile(obs.filter((o) => o.answered).map((o) => o.excerptLength).sort((a, b) => a - b), 50),
    latencyMs: {
      mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
    },
  };
}
