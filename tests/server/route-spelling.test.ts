/** Finding 7: the origin policy decides on the route that matched, however the path is spelled. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, makeApp, type TestApp } from './helpers.js';

let app: TestApp;
beforeAll(async () => {
  app = await makeApp(await loadEngine(), { allowedOrigins: ['https://news.example'] });
});
afterAll(() => app.close());

const EVIL = { origin: 'https://evil.example', 'content-type': 'application/json' };

describe('origin policy on the matched route', () => {
  it.each(['/%61pi/ask', '/api/%61sk', '/API/ask', '/api//ask', '/api/ask?x=1', 'http://chuchu.example/api/ask'])(
    'POST %s from a disallowed origin is refused and not recorded',
    async (url) => {
      const before = app.recorder.questions.length;
      const response = await app.inject({ method: 'POST', url, headers: EVIL, payload: JSON.stringify({ question: '东江湖' }) });
      expect([403, 404]).toContain(response.statusCode);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(app.recorder.questions.length).toBe(before);
    },
  );

  it('the same spellings from an allowed origin reach the handler when they match', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/%61pi/ask',
      headers: { ...EVIL, origin: 'https://news.example' },
      payload: JSON.stringify({ question: '东江湖' }),
    });
    expect(response.statusCode).toBe(200);
  });

  it('a spelled-out path to feedback is refused too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/%61pi/feedback',
      headers: EVIL,
      payload: JSON.stringify({ question: '东江湖', passageId: 'x', vote: 'up' }),
    });
    expect(response.statusCode).toBe(403);
    expect(app.recorder.feedback).toHaveLength(0);
  });
});

describe('absolute-form request target on a real socket', () => {
  it('is judged like the origin form', async () => {
    const { connect } = await import('node:net');
    const listening = await makeApp(await loadEngine(), { allowedOrigins: ['https://news.example'] });
    try {
      const port = Number(new URL(await listening.listen({ host: '127.0.0.1', port: 0 })).port);
      const body = JSON.stringify({ question: '东江湖' });
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.end(
            `POST http://127.0.0.1:${port}/api/ask HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: https://evil.example\r\n` +
              `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          );
        });
        let data = '';
        socket.on('data', (d) => (data += String(d)));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 40[34]/);
      expect(listening.recorder.questions).toHaveLength(0);
    } finally {
      await listening.close();
    }
  });
});
