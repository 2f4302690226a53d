import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { SHIPPED_KNOWLEDGE } from '../server/helpers.js';
import { describeBrowser, launchBrowser, serveKnowledge, watchPage, type Browser } from './browser.js';

const SEED = '东江湖的蓄水量是多少？';

describeBrowser('widget on the demo page (real Chromium)', () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const recorder = createMemoryRecorder();
  // A third-party site on another loopback port (Chromium will not let a public page load from
  // loopback): http://localhost:<port> is in ALLOWED_ORIGINS, http://127.0.0.1:<port> is not.
  let site: Server;
  let sitePort: number;
  const sitePages = new Map<string, string>();

  beforeAll(async () => {
    site = createServer((request, response) => {
      const page = sitePages.get(request.url ?? '');
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(page ?? '');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    sitePort = (site.address() as AddressInfo).port;
    ({ app, base } = await serveKnowledge(SHIPPED_KNOWLEDGE, { recorder, allowedOrigins: [`http://localhost:${sitePort}`] }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  async function openDemo(viewport = { width: 1280, height: 800 }): Promise<{ page: Page; seen: ReturnType<typeof watchPage> }> {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    const seen = watchPage(page);
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: '打开郴州问答' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: '郴州问答' }).isVisible()).toBe(true);
    return { page, seen };
  }

  async function ask(page: Page, question: string): Promise<void> {
    const input = page.getByRole('textbox', { name: '输入你的问题' });
    await input.fill(question);
    await input.press('Enter');
  }

  it('answers a seed question with a quoted, highlighted excerpt and its citation', async () => {
    const { page, seen } = await openDemo();
    // Opening moves focus to the input.
    await expect.poll(() => page.evaluate(() => document.querySelector('chuchu-widget')?.shadowRoot?.activeElement?.tagName)).toBe('INPUT');
    await ask(page, SEED);
    const quote = page.locator('chuchu-widget .quote').first();
    await quote.waitFor();
    expect(await quote.textContent()).toContain('81.2亿立方米');
    expect(await page.locator('chuchu-widget .quote mark').count()).toBeGreaterThan(0);
    const cite = (await page.locator('chuchu-widget .cite').first().textContent()) ?? '';
    expect(cite).toContain('《向南开放看郴州》');
    expect(cite).toMatch(/第\d+段/);
    expect(await page.locator('chuchu-widget .msg.user').last().textContent()).toBe(SEED);

    // Greeting with example questions from /api/examples.
    expect(await page.locator('chuchu-widget .msg.bot').first().textContent()).toContain('出处');

    await page.screenshot({ path: 'test-results/widget-open.png' });

    // 👍 reaches the recorder with the top passage.
    await page.getByRole('button', { name: '有帮助' }).first().click();
    await page.locator('chuchu-widget .thanks').waitFor();
    await expect.poll(() => recorder.feedback.length).toBe(1);
    expect(recorder.feedback[0]).toMatchObject({ channel: 'web', vote: 'up', question: SEED });
    expect(recorder.questions.at(-1)).toMatchObject({ chatType: 'widget', question: SEED, answered: true });

    // The conversation survives a reload within the session, panel still open.
    await page.reload();
    await page.locator('chuchu-widget .quote').first().waitFor();
    expect(await page.locator('chuchu-widget .msg.user').count()).toBe(1);
    expect(await page.locator('chuchu-widget .thanks').count()).toBe(1);

    // Escape closes the panel and gives focus back to the launcher.
    await page.getByRole('textbox', { name: '输入你的问题' }).press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: '郴州问答' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.querySelector('chuchu-widget')?.shadowRoot?.activeElement?.className)).toBe('launcher');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('declines an unanswerable question, saying what the knowledge covers', async () => {
    const { page, seen } = await openDemo();
    await ask(page, '明天北京的天气怎么样？');
    const decline = page.locator('chuchu-widget .decline');
    await decline.waitFor();
    const text = (await decline.textContent()) ?? '';
    expect(text).toContain('没有找到');
    expect(text).toContain('向南开放看郴州');
    expect(await page.locator('chuchu-widget .quote').count()).toBe(0);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it("the demo page's example buttons ask through the widget", async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'Chuchu' in window);
    await page.getByRole('button', { name: '东江湖的蓄水量是多少？' }).click();
    await page.locator('chuchu-widget .quote').first().waitFor();
    expect(await page.getByRole('dialog', { name: '郴州问答' }).isVisible()).toBe(true);
    expect(await page.locator('chuchu-widget .quote').first().textContent()).toContain('81.2亿立方米');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('shows a typing indicator, then an error with a retry that works', async () => {
    const { page } = await openDemo();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/ask', async (route) => {
      await held;
      await route.abort('internetdisconnected');
    });
    await ask(page, SEED);
    await page.locator('chuchu-widget .typing').waitFor();
    release();
    await page.locator('chuchu-widget .error').waitFor();
    expect(await page.locator('chuchu-widget .error').textContent()).toContain('网络');
    expect(await page.locator('chuchu-widget .typing').count()).toBe(0);

    await page.unroute('**/api/ask');
    await page.getByRole('button', { name: '重试' }).click();
    await page.locator('chuchu-widget .quote').first().waitFor();
    expect(await page.locator('chuchu-widget .quote').first().textContent()).toContain('81.2亿立方米');
    await page.close();
  });

  it('fills the screen at 360 px wide and still answers', async () => {
    const { page } = await openDemo({ width: 360, height: 740 });
    const box = await page.getByRole('dialog', { name: '郴州问答' }).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
    await ask(page, SEED);
    await page.locator('chuchu-widget .quote').first().waitFor();
    // Nothing overflows sideways.
    expect(await page.evaluate(() => document.querySelector('chuchu-widget')!.shadowRoot!.querySelector('.log')!.scrollWidth)).toBeLessThanOrEqual(360);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/widget-mobile.png' });
    await page.close();
  });

  it("keeps the host page's CSS out, and works embedded on an allowed site (CORS)", async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    sitePages.set(
      '/article.html',
      `<!doctype html><html lang="zh-CN"><head><link rel="icon" href="data:,"><style>* { color: red !important; font-size: 40px } div, button, section { display: block !important; border: 5px solid lime; }</style></head>
<body><p id="host">新闻正文</p><script src="${base}/widget.js" data-title="郴州问答" data-color="#c03" data-position="left" async></script></body></html>`,
    );
    await page.goto(`http://localhost:${sitePort}/article.html`);
    await page.waitForFunction(() => 'Chuchu' in window, undefined, { timeout: 5000 });
    expect(await page.locator('#host').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(255, 0, 0)');
    await page.evaluate(() => window.Chuchu!.ask('东江湖的蓄水量是多少？'));
    await page.locator('chuchu-widget .quote').first().waitFor();
    const style = await page.locator('chuchu-widget .quote').first().evaluate((e) => {
      const s = getComputedStyle(e);
      return { color: s.color, fontSize: s.fontSize, borderTop: s.borderTopWidth };
    });
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.fontSize).toBe('14px');
    expect(style.borderTop).toBe('0px');
    // data-color and data-position took effect.
    const launcher = await page.locator('chuchu-widget .launcher').evaluate((e) => ({ bg: getComputedStyle(e).backgroundColor, left: e.getBoundingClientRect().left }));
    expect(launcher.bg).toBe('rgb(204, 0, 51)');
    expect(launcher.left).toBeLessThan(100);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('shows a clear error on a site that is not allowed', async () => {
    const page = await browser.context.newPage();
    sitePages.set('/plain.html', `<!doctype html><body><script src="${base}/widget.js"></script></body>`);
    await page.goto(`http://127.0.0.1:${sitePort}/plain.html`);
    await page.waitForFunction(() => 'Chuchu' in window, undefined, { timeout: 5000 });
    await page.evaluate(() => window.Chuchu!.ask('东江湖的蓄水量是多少？'));
    await page.locator('chuchu-widget .error').waitFor();
    expect(await page.locator('chuchu-widget .quote').count()).toBe(0);
    // Refused by the server (403, no CORS headers), so the browser reports a network failure.
    expect(await page.locator('chuchu-widget .error').textContent()).toContain('网络');
    await page.close();
  });
});
