import { cpSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { createSqliteRecorder, DB_FILE, type RecordStore } from '../../../src/records/sqlite-recorder.js';
import { tokenMatches } from '../../../src/server/routes/admin.js';
import { createReportSource, servedLookup } from '../../../src/report/source.js';
import { captureLogger, question, tempDir, vote } from '../../records/helpers.js';
import { loadEngine, makeApp, SHIPPED_KNOWLEDGE, type TestApp } from '../helpers.js';

const TOKEN = 'admin-token-0123456789abcdef';
const tmp = tempDir();
const knowledgeDir = path.join(tmp.dir, 'knowledge');
let engine: Engine;
let store: RecordStore;
let app: TestApp;

beforeAll(async () => {
  cpSync(SHIPPED_KNOWLEDGE, knowledgeDir, { recursive: true });
  engine = (await loadEngine(knowledgeDir)) as Engine;
  store = createSqliteRecorder({ file: path.join(tmp.dir, DB_FILE), retentionDays: 90, logger: captureLogger().logger });
  for (const q of ['东江湖水质', '东江湖的水能喝吗']) store.recordQuestion(question({ question: q, answered: false, passageIds: [], scores: [] }));
  store.flush();
  const reports = createReportSource({ query: store.query, lookup: () => servedLookup(engine) });
  app = await makeApp(engine, { admin: { token: TOKEN, reports } });
});
afterAll(async () => {
  await app.close();
  store.close();
  tmp.cleanup();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const reload = (headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/admin/reload', headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('admin routes', () => {
  it.each([
    ['no Authorization header', {}],
    ['a wrong token', bearer('admin-token-0123456789abcdeX')],
    ['a prefix of the token', bearer(TOKEN.slice(0, -1))],
    ['the token without Bearer', { authorization: TOKEN }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('401 with %s, and nothing of the report', async (_name, headers) => {
    for (const response of [await get('/api/admin/report', headers), await reload(headers)]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
      expect(response.body).not.toContain('东江湖');
    }
  });

  it('GET /api/admin/report with the token: the same report as the CLI, for ?since', async () => {
    const response = await get('/api/admin/report?since=30d', bearer(TOKEN));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const report = response.json();
    expect(report.total).toMatchObject({ asked: 2, answered: 0 });
    expect(report.declined[0]).toMatchObject({ label: '东江湖', asked: 2 });
    expect(Date.parse(report.until) - Date.parse(report.since)).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(Date.parse(report.until) - Date.parse(report.since)).toBeLessThan(30 * 86_400_000 + 5_000);
  });

  it('400 for a period it cannot read', async () => {
    const response = await get('/api/admin/report?since=lastweek', bearer(TOKEN));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_since', field: 'since' });
  });

  it('sends no CORS headers, even to an origin the widget may use', async () => {
    const response = await get('/api/admin/report', { ...bearer(TOKEN), origin: 'http://localhost:8080' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('POST /api/admin/reload: ok with stats; with a broken file, 422 with file and line and the old index serving', async () => {
    const ok = await reload(bearer(TOKEN));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, errors: [], stats: { articles: 1 } });

    writeFileSync(path.join(knowledgeDir, 'synonyms.txt'), '东江湖 东江\n孤单\n');
    const broken = await reload(bearer(TOKEN));
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ ok: false, errors: [{ file: 'synonyms.txt', line: 2, message: expect.any(String) }] });
    expect(engine.answer('东江湖一共能蓄多少水').answered).toBe(true);
  });

  it('a report after a failed reload names the passages being served, not the broken folder', async () => {
    const served = engine.answer('东江湖一共能蓄多少水').results[0]!;
    store.recordFeedback(vote({ passageId: served.passageId, vote: 'down' }));
    store.flush();
    const article = path.join(knowledgeDir, 'chenzhou-opening-south.txt');
    renameSync(article, `${article}.off`);
    try {
      expect((await reload(bearer(TOKEN))).statusCode).toBe(422);
      const report = (await get('/api/admin/report?since=1d', bearer(TOKEN))).json();
      expect(report.disliked[0]).toMatchObject({ passageId: served.passageId, article: served.article, paragraph: served.paragraph });
    } finally {
      renameSync(`${article}.off`, article);
    }
  });

  it('503 for reload while the index is loading', async () => {
    const loading = await makeApp(null, { admin: { token: TOKEN, reports: createReportSource({ query: store.query, lookup: () => () => null }) } });
    try {
      expect((await loading.inject({ method: 'POST', url: '/api/admin/reload', headers: bearer(TOKEN) })).statusCode).toBe(503);
    } finally {
      await loading.close();
    }
  });

  it('do not exist without an admin token', async () => {
    const plain = await makeApp(engine);
    try {
      expect((await plain.inject({ method: 'GET', url: '/api/admin/report', headers: bearer(TOKEN) })).statusCode).toBe(404);
      expect((await plain.inject({ method: 'POST', url: '/api/admin/reload', headers: bearer(TOKEN) })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('are rate limited like the rest of /api, failed tokens included', async () => {
    const limited = await makeApp(engine, { admin: { token: TOKEN, reports: createReportSource({ query: store.query, lookup: () => () => null }) }, rateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await limited.inject({ method: 'GET', url: '/api/admin/report', headers: bearer('wrong-token-wrong-token') })).statusCode);
      expect(codes).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('tokenMatches', () => {
  it('accepts only the exact bearer token', () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
  });
});
