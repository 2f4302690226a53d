import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, serveKnowledge, watchPage, type Browser } from './browser.js';

const PAYLOAD = '<img src=x onerror=alert(1)>';

/** Articles whose text, headings and metadata all try to inject markup or script. */
const HOSTILE = {
  'hostile.md': `---
title: 石头${PAYLOAD}记
---

# 石头${PAYLOAD}记

## 湖边<script>alert(3)</script>的石头

东江湖边有一块刻字的石头，石头上刻着 ${PAYLOAD} 这几个字符，游客常常在石头前拍照留念。

石头旁边还有一块木牌，木牌上写着 <a href="javascript:alert(4)">点我</a> 和 &lt;b&gt; 这样的文字。
`,
  'linked.md': `---
title: 郴州的桥
url: https://example.com/bridge?a=1&b=<i>
---

郴州城区有一座古桥，古桥建于明代，桥上有十二个石狮子。
`,
};

describeBrowser('hostile article text in the widget (real Chromium)', () => {
  let dir: string;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chuchu-xss-'));
    for (const [name, text] of Object.entries(HOSTILE)) writeFileSync(join(dir, name), text);
    ({ app, base } = await serveKnowledge(dir));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows markup from articles and questions as characters, and runs none of it', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'Chuchu' in window);
    const shadow = page.locator('chuchu-widget');

    await page.evaluate((q) => window.Chuchu!.ask(q), `东江湖边的石头上刻着什么？${PAYLOAD}`);
    await shadow.locator('.quote').first().waitFor();
    expect(await shadow.locator('.msg.user').last().textContent()).toContain(PAYLOAD);
    const quotes = (await shadow.locator('.quote').allTextContents()).join('\n');
    expect(quotes).toContain(PAYLOAD);
    const cite = (await shadow.locator('.cite').first().textContent()) ?? '';
    expect(cite).toContain(`《石头${PAYLOAD}记》`);
    expect(cite).toContain('<script>alert(3)</script>');
    // No url, no link. (A javascript: url never gets this far: the loader refuses it, tests/knowledge/front-matter-url.test.ts.)
    expect(await shadow.locator('.cite a').count()).toBe(0);

    await page.evaluate(() => window.Chuchu!.ask('木牌上写着什么？'));
    await expect.poll(() => shadow.locator('.quote').count()).toBeGreaterThan(1);
    expect((await shadow.locator('.quote').allTextContents()).join('\n')).toContain('<a href="javascript:alert(4)">点我</a>');

    // Nothing became an element, nothing ran.
    const injected = await page.evaluate(() => {
      const root = document.querySelector('chuchu-widget')!.shadowRoot!;
      return root.querySelectorAll('img, script, iframe, a[href^="javascript"], [onerror]').length;
    });
    expect(injected).toBe(0);
    await page.waitForTimeout(200);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);

    // An https url is linked, safely (new tab, no opener, no referrer).
    await page.evaluate(() => window.Chuchu!.ask('古桥上有几个石狮子？'));
    const link = shadow.locator('.cite a').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://example.com/bridge?a=1&b=%3Ci%3E');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.textContent()).toBe('《郴州的桥》');
    await page.close();
  });

  it('survives a reload: stored history is re-rendered as text too', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'Chuchu' in window);
    await page.evaluate(() => window.Chuchu!.ask('东江湖边的石头上刻着什么？'));
    await page.locator('chuchu-widget .quote').first().waitFor();
    await page.reload();
    await page.locator('chuchu-widget .quote').first().waitFor();
    expect(await page.locator('chuchu-widget .quote').first().textContent()).toContain(PAYLOAD);
    expect(await page.evaluate(() => document.querySelector('chuchu-widget')!.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });
});
