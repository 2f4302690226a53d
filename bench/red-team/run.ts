/**
 * The red team's run, repeated against `npm start` (src/main.ts in its own process, on a free
 * loopback port, in a throwaway DATA_DIR), bounded in count and time (about 3 minutes):
 *   npm run red-team                 all checks, one JSON object per check on stdout
 *   npm run red-team -- load kill9   only some: load, memory, sockets, kill9, bot, xff, paths
 */
import { startChuchu } from './chuchu-process.js';
import { load, memory, sockets } from './checks-load.js';
import { botUnreachable, forwardedFor, killNine, pathSpellings } from './checks-faults.js';

const wanted = new Set(process.argv.slice(2));
const want = (name: string) => wanted.size === 0 || wanted.has(name);
const report = (check: string, result: unknown) => console.log(JSON.stringify({ check, ...(result as object) }));

if (want('load') || want('memory') || want('sockets')) {
  // The shipped defaults (30 questions per minute per IP): one load client is mostly refused.
  const c = await startChuchu();
  try {
    report('start', { healthMs: await c.healthy() });
    if (want('load')) report('load, default limit', await load(c, 50, 15));
    if (want('sockets')) report('sockets', await sockets(c, 3_000, 32));
  } finally {
    await c.stop();
  }
  // A limit nobody reaches, so the figures are about answering.
  const open = await startChuchu({ RATE_LIMIT_PER_MINUTE: '100000' });
  try {
    await open.healthy();
    if (want('load')) report('load, no limit', await load(open, 50, 15));
    if (want('memory')) report('memory, 60 s steady load', await memory(open, 60));
  } finally {
    await open.stop();
  }
}
if (want('kill9')) for (let run = 1; run <= 3; run++) report(`kill -9 under load, run ${run}`, await killNine(4));
if (want('bot')) report('Bot API unreachable', await botUnreachable());
if (want('xff')) report('X-Forwarded-For', await forwardedFor());
if (want('paths')) report('path spellings', await pathSpellings());
