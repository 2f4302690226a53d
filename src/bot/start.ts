import { run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from 'pino';
import { assertWebhookSecret } from './errors.js';
import { waitForIdle } from './in-flight.js';
import { describeError } from './log.js';

export type BotMode = { kind: 'polling' } | { kind: 'webhook'; url: string; secret: string };

export interface RunningBot {
  /** Stops receiving (polling) and waits for answers in flight. In webhook mode, close the HTTP server first. */
  stop(): Promise<void>;
}

/** The command menu Telegram shows next to the input field. */
export const BOT_COMMANDS: BotCommand[] = [
  { command: 'start', description: '开始：我是谁，我知道什么' },
  { command: 'ask', description: '提问：/ask 你的问题' },
  { command: 'sources', description: '知识库里的文章和出处' },
  { command: 'help', description: '使用说明' },
];

/** Edited messages are left out on purpose: an edit is not a new question. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/**
 * Starts receiving updates: `bot.init()`, the command menu, then long polling
 * (grammY runner, concurrent) or `setWebhook` with the secret token.
 * In webhook mode call it after the HTTP server listens.
 */
export async function startBot(bot: Bot, mode: BotMode, logger: Logger): Promise<RunningBot> {
  if (mode.kind === 'webhook') assertWebhookSecret(mode.secret);
  await bot.init();
  const token = bot.token;
  try {
    await bot.api.setMyCommands(BOT_COMMANDS);
  } catch (error) {
    // The menu is a convenience; a Bot API server without it must not keep the bot down.
    logger.warn({ error: describeError(error, token) }, 'bot: setMyCommands failed, continuing without a command menu');
  }

  if (mode.kind === 'webhook') {
    await bot.api.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ username: bot.botInfo.username, url: mode.url }, 'bot: webhook set');
    return { stop: () => waitForIdle(bot) };
  }

  // A webhook left from an earlier deployment makes getUpdates fail with 409.
  await bot.api.deleteWebhook();
  // The runner would print getUpdates failures with console.error, inner fetch error (and URL, with
  // the token) included; it runs silent and failures are logged here, token masked.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (method === 'getUpdates' && !signal?.aborted) logger.warn({ error: describeError(error, token) }, 'bot: getUpdates failed, retrying');
      throw error;
    }
  });
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
  runner.task()?.catch((error: unknown) => logger.error({ error: describeError(error, token) }, 'bot: polling stopped'));
  logger.info({ username: bot.botInfo.username }, 'bot: polling');
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        if (runner.isRunning()) await runner.stop();
        await waitForIdle(bot);
      })()),
  };
}
