import type { Database } from 'better-sqlite3';
import type { RecordsQuery, StoredFeedback, StoredQuestion } from './query.js';
import type { Channel } from './recorder.js';

interface QuestionRow {
  at: number;
  channel: string;
  chat_type: string;
  question: string;
  answered: number;
  passage_ids: string;
  scores: string;
  latency_ms: number;
}

interface FeedbackRow {
  at: number;
  channel: string;
  question: string;
  passage_id: string;
  vote: 'up' | 'down';
}

/** A JSON array column that a hand-edited or damaged row might not hold: read as empty rather than fail the report. */
function jsonArray<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** Reads the records of a chuchu database (the running recorder's connection, or a read-only one for the CLI). */
export function createSqliteQuery(db: Database): RecordsQuery {
  const questions = db.prepare<[number], QuestionRow>(
    'SELECT at, channel, chat_type, question, answered, passage_ids, scores, latency_ms FROM questions WHERE at >= ? ORDER BY at',
  );
  const feedback = db.prepare<[number], FeedbackRow>('SELECT at, channel, question, passage_id, vote FROM feedback WHERE at >= ? ORDER BY at');
  return {
    questions: (since): StoredQuestion[] =>
      questions.all(since.getTime()).map((r) => ({
        channel: r.channel as Channel,
        chatType: r.chat_type,
        question: r.question,
        answered: r.answered === 1,
        passageIds: jsonArray<string>(r.passage_ids),
        scores: jsonArray<number>(r.scores),
        latencyMs: r.latency_ms,
        at: new Date(r.at),
      })),
    feedback: (since): StoredFeedback[] =>
      feedback.all(since.getTime()).map((r) => ({
        channel: r.channel as Channel,
        question: r.question,
        passageId: r.passage_id,
        vote: r.vote,
        at: new Date(r.at),
      })),
  };
}
