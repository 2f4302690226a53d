import type { FeedbackRecord, QuestionRecord } from './recorder.js';

/** A question as read back for reports (no user or chat hash: reports never need them). */
export type StoredQuestion = Omit<QuestionRecord, 'userHash' | 'chatHash'>;

export type StoredFeedback = Omit<FeedbackRecord, 'userHash'>;

/** Read access to the records, for reports: the questions and votes at or after `since`. */
export interface RecordsQuery {
  questions(since: Date): StoredQuestion[];
  feedback(since: Date): StoredFeedback[];
}

/** The same reads where the store may answer later (PostgreSQL); reports take either. */
export interface RecordsReader {
  questions(since: Date): StoredQuestion[] | Promise<StoredQuestion[]>;
  feedback(since: Date): StoredFeedback[] | Promise<StoredFeedback[]>;
}

/** A query over records kept in memory (the fallback when the database cannot be opened). */
export function memoryQuery(records: { questions: QuestionRecord[]; feedback: FeedbackRecord[] }): RecordsQuery {
  return {
    questions: (since) =>
      records.questions
        .filter((q) => q.at >= since)
        .map(({ channel, chatType, question, answered, passageIds, scores, latencyMs, at }) => ({
          channel, chatType, question, answered, passageIds, scores, latencyMs, at,
        })),
    feedback: (since) =>
      records.feedback.filter((f) => f.at >= since).map(({ channel, question, passageId, vote, at }) => ({ channel, question, passageId, vote, at })),
  };
}
