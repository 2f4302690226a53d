/** Load held, memory under steady load, sockets held: the red team's first three figures. */
import autocannon from 'autocannon';
import { connect, type Socket } from 'node:net';
import { openFds, rssMb, type Chuchu } from './chuchu-process.js';

const QUESTIONS = ['东江湖的蓄水量有多大?', '郴州为什么要对接大湾区', '湟水发源于哪里', '跨境一锁通关是什么', '明天会下雨吗', '香港包裹费用多少钱'];

/** `connections` clients asking for `seconds`: statuses and latency. */
export async function load(c: Chuchu, connections: number, seconds: number) {
  let i = 0;
  const result = await autocannon({
    url: c.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/ask',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: QUESTIONS[i++ % QUESTIONS.length] }) }),
      },
    ],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  return { connections, seconds, statuses, errors: result.errors, timeouts: result.timeouts, p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

/** RSS before, after `seconds` of steady load, and after a pause. */
export async function memory(c: Chuchu, seconds: number) {
  const before = rssMb(c.pid);
  const run = await load(c, 10, seconds);
  const after = rssMb(c.pid);
  await new Promise((r) => setTimeout(r, 2_000));
  return { beforeMb: before, afterMb: after, settledMb: rssMb(c.pid), requests: Object.values(run.statuses).reduce((a, b) => a + b, 0) };
}

let closedSockets = 0;

function openIdle(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => {});
    s.on('close', () => closedSockets++);
    // Flowing, so the server's FIN is read and 'close' fires (a paused socket never sees it).
    s.resume();
    s.once('connect', () => resolve(s));
    s.once('close', () => resolve(s));
  });
}

/** Holds `count` idle sockets: does health still answer, how many fds, and are they closed by the server in time? */
export async function sockets(c: Chuchu, count: number, waitSeconds: number) {
  const fdsBefore = openFds(c.pid);
  const held: Socket[] = [];
  for (let i = 0; i < count; i += 200) held.push(...(await Promise.all(Array.from({ length: Math.min(200, count - i) }, () => openIdle(c.port)))));
  closedSockets = 0;
  const started = Date.now();
  const health = await fetch(`${c.url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, (e: Error) => e.message);
  const healthMs = Date.now() - started;
  const fdsHeld = openFds(c.pid);
  await new Promise((r) => setTimeout(r, waitSeconds * 1000));
  const result = { count, fdsBefore, fdsHeld, healthWhileHeld: health, healthMs, closedAfterWait: closedSockets, waitSeconds, fdsAfter: openFds(c.pid) };
  for (const s of held) s.destroy();
  return result;
}
