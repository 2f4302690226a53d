import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeApp, postJson, type TestApp } from '../helpers.js';

let app: TestApp;
let quoted: string;
beforeAll(async () => {
  const engine = await loadEngine();
  app = await makeApp(engine);
  quoted = engine.answer('东江湖的蓄水量是多少？').results[0]!.passageId;
});
afterAll(() => app.close());

describe('POST /api/feedback', () => {
  it('204 and hands the vote to the recorder', async () => {
    const response = await postJson(app, '/api/feedback', { question: ' 东江湖的蓄水量是多少？ ', passageId: quoted, vote: 'up' });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(app.recorder.feedback).toHaveLength(1);
    expect(app.recorder.feedback[0]).toMatchObject({ channel: 'web', question: '东江湖的蓄水量是多少？', passageId: quoted, vote: 'up' });
    expect(app.recorder.feedback[0]!.userHash).toMatch(/^[0-9a-f]{32}$/);
    expect(app.recorder.feedback[0]!.at).toBeInstanceOf(Date);
  });

  it('503 while the index is still loading (the vote is checked against the answer), nothing recorded', async () => {
    const loading = await makeApp(null);
    try {
      expect((await postJson(loading, '/api/feedback', { question: '郴州', passageId: 'p', vote: 'down' })).statusCode).toBe(503);
      expect(loading.recorder.feedback).toHaveLength(0);
    } finally {
      await loading.close();
    }
  });

  it.each([
    [{ question: '郴州', passageId: 'p', vote: 'meh' }, 'vote'],
    [{ question: '郴州', vote: 'up' }, 'passageId'],
    [{ question: '郴州', passageId: '', vote: 'up' }, 'passageId'],
    [{ question: '', passageId: 'p', vote: 'up' }, 'question'],
  ])('400 naming the bad field for %j', async (payload, field) => {
    const before = app.recorder.feedback.length;
    const response = await postJson(app, '/api/feedback', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_request', field });
    expect(app.recorder.feedback.length).toBe(before);
  });

  it('415 for a non-JSON body', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/feedback', payload: 'vote=up', headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(415);
  });
});
