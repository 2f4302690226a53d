/**
 * Malformed HTTP (invalid JSON, wrong types, huge bodies, slow clients) and malformed Telegram
 * updates: a clear 4xx, no crash, and nothing at error level in the log for a client's mistake.
 */
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createBot, telegramWebhook, WEBHOOK_PATH } from '../../src/bot/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { startFakeBotApi, TEST_BOT, type FakeBotApi } from '../helpers/fake-bot-api.js';
import { ERROR, listeningApp } from './server.js';

const SECRET = 'fault-tests-secret-0123456789';
let app: FastifyInstance;
let url: string;
let port: number;
let logs: () => Array<{ level: number; msg?: string }>;
let api: FakeBotApi;
const botLines: Array<{ level: number; msg?: string }> = [];

beforeAll(async () => {
  const engine = await createEngine({ knowledgeDir: 'knowledge' });
  api = await startFakeBotApi();
  const bot = createBot('123456:FAULT-token-never-logged', {
    engine,
    recorder: createMemoryRecorder(),
    logger: pino({ level: 'info' }, new Writable({ write: (c, _e, done) => (botLines.push(JSON.parse(String(c))), done()) })),
    apiRoot: api.apiRoot,
    botInfo: TEST_BOT,
    hashSalt: 'fault-salt',
  });
  ({ app, url, port, logs } = await listeningApp(engine, { plugins: [telegramWebhook(bot, SECRET)] }));
});
afterAll(async () => {
  await app.close();
  await api.close();
});

const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${url}${path}`, { method: 'POST', headers, body });
const errorLines = () => logs().filter((l) => l.level >= ERROR);

describe('malformed HTTP', () => {
  it.each([
    ['invalid JSON', '{"question": "东江湖', 400],
    ['a JSON string', '"东江湖"', 400],
    ['null', 'null', 400],
    ['an array', '[1,2,3]', 400],
    ['question as a number', '{"question": 42}', 400],
    ['question as an object', '{"question": {"$gt": ""}}', 400],
    ['limit as a string', '{"question": "东江湖", "limit": "all"}', 400],
    ['limit out of range', '{"question": "东江湖", "limit": 1e9}', 400],
    ['an empty body', '', 400],
    ['a 1 MB body', JSON.stringify({ question: '字'.repeat(350_000) }), 413],
  ])('%s → %i with a JSON error, nothing logged as an error', async (_what, body, status) => {
    const res = await post('/api/ask', body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error?: string; message?: string };
    expect(typeof (json.message ?? json.error)).toBe('string');
    expect(errorLines()).toEqual([]);
  });

  it('a wrong content type → 415', async () => {
    const res = await post('/api/ask', 'question=东江湖', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(errorLines()).toEqual([]);
  });

  it('a slow client trickling its body does not hold up anyone else', async () => {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"question":`);
    let sent = 0;
    const trickle = setInterval(() => sent++ < 10 && socket.write(' '), 100);
    try {
      const started = Date.now();
      const res = await post('/api/ask', JSON.stringify({ question: '东江湖一共能蓄多少水?' }));
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    // The server is still there after the client vanished mid-body.
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(errorLines()).toEqual([]);
  });
});

describe('malformed Telegram updates on the webhook', () => {
  const hook = (body: string) => post(WEBHOOK_PATH, body, { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET });

  it('invalid JSON → 400', async () => {
    expect((await hook('{"update_id": 1, "message": ')).status).toBe(400);
  });

  it.each([
    ['an empty object', '{}'],
    ['an unknown update kind', '{"update_id": 7, "poll_answer_from_the_future": {"x": 1}}'],
    ['a message without text or sender', '{"update_id": 8, "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}}}'],
    ['a callback without data', '{"update_id": 9, "callback_query": {"id": "1", "from": {"id": 5, "is_bot": false, "first_name": "x"}, "chat_instance": "c"}}'],
  ])('%s → answered, no crash', async (_what, body) => {
    const res = await hook(body);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(botLines.filter((l) => l.level >= ERROR)).toEqual([]);
  });

  it('without the secret → 401', async () => {
    expect((await post(WEBHOOK_PATH, '{}')).status).toBe(401);
    expect(errorLines()).toEqual([]);
  });
});
