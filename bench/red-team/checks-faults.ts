/** kill -9 under load, an unreachable Bot API, X-Forwarded-For and path spellings: the red team's other figures. */
import Database from 'better-sqlite3';
import { connect, createServer, type Socket } from 'node:net';
import path from 'node:path';
import { startChuchu, type Chuchu } from './chuchu-process.js';

/** Rows in the records database, read beside the running server (WAL lets a reader in). */
export function questionRows(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'chuchu.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const ask = (c: Chuchu, question: string, headers: Record<string, string> = {}, pathname = '/api/ask') =>
  fetch(`${c.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ question }), signal: AbortSignal.timeout(10_000) });

/** Clients ask as fast as they can; after `seconds`, kill -9. Answers received vs rows on disk. */
export async function killNine(seconds: number, clients = 20) {
  const c = await startChuchu({ RATE_LIMIT_PER_MINUTE: '100000' });
  await c.healthy();
  let received = 0;
  let stop = false;
  const client = async (n: number) => {
    for (let i = 0; !stop; i++) {
      const res = await ask(c, `东江湖的蓄水量有多大 ${n}-${i}`).catch(() => null);
      if (res?.status === 200) {
        await res.arrayBuffer().catch(() => null);
        if (!stop) received++;
      }
    }
  };
  const running = Array.from({ length: clients }, (_, n) => client(n));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  // Count first, then kill: every answer counted here was fully received before the kill.
  const answered = received;
  stop = true;
  c.child.kill('SIGKILL');
  await c.exited;
  await Promise.allSettled(running);
  const rows = questionRows(c.dataDir);
  await c.stop();
  return { answersReceived: answered, rowsOnDisk: rows, lost: Math.max(0, answered - rows) };
}

/** A Bot API that accepts connections and never answers (worse than refusing them). */
async function blackhole(): Promise<{ root: string; close(): void }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { root: `http://127.0.0.1:${port}`, close: () => (sockets.forEach((s) => s.destroy()), server.close()) };
}

const TOKEN = '123456:RED-team-token-not-real-0000000';
const SECRET = 'red-team-webhook-secret-0123456789';

/** Start-up and webhook latency with the Bot API unreachable (refused, and silent). */
export async function botUnreachable() {
  const hole = await blackhole();
  const out: Record<string, unknown> = {};
  try {
    for (const [name, env] of [
      ['no bot (baseline)', {}],
      ['polling, API refused', { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }],
      ['polling, API silent', { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: hole.root }],
      ['webhook, API silent', { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: hole.root, WEBHOOK_URL: 'https://bot.example.com/telegram/webhook', WEBHOOK_SECRET: SECRET }],
    ] as const) {
      const c = await startChuchu(env);
      try {
        const healthMs = await c.healthy();
        const readyMs = await c.logged(/^chuchu ready/u, 60_000).catch(() => null);
        const row: Record<string, unknown> = { healthMs, readyMs };
        if ('WEBHOOK_URL' in env) {
          const t0 = Date.now();
          const res = await fetch(`${c.url}/telegram/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
            body: JSON.stringify({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, from: { id: 5, is_bot: false, first_name: 'x' }, text: '东江湖' } }),
            signal: AbortSignal.timeout(30_000),
          }).catch((e: Error) => e);
          row.webhook = res instanceof Error ? res.message : { status: res.status, ms: Date.now() - t0 };
        }
        if ('BOT_TOKEN' in env) {
          await new Promise((r) => setTimeout(r, 12_000));
          row.unreachableLogLines = c.logs().filter((l) => String(l.msg).includes('Bot API unreachable')).length;
        }
        out[name] = row;
      } finally {
        await c.stop();
      }
    }
  } finally {
    hole.close();
  }
  return out;
}

/** With one trusted hop, a client-written leftmost X-Forwarded-For must not reset its limit; `true` is refused. */
export async function forwardedFor() {
  const c = await startChuchu({ TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '3' });
  try {
    await c.healthy();
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push((await ask(c, '东江湖', { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` })).status);
    const refused = await startChuchu({ TRUST_PROXY: 'true' });
    const code = await Promise.race([refused.exited, new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
    const message = refused.output().trim().split('\n').find((l) => l.includes('TRUST_PROXY')) ?? refused.output().slice(0, 300);
    await refused.stop();
    return { oneHopStatuses: statuses, trustProxyTrue: { exitCode: code, message } };
  } finally {
    await c.stop();
  }
}

function rawRequest(port: number, head: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.end(`${head}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`));
    let data = '';
    s.on('data', (d) => (data += String(d)));
    s.on('end', () => resolve(data.split('\r\n')[0]!));
    s.on('error', reject);
  });
}

/** Path spellings from a disallowed origin: refused, and nothing recorded. */
export async function pathSpellings() {
  const c = await startChuchu({ ALLOWED_ORIGINS: 'https://news.example', RATE_LIMIT_PER_MINUTE: '1000' });
  try {
    await c.healthy();
    const evil = { origin: 'https://evil.example' };
    const statuses: Record<string, number | string> = {};
    for (const p of ['/api/ask', '/%61pi/ask', '/api/%61sk', '/API/ask', '/api//ask', '/api/ask/', '/api/ask?x=1', '/api/ask#x']) statuses[p] = (await ask(c, '东江湖', evil, p)).status;
    const body = JSON.stringify({ question: '东江湖' });
    statuses['absolute-form'] = await rawRequest(c.port, `POST http://127.0.0.1:${c.port}/api/ask HTTP/1.1\r\nHost: 127.0.0.1:${c.port}\r\nOrigin: https://evil.example\r\nContent-Type: application/json\r\n`, body);
    statuses['GET /%'] = (await fetch(`${c.url}/%`).catch(() => null))?.status ?? 'error';
    statuses['GET /api/ask'] = (await fetch(`${c.url}/api/ask`)).status;
    return { statuses, questionsRecorded: questionRows(c.dataDir) };
  } finally {
    await c.stop();
  }
}
