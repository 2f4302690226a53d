import { createHash } from 'node:crypto';
import { Composer, type Context, InlineQueryResultBuilder } from 'grammy';
import { QuestionError } from '../../shared/errors.js';
import type { Answer } from '../../answer/types.js';
import { questionRecord } from '../../records/recorder.js';
import { escapeHtml, formatFaq, formatResult, plainCitation } from '../format.js';
import { splitHtml } from '../split.js';
import { TEXT } from '../texts.js';
import type { BotServices } from '../types.js';

/** Inline results per query (Telegram shows a short list; 5 keeps it scannable). */
export const INLINE_LIMIT = 5;

/** `@Bot 问题` in any chat: up to five ready-to-send excerpts, each with its citation. */
export function createInline(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();

  c.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    const empty = (text: string, cache = 300) =>
      ctx.answerInlineQuery([], { cache_time: cache, button: { text, start_parameter: 'inline' } });
    if (!question) return void (await empty(TEXT.inlineStart));
    if (!(await s.limiter.take(ctx.from.id)).allowed) return void (await empty(TEXT.rateLimited, 0));

    const started = performance.now();
    let answer: Answer;
    try {
      // No conversation: an inline query is typed into another chat, and may be sent anywhere.
      answer = await s.dialogue.ask(question, { limit: INLINE_LIMIT });
    } catch (error) {
      if (error instanceof QuestionError) return void (await empty(error.message, 0));
      throw error;
    }
    // Telegram sends a query per pause in typing, so partial questions get recorded too (chatType "inline").
    await s.recorder.recordQuestion(questionRecord(answer, { channel: 'telegram', chatType: 'inline', userHash: s.hashId(ctx.from.id), chatHash: null }, started));
    if (answer.nothingToShow) return void (await empty(TEXT.inlineNoAnswer));

    const results = answer.results.map((r, i) => {
      // Result ids are limited to 64 bytes; passage ids have no such promise, so hash them.
      const id = `${i}-${createHash('sha256').update(r.passageId).digest('hex').slice(0, 24)}`;
      const html = splitHtml(`❓ ${escapeHtml(answer.question)}\n\n${formatResult(r)}`)[0]!;
      return InlineQueryResultBuilder.article(id, plainCitation(r), { description: r.excerpt }).text(html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
    });
    if (answer.faq) {
      const faq = answer.faq;
      const id = `faq-${createHash('sha256').update(faq.question).digest('hex').slice(0, 24)}`;
      const html = splitHtml(`❓ ${escapeHtml(answer.question)}\n\n${formatFaq(faq)}`)[0]!;
      const article = InlineQueryResultBuilder.article(id, `常见问题：${faq.question}`, { description: faq.answer }).text(html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
      // The curated answer first; Telegram allows 50 results, so one more than INLINE_LIMIT is fine.
      results.unshift(article);
    }
    await ctx.answerInlineQuery(results, { cache_time: 300 });
  });

  return c;
}
