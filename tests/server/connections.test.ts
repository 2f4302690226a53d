/** Finding 1: idle sockets, slow bodies and slow headers are closed, and concurrent connections are capped. */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers.js';

let app: TestApp | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await app?.close();
  app = undefined;
});

const LIMITS = { idleTimeoutMs: 400, headersTimeoutMs: 400, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, checkIntervalMs: 100, maxConnections: 4 };

async function listen(): Promise<number> {
  app = await makeApp(null, { connections: LIMITS });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return Number(new URL(url).port);
}

/** Opens a raw socket and resolves with it once connected; `closed` resolves with what the server sent before closing. */
function open(port: number): Promise<{ socket: Socket; closed: Promise<{ ms: number; received: string }> }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.on('data', (d) => (received += String(d)));
    socket.on('error', () => {});
    const closed = new Promise<{ ms: number; received: string }>((done) => socket.on('close', () => done({ ms: Date.now() - started, received })));
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

describe('connection limits', () => {
  it('closes a socket that never sends anything', async () => {
    const port = await listen();
    const { closed } = await open(port);
    const { ms } = await closed;
    expect(ms).toBeLessThan(3_000);
  });

  it('closes a request whose body trickles in, with a 408', async () => {
    const port = await listen();
    const { socket, closed } = await open(port);
    socket.write('POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    // One byte every 150 ms keeps the socket active, so only the whole-request timeout can end it.
    const drip = setInterval(() => socket.writable && socket.write(' '), 150);
    try {
      const { ms, received } = await closed;
      expect(ms).toBeLessThan(3_000);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes a request whose headers never finish', async () => {
    const port = await listen();
    const { socket, closed } = await open(port);
    socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-A: b\r\n'), 150);
    try {
      const { ms } = await closed;
      expect(ms).toBeLessThan(3_000);
    } finally {
      clearInterval(drip);
    }
  });

  it('caps concurrent connections, and serves again once they are gone', async () => {
    const port = await listen();
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => open(port)));
    const extra = await open(port);
    // The connection over the cap is dropped at once, long before any timeout.
    const { ms } = await extra.closed;
    expect(ms).toBeLessThan(LIMITS.idleTimeoutMs);
    for (const h of held) h.socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(response.status).toBe(503);
  });
});
