import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { FeedbackRecord, QuestionRecord } from '../../src/records/recorder.js';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-records-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A pino logger whose JSON lines the test can read. */
export function captureLogger() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: pino({ level: 'debug' }, stream),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(32);

export function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    channel: 'telegram',
    chatType: 'private',
    question: '东江湖一共能蓄多少水',
    answered: true,
    passageIds: ['p1', 'p2'],
    scores: [0.9, 0.5],
    latencyMs: 3,
    userHash: HASH_A,
    chatHash: HASH_B,
    at: new Date(),
    ...overrides,
  };
}

export function vote(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return { channel: 'web', question: '东江湖一共能蓄多少水', passageId: 'p1', vote: 'down', userHash: HASH_A, at: new Date(), ...overrides };
}
