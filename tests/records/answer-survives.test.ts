import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createSqliteRecorder, DB_FILE } from '../../src/records/sqlite-recorder.js';
import { buildApp } from '../../src/server/app.js';
import { createTestBot, loadShippedEngine, message } from '../bot/setup.js';
import { captureLogger, tempDir } from './helpers.js';

/** The records' promise to every channel: a broken database never costs an answer. */
describe('a failing records database does not fail answers', () => {
  let engine: Engine;
  const tmp = tempDir();
  beforeAll(async () => {
    engine = await loadShippedEngine();
  });
  afterAll(() => tmp.cleanup());

  it('web: /api/ask still answers after the database was closed', async () => {
    const { logger, lines } = captureLogger();
    const recorder = createSqliteRecorder({ file: path.join(tmp.dir, 'web', DB_FILE), retentionDays: 90, logger });
    recorder.close();
    const app = await buildApp({
      engine,
      recorder,
      logger: pino({ level: 'silent' }),
      allowedOrigins: [],
      rateLimit: { max: 100, timeWindowMs: 60_000 },
    });
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '东江湖一共能蓄多少水' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().answered).toBe(true);
    await app.close();
    expect(lines().some((l) => l.level === 50)).toBe(true);
  });

  it('Telegram: the answer is sent after the database was closed', async () => {
    const { logger } = captureLogger();
    const recorder = createSqliteRecorder({ file: path.join(tmp.dir, 'bot', DB_FILE), retentionDays: 90, logger });
    recorder.close();
    const t = await createTestBot(engine, { recorder });
    try {
      await t.bot.handleUpdate(message('东江湖一共能蓄多少水'));
      const [call] = t.api.callsTo('sendMessage');
      expect(call!.payload.text).toContain('东江湖');
      expect(call!.payload.text).not.toContain('抱歉');
    } finally {
      await t.close();
    }
  });
});
