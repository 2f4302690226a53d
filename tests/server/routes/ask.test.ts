import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Engine } from '../../../src/engine/types.js';
import { QuestionError } from '../../../src/shared/errors.js';
import { loadEngine, makeApp, postJson, type TestApp } from '../helpers.js';

let engine: Engine;
let app: TestApp;

beforeAll(async () => {
  engine = await loadEngine();
  app = await makeApp(engine);
});
afterAll(() => app.close());

describe('POST /api/ask', () => {
  it('answers a seed question with the engine answer, unchanged', async () => {
    const response = await postJson(app, '/api/ask', { question: '东江湖的蓄水量是多少？' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.answered).toBe(true);
    expect(body.results[0].excerpt).toContain('81.2亿立方米');
    expect(body.results[0].article).toBe('向南开放看郴州');
    // The span that answers, as UTF-16 offsets into the excerpt.
    const [start, end] = body.results[0].answer;
    expect(body.results[0].excerpt.slice(start, end)).toBe('81.2亿立方米');
    // The web side only formats: same results as calling the engine directly.
    // A Simplified question about a Simplified article: nothing converted, the script says so.
    expect(body).toEqual({ ...JSON.parse(JSON.stringify(engine.answer('东江湖的蓄水量是多少？'))), script: 'zh-Hans' });
  });

  it('passes limit through and trims the question', async () => {
    const response = await postJson(app, '/api/ask', { question: '  郴州 大湾区  ', limit: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json().results.length).toBeLessThanOrEqual(1);
    expect(response.json().question).toBe(engine.answer('郴州 大湾区').question);
  });

  it('declines an unanswerable question and says what the knowledge covers', async () => {
    const response = await postJson(app, '/api/ask', { question: '明天北京的天气怎么样？' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ answered: false, results: [], suggestions: [expect.stringContaining('向南开放看郴州')] });
  });

  it('records each question with channel web, widget vs api, and no client id in clear', async () => {
    const before = app.recorder.questions.length;
    await postJson(app, '/api/ask', { question: '东江湖的蓄水量是多少？' }, { 'x-chuchu-client': 'widget' });
    await postJson(app, '/api/ask', { question: '明天的天气' });
    const [widget, api] = app.recorder.questions.slice(before);
    // Without HASH_SALT a random salt for the run: a hash, never the address.
    expect(widget).toMatchObject({ channel: 'web', chatType: 'widget', answered: true, chatHash: null });
    expect(widget!.userHash).toMatch(/^[0-9a-f]{32}$/);
    expect(widget!.passageIds.length).toBeGreaterThan(0);
    expect(widget!.scores.length).toBe(widget!.passageIds.length);
    expect(api).toMatchObject({ channel: 'web', chatType: 'api', answered: false, passageIds: [] });
  });

  it('hashes the client IP with the salt when one is given', async () => {
    const salted = await makeApp(engine, { hashSalt: 'pepper' });
    try {
      await salted.inject({ method: 'POST', url: '/api/ask', payload: { question: '东江湖' }, remoteAddress: '203.0.113.9' });
      await salted.inject({ method: 'POST', url: '/api/ask', payload: { question: '郴州' }, remoteAddress: '203.0.113.9' });
      await salted.inject({ method: 'POST', url: '/api/ask', payload: { question: '郴州' }, remoteAddress: '203.0.113.10' });
      const [a, b, c] = salted.recorder.questions.map((q) => q.userHash);
      expect(a).toMatch(/^[0-9a-f]{32}$/);
      expect(a).not.toContain('203.0.113.9');
      expect(b).toBe(a);
      expect(c).not.toBe(a);
    } finally {
      await salted.close();
    }
  });
});

describe('POST /api/ask errors', () => {
  const invalid: Array<[string, unknown, string, RegExp]> = [
    ['empty question', { question: '' }, 'question', /不能为空/],
    ['whitespace-only question', { question: ' \n\t ' }, 'question', /不能为空/],
    ['over-long question', { question: '问'.repeat(501) }, 'question', /500/],
    ['missing question', { limit: 2 }, 'question', /文字/],
    ['non-string question', { question: 42 }, 'question', /文字/],
    ['limit 0', { question: '郴州', limit: 0 }, 'limit', /1 到 5/],
    ['limit 6', { question: '郴州', limit: 6 }, 'limit', /1 到 5/],
    ['fractional limit', { question: '郴州', limit: 2.5 }, 'limit', /整数/],
    ['string limit', { question: '郴州', limit: '3' }, 'limit', /1 到 5/],
    ['array body', ['郴州'], 'body', /JSON 对象/],
  ];
  it.each(invalid)('400 for %s, naming the field', async (_name, payload, field, message) => {
    const response = await postJson(app, '/api/ask', payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'invalid_request', field });
    expect(response.json().message).toMatch(message);
  });

  it('accepts exactly 500 characters', async () => {
    expect((await postJson(app, '/api/ask', { question: '郴'.repeat(500) })).statusCode).toBe(200);
  });

  it('400 for malformed JSON', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/ask', payload: '{"question":', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('invalid_json');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('415 for %s', async (type) => {
    const response = await app.inject({ method: 'POST', url: '/api/ask', payload: 'question=郴州', headers: { 'content-type': type } });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ statusCode: 415, error: 'unsupported_media_type' });
  });

  it('413 for a body over 4 KB, even a valid-looking one', async () => {
    const response = await postJson(app, '/api/ask', { question: '郴州', padding: 'x'.repeat(4200) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ statusCode: 413, error: 'payload_too_large' });
  });

  it('503 while the index is loading', async () => {
    const loading = await makeApp(null);
    try {
      const response = await postJson(loading, '/api/ask', { question: '郴州' });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json()).toMatchObject({ error: 'not_ready' });
    } finally {
      await loading.close();
    }
  });

  it("400 with the engine's own message when it refuses the question", async () => {
    const refusing = await makeApp({ ...engine, answer: () => { throw new QuestionError('empty', '问题里没有可以查找的文字'); } });
    try {
      const response = await postJson(refusing, '/api/ask', { question: '？？？' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid_question', field: 'question', message: '问题里没有可以查找的文字' });
    } finally {
      await refusing.close();
    }
  });

  it('never answers 5xx whatever the question', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 520 }), async (question) => {
        const response = await postJson(app, '/api/ask', { question });
        expect([200, 400]).toContain(response.statusCode);
      }),
      { numRuns: 60 },
    );
  });
});
