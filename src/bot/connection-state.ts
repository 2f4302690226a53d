import type { Logger } from 'pino';
import { describeError } from './log.js';

export type BotState = 'connecting' | 'connected' | 'unreachable' | 'stopped';

/**
 * The bot's link to the Bot API, logged once per change of state, never once per failed
 * call: an API down for an hour is two log lines (down, back), not thousands.
 */
export interface ConnectionState {
  readonly current: BotState;
  up(): void;
  down(error: unknown): void;
  stopped(): void;
}

const links = new WeakMap<object, ConnectionState>();

/** The link of a bot made by createBot (one per bot, so every Bot API call reports to the same one). */
export function linkOf(bot: object): ConnectionState | undefined {
  return links.get(bot);
}

/** Creates the link of `bot`, found later with `linkOf(bot)`. */
export function attachConnectionState(bot: object, logger: Logger, token: string): ConnectionState {
  const link = createConnectionState(logger, token);
  links.set(bot, link);
  return link;
}

export function createConnectionState(logger: Logger, token: string): ConnectionState {
  let current: BotState = 'connecting';
  let downSince = 0;
  return {
    get current() {
      return current;
    },
    up() {
      if (current === 'connected' || current === 'stopped') return;
      const downMs = current === 'unreachable' ? Date.now() - downSince : undefined;
      current = 'connected';
      logger.info(downMs === undefined ? {} : { downMs }, downMs === undefined ? 'bot: connected to the Bot API' : 'bot: Bot API reachable again');
    },
    down(error) {
      if (current === 'unreachable' || current === 'stopped') return;
      current = 'unreachable';
      downSince = Date.now();
      logger.warn({ error: describeError(error, token) }, 'bot: Bot API unreachable; the web side keeps serving, the bot retries in the background');
    },
    stopped() {
      current = 'stopped';
    },
  };
}
