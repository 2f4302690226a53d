import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { describe } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { createMemoryRecorder, type Recorder } from '../../src/records/recorder.js';
import { buildApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/listen.js';

/** Debian's Chromium; CHUCHU_CHROMIUM overrides it (and lets the missing-browser path be tried). */
export const CHROMIUM = process.env.CHUCHU_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  const message = `\n${'!'.repeat(72)}\n!! ${CHROMIUM} is missing: the widget browser tests cannot run.\n!! Install it: apt-get install -y chromium fonts-wqy-microhei\n${'!'.repeat(72)}\n`;
  // Under CI a missing browser must fail the run, never pass it silently.
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`${message}!! Skipping them locally (CI=true makes this a failure).\n`);
}

/** `describe` when Chromium is installed; a loud skip otherwise (a failure under CI, above). */
export const describeBrowser = haveChromium ? describe : describe.skip;

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** One headless Chromium per test file, in a throwaway profile that is removed afterwards. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'chuchu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects what must never happen on a page: JS dialogs (XSS), page errors, CSP violations. */
export function watchPage(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  return seen;
}

/** The real app on a loopback port, answering from `knowledgeDir` (quiet logs, a generous rate limit). */
export async function serveKnowledge(
  knowledgeDir: string,
  options: { recorder?: Recorder; allowedOrigins?: string[] } = {},
): Promise<{ app: FastifyInstance; base: string }> {
  const engine = await createEngine({ knowledgeDir });
  const app = await buildApp({
    engine,
    recorder: options.recorder ?? createMemoryRecorder(),
    logger: pino({ level: 'silent' }),
    allowedOrigins: options.allowedOrigins ?? [],
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
  });
  return { app, base: await startServer(app, { host: '127.0.0.1', port: 0 }) };
}
