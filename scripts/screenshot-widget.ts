/**
 * Regenerates docs/widget.png, the README's picture of the widget: the real app on a
 * loopback port with the shipped knowledge, the demo page in headless Chromium at
 * 1280×800, the first example question asked through the widget.
 *   npm run screenshot                     (Debian's chromium and fonts-wqy-microhei: see .ci/run)
 *   CHUCHU_CHROMIUM=/path/to/chrome npm run screenshot
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { createEngine } from '../src/engine/engine.js';
import { createMemoryRecorder } from '../src/records/recorder.js';
import { buildApp } from '../src/server/app.js';
import { startServer } from '../src/server/listen.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs', 'widget.png');
const CHROMIUM = process.env.CHUCHU_CHROMIUM ?? '/usr/bin/chromium';
/** Bounds every wait: a page that never answers fails the script instead of hanging it. */
const TIMEOUT_MS = 30_000;

const engine = await createEngine({ knowledgeDir: path.join(ROOT, 'knowledge') });
const app = await buildApp({
  engine,
  recorder: createMemoryRecorder(),
  logger: pino({ level: 'silent' }),
  allowedOrigins: [],
  rateLimit: { max: 100, timeWindowMs: 60_000 },
});
const base = await startServer(app, { host: '127.0.0.1', port: 0 });
const profile = mkdtempSync(path.join(tmpdir(), 'chuchu-screenshot-'));
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.goto(`${base}/`);
    // The demo page's first example button asks through the widget, as a visitor would.
    await page.locator('[data-chuchu-ask]').first().click();
    await page.locator('chuchu-widget .quote').first().waitFor();
    await page.locator('chuchu-widget .votes').first().waitFor();
    await page.screenshot({ path: OUT });
    console.log(`wrote ${path.relative(ROOT, OUT)} (asked: ${await page.locator('[data-chuchu-ask]').first().getAttribute('data-chuchu-ask')})`);
  } finally {
    await context.close();
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
  await app.close();
}
