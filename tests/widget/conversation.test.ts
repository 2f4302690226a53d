import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHIPPED_KNOWLEDGE } from '../server/helpers.js';
import { describeBrowser, launchBrowser, serveKnowledge, watchPage, type Browser } from './browser.js';

describeBrowser('widget conversations, the 原文 toggle and the answer mark (real Chromium)', () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ app, base } = await serveKnowledge(SHIPPED_KNOWLEDGE));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The demo page, with the conversationId of every /api/ask it sends. */
  async function openDemo(page: Page): Promise<string[]> {
    const ids: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/ask')) ids.push((JSON.parse(request.postData() ?? '{}') as { conversationId?: string }).conversationId ?? '');
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'Chuchu' in window);
    return ids;
  }

  const lastBubble = (page: Page) => page.locator('chuchu-widget').locator('.msg.bot:not(.typing)').last();
  const ask = async (page: Page, question: string) => {
    const before = await page.locator('chuchu-widget').locator('.msg.bot:not(.typing)').count();
    await page.evaluate((q) => window.Chuchu!.ask(q), question);
    await expect.poll(() => page.locator('chuchu-widget').locator('.msg.bot:not(.typing)').count()).toBeGreaterThan(before);
  };

  it('keeps one conversation per page session: a follow-up is read with the question before it', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    const ids = await openDemo(page);
    await ask(page, '郴州有几个国家级高新区?');
    await ask(page, '那综保区呢?');
    expect(await lastBubble(page).locator('.understood').textContent()).toBe('按上文理解为：郴州有几个国家级综保区');
    expect(await lastBubble(page).locator('.quote').first().textContent()).toContain('一个国家级综保区');
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[\w-]{8,64}$/u);
    expect(ids[1]).toBe(ids[0]);
    // A reload is the same session (sessionStorage): the same conversation goes on.
    await page.reload();
    await page.waitForFunction(() => 'Chuchu' in window);
    await ask(page, '省级的呢?');
    expect(await lastBubble(page).locator('.understood').textContent()).toContain('省级');
    expect(ids[2]).toBe(ids[0]);
    // Another tab is another session, with its own conversation.
    const other = await browser.context.newPage();
    const otherIds = await openDemo(other);
    await ask(other, '省级的呢?');
    expect(otherIds[0]).toMatch(/^[\w-]{8,64}$/u);
    expect(otherIds[0]).not.toBe(ids[0]);
    expect(await lastBubble(other).locator('.understood').count()).toBe(0);
    expect(seen).toEqual({ dialogs: [], errors: [] });
    await other.close();
    await page.close();
  });

  it('shows a Traditional question its answer in Traditional, and 原文 switches to the verbatim quote and back', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await openDemo(page);
    await ask(page, '東江湖蓄水量有多少立方米?');
    const bubble = lastBubble(page);
    const quote = bubble.locator('.quote').first();
    const converted = await quote.textContent();
    expect(converted).toContain('東江湖蓄水量81.2億立方米');
    expect(await quote.locator('mark').count()).toBeGreaterThan(0);
    expect(await bubble.getAttribute('lang')).toBe('zh-Hant-TW');
    expect(await bubble.locator('.cite').first().textContent()).toContain('《向南開放看郴州》');
    expect(await bubble.locator('.vote').first().getAttribute('aria-label')).toBe('有幫助');
    const toggle = bubble.locator('.orig').first();
    expect(await toggle.textContent()).toBe('原文');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await quote.textContent()).toContain('东江湖蓄水量81.2亿立方米');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await quote.textContent()).toBe(converted);
    // A Simplified question about a Simplified article has nothing to toggle.
    await ask(page, '郴州有几个国家级高新区?');
    expect(await lastBubble(page).locator('.orig').count()).toBe(0);
    expect(seen).toEqual({ dialogs: [], errors: [] });
    await page.close();
  });

  it('marks the answer apart from the question\'s words, and in the reader\'s script', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await openDemo(page);

    await ask(page, '郴州的红色旅游资源有多少处？');
    const quote = lastBubble(page).locator('.quote').first();
    expect(await quote.locator('mark.answer').allTextContents()).toEqual(['30余处']);
    expect(await quote.locator('mark:not(.answer)').count()).toBeGreaterThan(0);
    // Set apart: its own look, not the question words' yellow.
    const [answerStyle, termStyle] = await Promise.all(
      [quote.locator('mark.answer').first(), quote.locator('mark:not(.answer)').first()].map((m) =>
        m.evaluate((el) => `${getComputedStyle(el).backgroundColor} ${getComputedStyle(el).textDecorationLine}`),
      ),
    );
    expect(answerStyle).toContain('underline');
    expect(answerStyle).not.toBe(termStyle);

    // A Traditional question: the quote is converted, the mark stays on the same characters.
    await ask(page, '由郴州去深圳要幾耐？');
    const converted = lastBubble(page).locator('.quote').first();
    expect(await converted.locator('mark.answer').allTextContents()).toEqual(['2個小時']);
    // The 原文 view shows the article's characters verbatim, unmarked (the ranges are the converted text's); back again, marked.
    await lastBubble(page).locator('.orig').first().click();
    expect(await converted.textContent()).toContain('2个小时');
    expect(await converted.locator('mark').count()).toBe(0);
    await lastBubble(page).locator('.orig').first().click();
    expect(await converted.locator('mark.answer').allTextContents()).toEqual(['2個小時']);
    expect(seen).toEqual({ dialogs: [], errors: [] });
    await page.close();
  });
});
