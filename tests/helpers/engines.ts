/**
 * The PostgreSQL and Redis tests run only where both are installed: a loud skip locally,
 * a failure under CI=true (as the browser tests do).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { PG_BIN, REDIS_SERVER } from './engine-servers.js';

export { freePort, startPostgres, startRedis, type EngineServer } from './engine-servers.js';

function loudSkip(what: string, install: string): void {
  const message = `\n${'!'.repeat(72)}\n!! ${what} is missing: the PostgreSQL/Redis tests cannot run.\n!! Install it: ${install}\n${'!'.repeat(72)}\n`;
  // Under CI a missing engine must fail the run, never pass it silently.
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`${message}!! Skipping them locally (CI=true makes this a failure).\n`);
}

const havePostgres = existsSync(join(PG_BIN, 'initdb'));
const haveRedis = existsSync(REDIS_SERVER);
if (!havePostgres) loudSkip(`${PG_BIN}/initdb`, 'apt-get install -y postgresql');
if (!haveRedis) loudSkip(REDIS_SERVER, 'apt-get install -y redis-server');

/** `describe` when both engines are installed; a loud skip otherwise (a failure under CI, above). */
export const describeEngines = havePostgres && haveRedis ? describe : describe.skip;
export const describePostgres = havePostgres ? describe : describe.skip;
export const describeRedis = haveRedis ? describe : describe.skip;
