import { Composer, type Context } from 'grammy';
import { startsWithCommand, stripBotMentions } from '../mention.js';
import { replyHtml } from '../reply.js';
import { TEXT } from '../texts.js';
import type { BotServices } from '../types.js';

/** Private chats: every text is a question; anything else gets a polite request for text. */
export function createQuestions(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();
  const dm = c.chatType('private');

  dm.on('message:text', async (ctx) => {
    // Known commands were handled before this composer; what is left is a typo or another bot's command.
    if (startsWithCommand(ctx.message)) return void (await replyHtml(ctx, TEXT.unknownCommand));
    const { question } = stripBotMentions(ctx.message, ctx.me);
    await s.ask(ctx, question || ctx.message.text);
  });

  // Stickers, photos, voice, files, locations… (edited messages never reach here: not subscribed).
  dm.on('message', (ctx) => replyHtml(ctx, TEXT.nonText));

  return c;
}
