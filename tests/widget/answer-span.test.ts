import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHIPPED_KNOWLEDGE } from '../server/helpers.js';
import { describeBrowser, launchBrowser, serveKnowledge, watchPage, type Browser } from './browser.js';

describeBrowser('the answer span in the widget (real Chromium)', () => {
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

  const lastBubble = (page: Page) => page.locator('chuchu-widget').locator('.msg.bot:not(.typing)').last();
  async function ask(page: Page, question: string): Promise<void> {
    const before = await page.locator('chuchu-widget').locator('.msg.bot:not(.typing)').count();
    await page.evaluate((q) => window.Chuchu!.ask(q), question);
    await expect.poll(() => page.locator('chuchu-widget').locator('.msg.bot:not(.typing)').count()).toBeGreaterThan(before);
  }

  it('marks the answer apart from the question\'s words, and in the reader\'s script', async () => {
    const page = await browser.context.newPage();
    const seen = watchPage(page);
    await page.goto(`${base}/`);
    await page.waitForFunction(() => 'Chuchu' in window);

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
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});
