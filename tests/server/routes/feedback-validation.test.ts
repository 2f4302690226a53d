/** Finding 10: feedback only on passages the answer really quoted, one vote per client per answer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/types.js';
import type { Engine } from '../../../src/engine/types.js';
import { loadEngine, makeApp, postJson, type TestApp } from '../helpers.js';

const QUESTION = '东江湖的水质怎么样';
let engine: Engine;
let app: TestApp;
let quoted: string;
beforeAll(async () => {
  engine = await loadEngine();
  app = await makeApp(engine, { hashSalt: 'feedback-validation-salt' });
  quoted = engine.answer(QUESTION).results[0]!.passageId;
});
afterAll(() => app.close());

const vote = (payload: Record<string, unknown>, ip = '198.51.100.50') =>
  app.inject({ method: 'POST', url: '/api/feedback', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' }, remoteAddress: ip });

describe('feedback validation', () => {
  it.each([
    ['an unknown passage', 'no-such-passage'],
    ['a blank passage id', '   '],
    ['a NUL passage id', '\u0000'],
    ['a passage id with a NUL inside', `${'x'}\u0000`],
  ])('400 for %s, nothing recorded', async (_name, passageId) => {
    const before = app.recorder.feedback.length;
    const response = await vote({ question: QUESTION, passageId, vote: 'up' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'passageId' });
    expect(response.json().message).toMatch(/[\u4e00-\u9fff]/u);
    expect(app.recorder.feedback.length).toBe(before);
  });

  it('400 for a real passage that this question was not answered with', async () => {
    const other = engine.answer('湟水发源于哪里').results.map((r) => r.passageId).find((id) => !engine.answer(QUESTION, { limit: 5 }).results.some((r) => r.passageId === id));
    expect(other).toBeDefined();
    const response = await vote({ question: QUESTION, passageId: other, vote: 'down' });
    expect(response.statusCode).toBe(400);
  });

  it('one vote per client per answer: repeats are not counted twice, a change replaces the vote', async () => {
    const ip = '198.51.100.51';
    const mine = () => app.recorder.feedback.filter((f) => f.passageId === quoted && f.userHash === app.recorder.feedback.at(-1)?.userHash);
    expect((await vote({ question: QUESTION, passageId: quoted, vote: 'down' }, ip)).statusCode).toBe(204);
    expect((await vote({ question: QUESTION, passageId: quoted, vote: 'down' }, ip)).statusCode).toBe(204);
    expect((await vote({ question: QUESTION, passageId: quoted, vote: 'down' }, ip)).statusCode).toBe(204);
    expect(mine().map((f) => f.vote)).toEqual(['down']);
    expect((await vote({ question: QUESTION, passageId: quoted, vote: 'up' }, ip)).statusCode).toBe(204);
    expect(mine().map((f) => f.vote)).toEqual(['up']);
    // Another client's vote counts on its own.
    await vote({ question: QUESTION, passageId: quoted, vote: 'down' }, '198.51.100.52');
    expect(app.recorder.feedback.filter((f) => f.passageId === quoted)).toHaveLength(2);
  });

  it('a vote on a curated answer (faq:<question>) is accepted when that FAQ answered', async () => {
    const withFaq = ['从郴州到广州要多久？', '郴州到广州要多久'].map((q) => engine.answer(q)).find((a) => a.faq);
    if (!withFaq) return expect.fail('the shipped FAQ no longer answers the test question');
    const response = await vote({ question: withFaq.question, passageId: `faq:${withFaq.faq!.question}`, vote: 'up' }, '198.51.100.53');
    expect(response.statusCode).toBe(204);
    expect((await vote({ question: withFaq.question, passageId: 'faq:某个不存在的问题', vote: 'up' })).statusCode).toBe(400);
  });

  it('a vote on an answer about the article itself (its byline) is accepted and recorded; made-up article facts are not', async () => {
    const ip = '198.51.100.54';
    // Asked as the widget asks, then voted on as the widget votes (understoodAs ?? question).
    const asked = (await postJson(app, '/api/ask', { question: '这篇报道的记者叫什么名字?' })).json() as Answer;
    expect(asked.answered).toBe(true);
    const byline = asked.results[0]!.passageId;
    const articleId = engine.articles()[0]!.id;
    expect(byline).toBe(`${articleId}:author`);
    const question = asked.understoodAs ?? asked.question;
    const response = await vote({ question, passageId: byline, vote: 'up' }, ip);
    expect(response.statusCode).toBe(204);
    expect(app.recorder.feedback.at(-1)).toMatchObject({ channel: 'web', question: '这篇报道的记者叫什么名字?', passageId: byline, vote: 'up' });
    const before = app.recorder.feedback.length;
    for (const passageId of [`${articleId}:title`, `${articleId}:whatever`, 'no-such-article:author']) {
      expect((await vote({ question, passageId, vote: 'down' }, ip)).statusCode, passageId).toBe(400);
    }
    // The byline is not a vote target for a question about the content.
    expect((await vote({ question: QUESTION, passageId: byline, vote: 'down' }, ip)).statusCode).toBe(400);
    expect(app.recorder.feedback.length).toBe(before);
  });
});
