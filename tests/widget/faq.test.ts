import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { SHIPPED_KNOWLEDGE } from '../server/helpers.js';
import { describeBrowser, launchBrowser, serveKnowledge, watchPage, type Browser } from './browser.js';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const FAQ = `
## 郴州到广州要多久？
从郴州到广州1小时左右。${PAYLOAD}
来源：《向南开放看郴州》
链接：https://example.com/faq

## 志愿者怎么报名？
在群里 @管理员 报名。
`;

describeBrowser('FAQ answers and "did you mean" in the widget (real Chromium)', () => {
  let dir: string;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const recorder = createMemoryRecorder();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chuchu-widget-faq-'));
    for (const f of ['chenzhou-opening-south.txt', 'userdict.txt', 'synonyms.txt']) copyFileSync(join(SHIPPED_KNOWLEDGE, f), join(dir, f));
    writeFileSync(join(dir, 'faq.md'), FAQ);
    ({ app, base } = await serveKnowledge(dir, { recorder }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the curated answer first with its 常见问题 label, as text, then the excerpts', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'Chuchu' in window);
    await page.evaluate(() => window.Chuchu!.ask('從郴州到廣州要多久'));
    const shadow = page.locator('chuchu-widget');
    const faq = shadow.locator('.msg.bot .faq').last();
    await faq.waitFor();
    // Asked in Traditional: the label and the answer in Traditional; the question as the manager wrote it.
    expect(await faq.locator('.label').textContent()).toBe('常見問題');
    expect(await faq.locator('.faq-q').textContent()).toBe('郴州到广州要多久？');
    expect(await faq.locator('.faq-a').textContent()).toBe(`從郴州到廣州1小時左右。${PAYLOAD}`);
    expect(await faq.locator('.cite a').getAttribute('href')).toBe('https://example.com/faq');
    // FAQ before the first quote, in the same bubble.
    const order = await shadow.locator('.msg.bot').last().evaluate((box) => [...box.querySelectorAll('.faq, .quote')].map((e) => e.className));
    expect(order[0]).toBe('faq');
    expect(order.slice(1).every((c) => c === 'quote')).toBe(true);
    expect(order.length).toBeGreaterThan(1);
    expect(await shadow.locator('img').count()).toBe(0);
    expect(seen).toEqual({ dialogs: [], errors: [] });
    await page.close();
  });

  it('offers "did you mean" choices on a declined answer; clicking one asks it', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'Chuchu' in window);
    const before = recorder.questions.length;
    await page.evaluate(() => window.Chuchu!.ask('志愿者有补贴吗'));
    const shadow = page.locator('chuchu-widget');
    // The FAQ's questions are example chips too: the "did you mean" one is in the declined bubble.
    const choice = shadow.locator('.decline').getByRole('button', { name: '志愿者怎么报名？' });
    await choice.waitFor();
    expect(await shadow.locator('.decline').last().textContent()).toContain('你是不是想问');
    await choice.click();
    await expect.poll(() => shadow.locator('.faq-a').last().textContent().catch(() => null)).toBe('在群里 @管理员 报名。');
    expect(await shadow.locator('.msg.user').last().textContent()).toBe('志愿者怎么报名？');
    expect(recorder.questions.slice(before).map((q) => q.question)).toEqual(['志愿者有补贴吗', '志愿者怎么报名？']);
    expect(seen).toEqual({ dialogs: [], errors: [] });
    await page.close();
  });
});
