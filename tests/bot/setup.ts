import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Bot } from 'grammy';
import type { Message, MessageEntity, Update } from 'grammy/types';
import pino from 'pino';
import type { Engine } from '../../src/engine/types.js';
import { createBot, type BotDeps } from '../../src/bot/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { startFakeBotApi, TEST_BOT, type FakeBotApi } from '../helpers/fake-bot-api.js';

export const TOKEN = '123456:TEST-token-never-logged';
export const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../knowledge');

/** A pino logger that keeps its lines in memory, to assert on logs (and on what they must not contain). */
export function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export interface TestBot {
  bot: Bot;
  api: FakeBotApi;
  recorder: ReturnType<typeof createMemoryRecorder>;
  lines: string[];
  close(): Promise<void>;
}

/** The real bot (createBot) against a fresh fake Bot API on loopback. */
export async function createTestBot(engine: Engine, overrides: Partial<BotDeps> = {}): Promise<TestBot> {
  const api = await startFakeBotApi();
  const recorder = createMemoryRecorder();
  const { logger, lines } = captureLogger();
  const bot = createBot(TOKEN, { engine, recorder, logger, apiRoot: api.apiRoot, botInfo: TEST_BOT, hashSalt: 'test-salt', ...overrides });
  return { bot, api, recorder, lines, close: () => api.close() };
}

export const loadShippedEngine = () => createEngine({ knowledgeDir: KNOWLEDGE_DIR });

/** An engine over a temporary knowledge folder holding `files` (name → content). */
export async function engineWith(files: Record<string, string>): Promise<{ engine: Engine; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chuchu-bot-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  const engine = await createEngine({ knowledgeDir: dir });
  return { engine, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

// ---- update builders -------------------------------------------------------

export const ALICE = { id: 1001, is_bot: false, first_name: '小红' } as const;
export const BOB = { id: 1002, is_bot: false, first_name: '小明' } as const;
export const GROUP = { id: -1001234, type: 'supergroup', title: '读书会' } as const;

let nextUpdateId = 1;
let nextMessageId = 1;

/** Entities Telegram would attach: a leading /command and every @username. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/[a-z_]+(@\w+)?/i.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@\w+/g)) {
    if (m.index === 0 && command) continue;
    if (command && m.index! < command[0].length) continue;
    entities.push({ type: 'mention', offset: m.index!, length: m[0].length });
  }
  return entities;
}

type From = { id: number; is_bot: boolean; first_name: string };

export function message(text: string, options: { from?: From; chat?: 'private' | 'group'; replyTo?: Partial<Message> } = {}): Update {
  const from = options.from ?? ALICE;
  const chat = options.chat === 'group' ? GROUP : { id: from.id, type: 'private' as const, first_name: from.first_name };
  const entities = entitiesOf(text);
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from,
      text,
      ...(entities.length ? { entities } : {}),
      ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
    },
  } as Update;
}

export function sticker(from: From = ALICE): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from,
      sticker: { file_id: 'sticker-1', file_unique_id: 's1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
    },
  } as Update;
}

export function callback(data: string, messageId: number, from: From = ALICE): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cb-${nextUpdateId}`,
      from,
      chat_instance: 'ci-1',
      data,
      message: { message_id: messageId, date: 0, chat: { id: from.id, type: 'private', first_name: from.first_name }, text: '…' },
    },
  } as Update;
}

export function inlineQuery(query: string, from: From = ALICE): Update {
  return { update_id: nextUpdateId++, inline_query: { id: `iq-${nextUpdateId}`, from, query, offset: '' } } as Update;
}

/** The callback_data of each inline button of a sendMessage call. */
export function buttonsOf(call: { payload: Record<string, any> }): string[] {
  const rows: Array<Array<{ callback_data?: string }>> = call.payload.reply_markup?.inline_keyboard ?? [];
  return rows.flat().map((b) => b.callback_data ?? '');
}
