import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { type Bot, webhookCallback } from 'grammy';
import { assertWebhookSecret } from './errors.js';

/** Fixed path: the token never appears in a URL; the secret header authenticates Telegram. */
export const WEBHOOK_PATH = '/telegram/webhook';

/** Constant time for equal lengths; a length mismatch reveals only the length. */
export function secretMatches(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buf = Buffer.from(given);
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

/**
 * Fastify plugin for webhook mode: `POST /telegram/webhook`, checked against
 * `X-Telegram-Bot-Api-Secret-Token`, then handed to grammY.
 *
 * @example
 * await app.register(telegramWebhook(bot, config.webhookSecret));
 */
export function telegramWebhook(bot: Bot, secret: string): FastifyPluginAsync {
  assertWebhookSecret(secret);
  const expected = Buffer.from(secret);
  // 'return': answer Telegram after 9 s and keep working, rather than fail and get the update redelivered.
  const handle = webhookCallback(bot, 'fastify', { onTimeout: 'return', timeoutMilliseconds: 9_000 });
  return async (app) => {
    app.post(WEBHOOK_PATH, async (request, reply) => {
      if (!secretMatches(request.headers['x-telegram-bot-api-secret-token'], expected)) {
        return reply.code(401).send({ error: 'unauthorized', message: 'Missing or wrong X-Telegram-Bot-Api-Secret-Token header.' });
      }
      await handle(request, reply);
      return reply;
    });
  };
}
