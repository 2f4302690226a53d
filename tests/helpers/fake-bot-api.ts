import Fastify from 'fastify';
import type { Update, UserFromGetMe } from 'grammy/types';

/** One call the bot made, as the Bot API received it. */
export interface ApiCall {
  method: string;
  token: string;
  payload: Record<string, any>;
  /** What the fake answered (the sent message, for sendMessage), once it has answered. */
  result?: any;
}

export type Failure = { code: 429; retryAfter: number } | { code: 500 };

/**
 * A tiny Bot API on 127.0.0.1: records every call, answers like Telegram, can
 * fail the next N calls other than getUpdates (429 with retry_after, or 500), and serves queued
 * updates to getUpdates with long polling.
 */
export interface FakeBotApi {
  apiRoot: string;
  calls: ApiCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): ApiCall[];
  failNext(count: number, failure: Failure): void;
  /** Queues an update for getUpdates. */
  push(update: Omit<Update, 'update_id'>): void;
  /** Resolves when `method` has been called at least `count` times in total. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<ApiCall[]>;
  clear(): void;
  close(): Promise<void>;
}

export const TEST_BOT: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: '出处',
  username: 'ChuchuTestBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** `port`: listen on this port (to bring a closed fake back where the bot looks for it); 0 = a free one. */
export async function startFakeBotApi(botInfo: UserFromGetMe = TEST_BOT, { port = 0 }: { port?: number } = {}): Promise<FakeBotApi> {
  const app = Fastify();
  const calls: ApiCall[] = [];
  const failures: Failure[] = [];
  const updates: Update[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  let nextUpdateId = 1;
  let nextMessageId = 1000;
  let closed = false;

  // grammY posts JSON; an empty body (no parameters) arrives without a content type match.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body ? JSON.parse(body as string) : {}));

  app.post<{ Params: { token: string; method: string } }>('/bot:token/:method', async (request, reply) => {
    const { method } = request.params;
    const token = request.params.token;
    const payload = (request.body ?? {}) as Record<string, any>;
    const call: ApiCall = { method, token, payload };
    if (method !== 'getUpdates') {
      calls.push(call);
      notify();
    }
    // getUpdates never fails here: its polling would otherwise eat failures meant for the bot's replies.
    const failure = method === 'getUpdates' ? undefined : failures.shift();
    if (failure?.code === 429) {
      return reply.code(429).send({ ok: false, error_code: 429, description: 'Too Many Requests: retry later', parameters: { retry_after: failure.retryAfter } });
    }
    if (failure?.code === 500) return reply.code(500).send({ ok: false, error_code: 500, description: 'Internal Server Error' });
    call.result = await resultOf(method, payload);
    return { ok: true, result: call.result };
  });

  async function resultOf(method: string, payload: Record<string, any>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return botInfo;
      case 'sendMessage':
        return {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: payload.chat_id, type: payload.chat_id < 0 ? 'supergroup' : 'private' },
          from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
          text: payload.text,
        };
      case 'editMessageText':
        return { message_id: payload.message_id, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text };
      case 'getUpdates':
        return longPoll(payload);
      default:
        return true;
    }
  }

  async function longPoll(payload: Record<string, any>): Promise<Update[]> {
    const offset = Number(payload.offset ?? 0);
    const ready = () => updates.filter((u) => u.update_id >= offset);
    const deadline = Date.now() + Math.min(Number(payload.timeout ?? 0), 2) * 1000;
    while (ready().length === 0 && Date.now() < deadline && !closed) {
      await new Promise<void>((resolve) => {
        const done = () => (waiters.delete(done), clearTimeout(timer), resolve());
        const timer = setTimeout(done, 50);
        waiters.add(done);
      });
    }
    return ready();
  }

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('fake Bot API: no port');

  return {
    apiRoot: `http://127.0.0.1:${address.port}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext: (count, failure) => failures.push(...Array.from({ length: count }, () => failure)),
    push: (update) => {
      updates.push({ ...update, update_id: nextUpdateId++ } as Update);
      notify();
    },
    waitFor: (method, count = 1, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = calls.filter((c) => c.method === method);
          if (found.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Bot API: expected ${count} call(s) to ${method} within ${timeoutMs} ms, got ${calls.filter((c) => c.method === method).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    clear: () => {
      calls.length = 0;
      failures.length = 0;
    },
    close: async () => {
      closed = true;
      notify();
      await app.close();
    },
  };
}
