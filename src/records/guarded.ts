import type { Recorder } from './recorder.js';

/** Longest a channel waits for an asynchronous record before it replies anyway. */
export const RECORD_WAIT_MS = 1_000;

export type RecordProblem = { kind: 'failed'; error: unknown } | { kind: 'late'; waitMs: number };

/**
 * The Recorder as channels hold it: `await` each record before replying. A synchronous store
 * (SQLite) has committed when the call returns; an asynchronous one (PostgreSQL) is awaited at
 * most `waitMs`. A throw or a rejection is reported, never passed on: an answer never fails,
 * and never waits without bound, because of its record.
 *
 * @example
 * const recorder = guardedRecorder(store, (p) => logger.warn(p, 'records: problem'));
 * await recorder.recordQuestion(record); // then reply
 */
export function guardedRecorder(recorder: Recorder, report: (problem: RecordProblem) => void, waitMs = RECORD_WAIT_MS): Recorder {
  const guard =
    <T>(write: (record: T) => void | Promise<void>) =>
    (record: T): void | Promise<void> => {
      let pending: void | Promise<void>;
      try {
        pending = write(record);
      } catch (error) {
        report({ kind: 'failed', error });
        return;
      }
      if (!(pending instanceof Promise)) return;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => (report({ kind: 'late', waitMs }), resolve()), waitMs);
      });
      const done = pending.then(
        () => clearTimeout(timer),
        (error: unknown) => {
          clearTimeout(timer);
          report({ kind: 'failed', error });
        },
      );
      return Promise.race([done, late]);
    };
  return { recordQuestion: guard((r) => recorder.recordQuestion(r)), recordFeedback: guard((r) => recorder.recordFeedback(r)) };
}
