import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import { DEFAULT_BOT_RATE_LIMIT } from '../config.js';
import { guardedRecorder } from '../records/guarded.js';
import { createDialogue } from '../conversation/dialogue.js';
import { createMemoryConversationStore } from '../conversation/memory-store.js';
import { createAnswerStore } from './answer-store.js';
import { createAsker } from './ask.js';
import { createAdmin } from './features/admin.js';
import { createCommands } from './features/commands.js';
import { createDidYouMean } from './features/did-you-mean.js';
import { createErrorHandler } from './features/errors.js';
import { createFeedback } from './features/feedback.js';
import { createGroups } from './features/groups.js';
import { createInline } from './features/inline.js';
import { createQuestions } from './features/questions.js';
import { trackInFlight } from './in-flight.js';
import { describeError } from './log.js';
import { createIdHasher } from './privacy.js';
import { createRateLimiter } from './rate-limit.js';
import { boundedRetry } from './retry.js';
import { attachConnectionState } from './connection-state.js';
import { createThreads } from './threads.js';
import type { BotDeps, BotServices } from './types.js';

export type { BotDeps } from './types.js';
export { BotConfigError } from './errors.js';
export { BOT_COMMANDS, startBot, type BotMode, type BotState, type RunningBot } from './start.js';
export { telegramWebhook, WEBHOOK_PATH } from './webhook.js';

export { waitForIdle } from './in-flight.js';

/**
 * Builds the Telegram bot: one composer per feature behind an error boundary,
 * bounded retries for 429 and transient failures, per-chat ordering, per-user rate limit.
 * It does not start receiving updates: see `startBot` and `telegramWebhook`.
 *
 * @example
 * const bot = createBot(process.env.BOT_TOKEN!, { engine, recorder, logger });
 * const running = startBot(bot, { kind: 'polling' }, logger); // connects in the background
 */
export function createBot(token: string, deps: BotDeps): Bot {
  const bot = new Bot(token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    // grammY waits 500 s for a Bot API call by default: a call that hangs would hold its chat that long.
    // 60 s leaves room for long polling (30 s) and a large upload.
    client: { timeoutSeconds: 60, ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}) },
  });
  const logger = deps.logger.child({ module: 'bot' });
  // Bounded in count and time, network errors too: a reply that cannot be sent is dropped and logged.
  // Every call reports to the bot's link to the Bot API, so an outage is logged at its first failure.
  bot.api.config.use(boundedRetry(deps.retry, attachConnectionState(bot, logger, token)));
  // Awaited before each reply (durable before the reply), bounded, and never throwing.
  const recorder = guardedRecorder(deps.recorder, (problem) =>
    problem.kind === 'late'
      ? logger.warn({ waitMs: problem.waitMs }, 'bot: a record was not confirmed in time; the answer went out without waiting')
      : logger.error({ error: describeError(problem.error, token) }, 'bot: recorder failed'),
  );
  // Shared stores (Redis) when main passes them; this process's memory otherwise.
  const limiter = deps.limiter ?? createRateLimiter(deps.rateLimitPerMinute ?? DEFAULT_BOT_RATE_LIMIT);
  const answers = deps.answers ?? createAnswerStore();
  const hashId = createIdHasher(deps.hashSalt);
  const dialogue = createDialogue({
    engine: deps.engine,
    store: deps.conversations ?? createMemoryConversationStore(),
    onStoreError: (error) => logger.error({ error: describeError(error, token) }, 'bot: conversation store failed; answered without context'),
  });
  if (!deps.hashSalt) logger.warn('bot: no hash salt configured; user hashes will change on restart');
  const services: BotServices = {
    engine: deps.engine,
    recorder,
    logger,
    limiter,
    answers,
    hashId,
    dialogue,
    adminIds: new Set(deps.adminIds ?? []),
    ...(deps.reports ? { reports: deps.reports } : {}),
    ask: createAsker({ engine: deps.engine, dialogue, threads: createThreads(), recorder, limiter, answers, hashId }),
  };

  const onError = createErrorHandler(logger, token);
  bot.catch(onError);
  bot.use(trackInFlight(bot).middleware);
  // The runner handles updates concurrently; one chat's messages still get answered in order.
  const chatOf = (ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString();
  bot.use(sequentialize<Context>(chatOf));
  const { chatLock } = deps;
  if (chatLock) bot.use(async (ctx, next) => {
    const chat = chatOf(ctx);
    const release = chat ? await chatLock(chat) : null;
    try {
      await next();
    } finally {
      await release?.();
    }
  });
  bot.errorBoundary(
    onError,
    createCommands(services),
    createAdmin(services),
    createQuestions(services),
    createGroups(services),
    createInline(services),
    // Before feedback: its last handler acknowledges every unknown button.
    createDidYouMean(services),
    createFeedback(services),
  );
  return bot;
}
