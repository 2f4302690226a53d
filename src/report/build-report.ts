import { normalize } from '../text/normalize.js';
import type { RecordsQuery, StoredFeedback, StoredQuestion } from '../records/query.js';
import type { Channel } from '../records/recorder.js';
import { groupDeclined } from './group-declined.js';
import { UNKNOWN_ARTICLE, type ArticleUse, type ChannelStats, type DislikedAnswer, type PassageLookup, type Report } from './types.js';

const DEFAULT_LIMIT = 20;

function statsOf(channel: Channel | 'all', questions: StoredQuestion[]): ChannelStats {
  const answered = questions.filter((q) => q.answered).length;
  const asked = questions.length;
  return { channel, asked, answered, declined: asked - answered, answeredShare: asked ? answered / asked : 0 };
}

/** Asked and answered per channel, busiest first. */
export function channelStats(questions: StoredQuestion[]): ChannelStats[] {
  const by = new Map<Channel, StoredQuestion[]>();
  for (const q of questions) by.set(q.channel, [...(by.get(q.channel) ?? []), q]);
  return [...by].map(([channel, qs]) => statsOf(channel, qs)).sort((a, b) => b.asked - a.asked || a.channel.localeCompare(b.channel));
}

/** Votes per (question, passage), most 👎 first; only answers with at least one 👎. */
export function dislikedAnswers(feedback: StoredFeedback[], lookup: PassageLookup): DislikedAnswer[] {
  const by = new Map<string, DislikedAnswer>();
  for (const f of feedback) {
    // The same question typed differently (full-width, Traditional) is the same answer.
    const key = `${f.passageId}\u0000${normalize(f.question).replace(/\s+/gu, '')}`;
    const row = by.get(key) ?? { question: f.question, passageId: f.passageId, down: 0, up: 0 };
    row[f.vote]++;
    by.set(key, row);
  }
  return [...by.values()]
    .filter((r) => r.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up || a.question.localeCompare(b.question))
    .map((r) => ({ ...r, ...(lookup(r.passageId) ?? {}) }));
}

/** Articles by how many answers quoted them first (the excerpt people saw on top). */
export function articleUse(questions: StoredQuestion[], lookup: PassageLookup): ArticleUse[] {
  const by = new Map<string, { answers: number; passages: Set<string> }>();
  for (const q of questions) {
    const top = q.answered ? q.passageIds[0] : undefined;
    if (!top) continue;
    const article = lookup(top)?.article ?? UNKNOWN_ARTICLE;
    const row = by.get(article) ?? { answers: 0, passages: new Set<string>() };
    row.answers++;
    row.passages.add(top);
    by.set(article, row);
  }
  return [...by]
    .map(([article, r]) => ({ article, answers: r.answers, passages: r.passages.size }))
    .sort((a, b) => b.answers - a.answers || a.article.localeCompare(b.article));
}

/**
 * The manager's report over [since, now): pure over the records query and a passage
 * lookup into the current knowledge, so the CLI, the bot and the admin route agree.
 */
export function buildReport(query: RecordsQuery, lookup: PassageLookup, options: { since: Date; now?: Date; limit?: number }): Report {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const questions = query.questions(options.since);
  const feedback = query.feedback(options.since);
  return {
    since: options.since.toISOString(),
    until: (options.now ?? new Date()).toISOString(),
    channels: channelStats(questions),
    total: statsOf('all', questions),
    declined: groupDeclined(questions.filter((q) => !q.answered).map((q) => q.question)).slice(0, limit),
    disliked: dislikedAnswers(feedback, lookup).slice(0, limit),
    articles: articleUse(questions, lookup).slice(0, limit),
  };
}
