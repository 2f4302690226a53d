/** `npm start` replicas as separate processes (each its own process group, so SIGKILL takes npm and node together). */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './engine-servers.js';

export interface Replica {
  name: string;
  base: string;
  child: ChildProcess;
  /** Everything the process printed (JSON log lines). */
  output(): string;
  /** SIGKILL, no grace: the process group dies at once. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (graceful: answers in flight finish, buffers are written). */
  stop(): Promise<void>;
}

export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
    await exited;
  };
  return { name, base: `http://127.0.0.1:${port}`, child, output: () => out, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

/** Polls /api/health until it answers 200 (the index is loaded). */
export async function waitReady(replica: Replica, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (replica.child.exitCode !== null) throw new Error(`${replica.name} exited:\n${replica.output()}`);
    try {
      // A fresh client address per poll (behind TRUST_PROXY), so polling never meets the per-IP limit.
      const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
      if ((await fetch(`${replica.base}/api/health`, { headers: { 'x-forwarded-for': ip } })).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${replica.name} not ready after ${timeoutMs} ms:\n${replica.output()}`);
}

/** POST /api/ask as a client at `ip` (behind the trusted proxy); the status and the body. */
export async function ask(replica: Replica, question: string, ip: string, extra: Record<string, unknown> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${replica.base}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ question, ...extra }),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs `count` jobs, `concurrency` at a time. */
export async function pool<T>(count: number, concurrency: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await job(i);
    }
  }));
  return results;
}
