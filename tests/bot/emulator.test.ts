import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, startBot, type RunningBot } from '../../src/bot/index.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { captureLogger, loadShippedEngine, TOKEN } from './setup.js';

/**
 * End to end against the `telegram-test-api` emulator: the bot long-polls it
 * like the real Bot API (getMe, getUpdates, sendMessage, answerCallbackQuery),
 * while the emulator's client plays the user.
 */

// The package is CommonJS with `module.exports = TelegramServer` but types it as `export default`,
// so under NodeNext the default import's type and value disagree; require gives the class for both.
const TelegramServer = createRequire(import.meta.url)('telegram-test-api') as typeof import('telegram-test-api').default;

/** The emulator treats port 0 as "use 9000", so pick a free loopback port first. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const USER_ID = 1001;
let server: InstanceType<typeof TelegramServer>;
let running: RunningBot;
const recorder = createMemoryRecorder();
const { logger, lines } = captureLogger();

beforeAll(async () => {
  server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  const engine = await loadShippedEngine();
  // No botInfo: bot.init() really calls the emulator's getMe.
  const bot = createBot(TOKEN, { engine, recorder, logger, apiRoot: server.config.apiURL, hashSalt: 'e2e' });
  running = startBot(bot, { kind: 'polling' }, logger);
  await running.connected;
});

afterAll(async () => {
  await running?.stop();
  await server?.stop();
});

const client = () => server.getClient(TOKEN, { userId: USER_ID, chatId: USER_ID, timeout: 5000, interval: 20 });

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('bot against telegram-test-api (long polling)', () => {
  it('started even though the emulator lacks setMyCommands, and said so in the log', () => {
    expect(lines.some((l) => l.includes('setMyCommands failed'))).toBe(true);
    expect(lines.some((l) => l.includes('bot: polling') && l.includes('TestNameBot'))).toBe(true);
  });

  it('answers a question from a user with a cited excerpt, and takes a 👍', async () => {
    const user = client();
    await user.sendMessage(user.makeMessage('郴州为什么要对接大湾区'));
    const { result } = await user.getUpdates();
    expect(result).toHaveLength(1);
    const reply = result[0]!.message as unknown as { text: string; parse_mode: string; reply_markup: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } };
    expect(reply.parse_mode).toBe('HTML');
    expect(reply.text).toMatch(/<blockquote>[\s\S]+<\/blockquote>\n——《向南开放看郴州》/);
    const up = reply.reply_markup.inline_keyboard.flat().find((b) => b.text === '👍')!;

    await user.sendCallback(user.makeCallbackQuery(up.callback_data, { message: { message_id: result[0]!.messageId } }));
    await until(() => recorder.feedback.length > 0);
    expect(recorder.feedback[0]).toMatchObject({ vote: 'up', question: '郴州为什么要对接大湾区' });
    expect(recorder.questions[0]).toMatchObject({ chatType: 'private', answered: true });
  });

  it('answers /start with the article list', async () => {
    const user = client();
    await user.sendCommand(user.makeCommand('/start'));
    const { result } = await user.getUpdates();
    expect((result[0]!.message as unknown as { text: string }).text).toContain('《向南开放看郴州》');
  });
});
