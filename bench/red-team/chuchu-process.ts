/** `npm start` as a child process on a free loopback port, in a throwaway DATA_DIR, for the red-team run. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Chuchu {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  dataDir: string;
  /** The JSON log lines written so far. */
  logs(): Array<Record<string, unknown>>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with ms since spawn when `/api/health` first answers 200 (rejects after `timeoutMs`). */
  healthy(timeoutMs?: number): Promise<number>;
  /** Resolves with ms since spawn when a log line's msg matches. */
  logged(pattern: RegExp, timeoutMs?: number): Promise<number>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts src/main.ts with `node --import tsx` (no wrapper process: a kill -9 hits the server itself). */
export async function startChuchu(env: Record<string, string> = {}): Promise<Chuchu> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chuchu-redteam-'));
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, HASH_SALT: 'red-team-salt', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const poll = async (check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`chuchu exited (${child.exitCode}) before ${what}:\n${out.slice(-2000)}`);
      if (await check()) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  return {
    child,
    pid: child.pid!,
    port,
    url,
    dataDir,
    logs,
    output: () => out,
    exited,
    healthy: (timeoutMs = 60_000) =>
      poll(async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1_000) }).catch(() => null))?.status === 200, timeoutMs, 'health'),
    logged: (pattern, timeoutMs = 60_000) => poll(() => logs().some((l) => pattern.test(String(l.msg))), timeoutMs, String(pattern)),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 102.4) / 10;
}

/** Open file descriptors of a process (sockets included). */
export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}
