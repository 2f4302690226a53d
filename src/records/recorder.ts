/** Where questions and feedback go. Channels call it; storage is swappable (memory, SQLite, PostgreSQL). */
export type Channel = 'cli' | 'telegram' | 'web';

export interface QuestionRecord {
  channel: Channel;
  /** private, group, supergroup, inline, widget, … */
  chatType: string;
  question: string;
  answered: boolean;
  passageIds: string[];
  scores: number[];
  latencyMs: number;
  /** Salted hash of the user id, never the id in clear (null when unknown). */
  userHash: string | null;
  chatHash: string | null;
  at: Date;
}

export interface FeedbackRecord {
  channel: Channel;
  question: string;
  passageId: string;
  vote: 'up' | 'down';
  userHash: string | null;
  at: Date;
}

/** Where a question came from, as each channel knows it. */
export type QuestionSource = Pick<QuestionRecord, 'channel' | 'chatType' | 'userHash' | 'chatHash'>;

/**
 * The record of one question: what was answered (the quoted passages and their scores) and
 * how long it took since `startedMs` (a `performance.now()` reading). Every channel records through this.
 */
export function questionRecord(
  answer: { question: string; answered: boolean; results: ReadonlyArray<{ passageId: string; score: number }> },
  source: QuestionSource,
  startedMs: number,
): QuestionRecord {
  return {
    ...source,
    question: answer.question,
    answered: answer.answered,
    passageIds: answer.results.map((r) => r.passageId),
    scores: answer.results.map((r) => r.score),
    latencyMs: Math.round(performance.now() - startedMs),
    at: new Date(),
  };
}

/**
 * Where a channel puts what it answered. Every implementation (memory, SQLite, PostgreSQL)
 * keeps these promises, and channels rely on them:
 *
 * 1. **Durable before the reply.** When the returned value settles (at once for `void`, when
 *    the promise resolves otherwise), the record is stored where a crash of this process
 *    (`kill -9`) cannot lose it: SQLite commits one INSERT in WAL mode (about 0.1 ms);
 *    PostgreSQL resolves after its INSERT is committed. Channels call it after answering and
 *    **before sending** the answer (awaiting `guardedRecorder`'s result), so an answer a person received
 *    is always on record. Nothing is queued in memory for later, except by the PostgreSQL
 *    store while its database is unreachable: a bounded buffer, written when it is back.
 * 2. **Bounded.** A slow or stuck store must not hold answers: a synchronous write is bounded
 *    by the store itself (SQLite's busy timeout, 200 ms); a promise is awaited at most
 *    RECORD_WAIT_MS (`guardedRecorder`), then the answer goes out and the late write is logged.
 * 3. **Never throws, never rejects.** Failures are caught and logged by the implementation
 *    (throttled); an answer never fails because of its record.
 * 4. **One vote per person per answer.** `recordFeedback` with a non-null `userHash` replaces an
 *    earlier vote of that hash on the same question and passage (the latest wins); votes
 *    without a hash are each kept.
 */
export interface Recorder {
  recordQuestion(record: QuestionRecord): void | Promise<void>;
  recordFeedback(record: FeedbackRecord): void | Promise<void>;
}

/** Keeps records in memory (tests, and the default until a database is configured). */
export function createMemoryRecorder(): Recorder & { questions: QuestionRecord[]; feedback: FeedbackRecord[] } {
  const questions: QuestionRecord[] = [];
  const feedback: FeedbackRecord[] = [];
  return {
    questions,
    feedback,
    recordQuestion: (r) => void questions.push(r),
    recordFeedback: (r) => {
      // One vote per user, question and passage: the latest replaces the earlier.
      const earlier = r.userHash === null ? -1 : feedback.findIndex((f) => f.userHash === r.userHash && f.question === r.question && f.passageId === r.passageId);
      if (earlier >= 0) feedback.splice(earlier, 1);
      feedback.push(r);
    },
  };
}
