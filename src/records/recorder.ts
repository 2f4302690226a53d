/** Where questions and feedback go. Channels call it; storage is swappable (memory, JSONL, SQLite). */
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

/** Recording must never slow or fail an answer: implementations catch and log their own errors. */
export interface Recorder {
  recordQuestion(record: QuestionRecord): void;
  recordFeedback(record: FeedbackRecord): void;
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
