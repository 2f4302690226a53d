import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { type Bot, webhookCallback } from 'grammy';
import { assertWebhookSecret } from './errors.js';
import { checkUpdate } from './update-schema.js';

/** Fixed path: the token never appears in a URL; the secret header authenticates Telegram. */
export const WEBHOOK_PATH = '/telegram/webhook';

/** Largest update accepted (a 4,096-character message with entities and a quoted reply is far below). */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

/** Telegram waits only seconds for an answer; past this we answer 200 and keep working on the update. */
const ANSWER_WITHIN_MS = 5_000;

/** Constant time for equal lengths; a length mismatch reveals only the length. */
export function secretMatches(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buf = Buffer.from(given);
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

/** Errors in the server's JSON shape (`{ statusCode, error, message }`). */
function fail(reply: FastifyReply, statusCode: number, error: string, message: string): FastifyReply {
  return reply.code(statusCode).type('application/json; charset=utf-8').send({ statusCode, error, message });
}

/** Across replicas: whether this delivery of an update is the first (Redis), and marking it handled. */
export interface UpdateClaims {
  claim(updateId: number): Promise<boolean>;
  done(updateId: number): Promise<void>;
}

/**
 * Fastify plugin for webhook mode: `POST /telegram/webhook`. The secret header is checked
 * before the body is read (a stranger's body is never parsed); then the update is checked
 * (400 for a body that is no update, 200 and a warning for one with a malformed field), and
 * handed to grammY. Until the bot has reached the Bot API once, 503: Telegram redelivers.
 *
 * @example
 * await app.register(telegramWebhook(bot, config.webhookSecret));
 *
 * With `claims`, an update Telegram delivers again (a retry after a slow answer, reaching
 * another replica) is acknowledged without being handled twice.
 */
export function telegramWebhook(bot: Bot, secret: string, claims?: UpdateClaims): FastifyPluginAsync {
  assertWebhookSecret(secret);
  const expected = Buffer.from(secret);
  // 'return': answer Telegram in time and keep working, rather than fail and get the update redelivered.
  const handle = webhookCallback(bot, 'fastify', { onTimeout: 'return', timeoutMilliseconds: ANSWER_WITHIN_MS });
  return async (app) => {
    app.post(
      WEBHOOK_PATH,
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        onRequest: async (request, reply) => {
          if (secretMatches(request.headers['x-telegram-bot-api-secret-token'], expected)) return;
          return fail(reply, 401, 'unauthorized', '缺少或错误的 X-Telegram-Bot-Api-Secret-Token');
        },
      },
      async (request, reply) => {
        const check = checkUpdate(request.body);
        if (check.kind === 'not-an-update') return fail(reply, 400, 'invalid_update', '请求内容不是 Telegram 更新（需要带 update_id 的 JSON 对象）');
        if (check.kind === 'malformed') {
          // 200, not 400: Telegram would redeliver a refused update, holding up the ones after it.
          request.log.warn({ updateId: check.updateId, problem: check.problem }, 'bot: malformed update ignored');
          return reply.code(200).send({ ok: true, ignored: true });
        }
        if (!bot.isInited()) {
          // bot.init() would wait for the Bot API here; Telegram redelivers a 503 later.
          reply.header('Retry-After', '10');
          return fail(reply, 503, 'bot_not_ready', '机器人还没连上 Telegram，请稍后重试');
        }
        // A well-formed update (checked above) has a numeric update_id.
        const claimed = claims ? (request.body as { update_id: number }).update_id : null;
        if (claimed !== null && !(await claims!.claim(claimed))) {
          request.log.info({ updateId: claimed }, 'telegram: duplicate delivery of an update, not handled again');
          return reply.code(200).send({ ok: true, duplicate: true });
        }
        await handle(request, reply);
        if (claimed !== null) await claims!.done(claimed);
        return reply;
      },
    );
  };
}
