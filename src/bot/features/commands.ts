import { Composer, type Context, Keyboard } from 'grammy';
import { replyHtml } from '../reply.js';
import { helpText, sourcesText, startText, TEXT } from '../texts.js';
import type { BotServices } from '../types.js';

/** In groups, replies quote the asking message so threads stay readable. */
export const groupReplyTo = (ctx: Context): number | undefined =>
  ctx.chat?.type === 'private' ? undefined : ctx.msg?.message_id;

/** /start, /help, /sources and /ask, in every kind of chat (admin commands: admin.ts). */
export function createCommands(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();

  c.command('start', async (ctx) => {
    const examples = s.engine.exampleQuestions(3);
    const inGroup = ctx.chat.type !== 'private';
    const html = startText(s.engine.articles(), examples, inGroup);
    if (inGroup || examples.length === 0) return void (await replyHtml(ctx, html, { replyTo: groupReplyTo(ctx) }));
    // Reply-keyboard buttons send their text as a message, i.e. as a question,
    // with no 64-byte callback limit on the question's length.
    const keyboard = Keyboard.from(examples.map((q) => [Keyboard.text(q)])).resized().oneTime();
    await ctx.reply(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: keyboard });
  });

  c.command('help', (ctx) => replyHtml(ctx, helpText(ctx.me.username), { replyTo: groupReplyTo(ctx) }));

  c.command('sources', (ctx) => replyHtml(ctx, sourcesText(s.engine.articles()), { replyTo: groupReplyTo(ctx) }));

  c.command('ask', async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return void (await replyHtml(ctx, TEXT.askUsage, { replyTo: groupReplyTo(ctx) }));
    await s.ask(ctx, question, { replyTo: groupReplyTo(ctx) });
  });

  return c;
}
