import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { Dialogue } from '../conversation/dialogue.js';
import type { ConversationStore } from '../conversation/store.js';
import type { Engine } from '../engine/types.js';
import type { Recorder } from '../records/recorder.js';
import type { ReportSource } from '../report/types.js';
import type { AnswerStore } from './answer-store.js';
import type { Asker } from './ask.js';
import type { RateLimiter } from './rate-limit.js';
import type { RetryOptions } from './retry.js';

/** What `createBot` needs; everything else is derived. */
export interface BotDeps {
  engine: Engine;
  recorder: Recorder;
  logger: Logger;
  /** Another Bot API server (self-hosted telegram-bot-api, or a test emulator). */
  apiRoot?: string;
  /** Known bot info: skips `getMe` in `bot.init()` (tests). */
  botInfo?: UserFromGetMe;
  /** Questions per user per minute (default DEFAULT_BOT_RATE_LIMIT, as BOT_RATE_LIMIT). */
  rateLimitPerMinute?: number;
  /** A limiter shared by replicas (Redis); without it, one in this process's memory. */
  limiter?: RateLimiter;
  /** An answer store shared by replicas (Redis), so 更多 and 👍/👎 work whichever replica takes the tap. */
  answers?: AnswerStore;
  /** Salt for the user and chat hashes handed to the recorder. */
  hashSalt?: string;
  /** Telegram user ids allowed to use /stats, /unanswered and /reload (in private chats). */
  adminIds?: number[];
  /** The records' reports, for /stats and /unanswered; without it they show the index only. */
  reports?: ReportSource;
  /** Where conversations are kept (follow-up questions); an in-memory store when absent. */
  conversations?: ConversationStore;
  /** Across replicas, one update per chat at a time (webhook mode with Redis); `sequentialize` covers one process. */
  chatLock?: ChatLock;
  /** Overrides for the bounded retry of Bot API calls (tests shorten it; defaults suit production). */
  retry?: Partial<RetryOptions>;
}

/** Takes a chat's lock (waiting a bounded time), resolving to its release. */
export type ChatLock = (chat: string) => Promise<() => Promise<void>>;

/** Shared by the feature composers. */
export interface BotServices {
  engine: Engine;
  recorder: Recorder;
  logger: Logger;
  limiter: RateLimiter;
  answers: AnswerStore;
  hashId: (id: number | undefined) => string | null;
  /** The answer path with conversations and the asker's script. */
  dialogue: Dialogue;
  ask: Asker;
  adminIds: ReadonlySet<number>;
  reports?: ReportSource;
}
