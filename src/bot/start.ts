import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Logger } from 'pino';
import { createConnectionState, linkOf, type BotState } from './connection-state.js';
import { assertWebhookSecret } from './errors.js';
import { waitForIdle } from './in-flight.js';
import { describeError } from './log.js';

export type { BotState } from './connection-state.js';
export type BotMode = { kind: 'polling' } | { kind: 'webhook'; url: string; secret: string };

export interface RunningBot {
  /** Stops connecting and receiving (polling) and waits for answers in flight. In webhook mode, close the HTTP server first. */
  stop(): Promise<void>;
  /** Where the link to the Bot API stands now. */
  state(): BotState;
  /** Resolves the first time the bot is connected (stays pending while the Bot API is unreachable). */
  connected: Promise<void>;
}

export interface StartOptions {
  /** Wait before the first reconnect attempt; doubles up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Wait between getUpdates attempts while polling fails (the runner's default grows to hours). */
  pollRetryMs?: number;
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
 * Starts the bot without waiting for the Bot API: `getMe`, the command menu, then long polling
 * (grammY runner) or `setWebhook`, tried in the background until it works, each state change
 * logged once. It returns at once, so an unreachable Bot API never holds up start-up; await
 * `connected` to wait for the first connection. In webhook mode call it after the server listens.
 */
export function startBot(bot: Bot, mode: BotMode, logger: Logger, options: StartOptions = {}): RunningBot {
  if (mode.kind === 'webhook') assertWebhookSecret(mode.secret);
  const token = bot.token;
  const link = linkOf(bot) ?? createConnectionState(logger, token);
  const stopping = new AbortController();
  let runner: RunnerHandle | undefined;
  let markConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => (markConnected = resolve));

  if (mode.kind === 'polling') {
    // The runner would print getUpdates failures with console.error (the URL, with the token, included);
    // it runs silent and this logs the link's state changes instead.
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method !== 'getUpdates') return prev(method, payload, signal);
      try {
        const result = await prev(method, payload, signal);
        link.up();
        return result;
      } catch (error) {
        if (!signal?.aborted) link.down(error);
        throw error;
      }
    });
  }

  // grammY types signals with the abort-controller shim; at run time it is Node's own.
  const abort = stopping.signal as unknown as Parameters<typeof bot.api.getMe>[0];

  async function connectOnce(): Promise<void> {
    // Not bot.init(): it retries network errors without end. getMe here has the bounded retry.
    if (!bot.isInited()) bot.botInfo = await bot.api.getMe(abort);
    try {
      await bot.api.setMyCommands(BOT_COMMANDS, undefined, abort);
    } catch (error) {
      // The menu is a convenience; a Bot API server without it must not keep the bot down.
      logger.warn({ error: describeError(error, token) }, 'bot: setMyCommands failed, continuing without a command menu');
    }
    if (mode.kind === 'webhook') {
      await bot.api.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: [...ALLOWED_UPDATES] }, abort);
      logger.info({ username: bot.botInfo.username, url: mode.url }, 'bot: webhook set');
      return;
    }
    // A webhook left from an earlier deployment makes getUpdates fail with 409.
    await bot.api.deleteWebhook(undefined, abort);
    runner = run(bot, {
      runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: options.pollRetryMs ?? 3_000, maxRetryTime: Number.MAX_SAFE_INTEGER },
    });
    runner.task()?.catch((error: unknown) => {
      link.stopped();
      logger.error({ error: describeError(error, token) }, 'bot: polling stopped (the token was refused, or another process polls with it)');
    });
    logger.info({ username: bot.botInfo.username }, 'bot: polling');
  }

  const loop = (async () => {
    let delay = options.reconnectDelayMs ?? 2_000;
    while (!stopping.signal.aborted) {
      try {
        await connectOnce();
        link.up();
        markConnected();
        return;
      } catch (error) {
        if (stopping.signal.aborted) return;
        link.down(error);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        stopping.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      delay = Math.min(delay * 2, options.maxReconnectDelayMs ?? 60_000);
    }
  })();

  let stopped: Promise<void> | undefined;
  return {
    state: () => link.current,
    connected,
    stop: () =>
      (stopped ??= (async () => {
        stopping.abort();
        link.stopped();
        await loop;
        if (runner?.isRunning()) await runner.stop();
        await waitForIdle(bot);
      })()),
  };
}
