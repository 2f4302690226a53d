/** The Recorder contract as channels hold it: an asynchronous store (PostgreSQL) is awaited before the reply, bounded. */
import { describe, expect, it } from 'vitest';
import { guardedRecorder, type RecordProblem } from '../../src/records/guarded.js';
import type { Recorder } from '../../src/records/recorder.js';
import { loadEngine, makeApp } from '../server/helpers.js';
import { question } from './helpers.js';

function asyncRecorder(settle: (done: () => void, fail: (e: Error) => void) => void): Recorder & { written: number } {
  const r = {
    written: 0,
    recordQuestion: () => new Promise<void>((resolve, reject) => settle(() => (r.written++, resolve()), reject)),
    recordFeedback: () => undefined,
  };
  return r;
}

describe('guardedRecorder', () => {
  it('waits for an asynchronous write before returning', async () => {
    const store = asyncRecorder((done) => setTimeout(done, 50));
    await guardedRecorder(store, () => {}).recordQuestion(question());
    expect(store.written).toBe(1);
  });

  it('waits at most waitMs for a write that never finishes, and reports it late', async () => {
    const problems: RecordProblem[] = [];
    const started = Date.now();
    await guardedRecorder(asyncRecorder(() => {}), (p) => problems.push(p), 100).recordQuestion(question());
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(problems).toEqual([{ kind: 'late', waitMs: 100 }]);
  });

  it('reports a rejection or a throw, never passes it on', async () => {
    const problems: RecordProblem[] = [];
    const guarded = guardedRecorder(asyncRecorder((_d, fail) => fail(new Error('connection reset'))), (p) => problems.push(p));
    await expect(guarded.recordQuestion(question())).resolves.toBeUndefined();
    const throwing = guardedRecorder({ recordQuestion: () => { throw new Error('disk full'); }, recordFeedback: () => {} }, (p) => problems.push(p));
    expect(() => throwing.recordQuestion(question())).not.toThrow();
    expect(problems.map((p) => p.kind)).toEqual(['failed', 'failed']);
  });

  it('the web answer is sent only after an asynchronous record is written', async () => {
    let written = false;
    const slow: Recorder = { recordQuestion: () => new Promise<void>((r) => setTimeout(() => ((written = true), r()), 100)), recordFeedback: () => {} };
    const app = await makeApp(await loadEngine(), { recorder: slow });
    try {
      const response = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '东江湖' } });
      expect(response.statusCode).toBe(200);
      expect(written).toBe(true);
    } finally {
      await app.close();
    }
  });
});
