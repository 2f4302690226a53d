import type { Pool, QueryConfig } from 'pg';
import type { RecordsReader, StoredFeedback, StoredQuestion } from './query.js';
import type { Channel } from './recorder.js';

interface QuestionRow {
  at: Date;
  channel: string;
  chat_type: string;
  question: string;
  answered: boolean;
  passage_ids: unknown;
  scores: unknown;
  latency_ms: number;
}

interface FeedbackRow {
  at: Date;
  channel: string;
  question: string;
  passage_id: string;
  vote: 'up' | 'down';
}

/** A JSONB column that a hand-edited row might not hold as an array: read as empty rather than fail the report. */
const array = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Reports read months of rows: longer than the 5 s the pool allows a write. */
const REPORT_TIMEOUT_MS = 60_000;

/** A query with its own client-side timeout: pg reads `query_timeout` per query (lib/client.js), its types do not list it. */
const reportQuery = (text: string, since: Date) => ({ text, values: [since], query_timeout: REPORT_TIMEOUT_MS }) as QueryConfig<[Date]>;

/** Reads the records in PostgreSQL for reports (the same shapes as the SQLite query). */
export function createPgQuery(pool: Pool): RecordsReader {
  return {
    async questions(since): Promise<StoredQuestion[]> {
      const { rows } = await pool.query<QuestionRow, [Date]>(
        reportQuery('SELECT at, channel, chat_type, question, answered, passage_ids, scores, latency_ms FROM questions WHERE at >= $1 ORDER BY at, id', since),
      );
      return rows.map((r) => ({
        channel: r.channel as Channel,
        chatType: r.chat_type,
        question: r.question,
        answered: r.answered,
        passageIds: array<string>(r.passage_ids),
        scores: array<number>(r.scores),
        latencyMs: r.latency_ms,
        at: r.at,
      }));
    },
    async feedback(since): Promise<StoredFeedback[]> {
      const { rows } = await pool.query<FeedbackRow, [Date]>(reportQuery('SELECT at, channel, question, passage_id, vote FROM feedback WHERE at >= $1 ORDER BY at, id', since));
      return rows.map((r) => ({ channel: r.channel as Channel, question: r.question, passageId: r.passage_id, vote: r.vote, at: r.at }));
    },
  };
}
