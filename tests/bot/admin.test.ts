import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { createSqliteRecorder, DB_FILE, type RecordStore } from '../../src/records/sqlite-recorder.js';
import { createReportSource, servedLookup } from '../../src/report/source.js';
import type { ReportSource } from '../../src/report/types.js';
import { TEXT } from '../../src/bot/texts.js';
import { captureLogger, question, tempDir } from '../records/helpers.js';
import { ALICE, BOB, createTestBot, KNOWLEDGE_DIR, message, type TestBot } from './setup.js';
import { createEngine } from '../../src/engine/engine.js';

const tmp = tempDir();
const knowledgeDir = path.join(tmp.dir, 'knowledge');
let engine: Engine;
let store: RecordStore;
let reports: ReportSource;
let t: TestBot;

beforeAll(async () => {
  cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  engine = await createEngine({ knowledgeDir });
  store = createSqliteRecorder({ file: path.join(tmp.dir, DB_FILE), retentionDays: 90, logger: captureLogger().logger });
  for (const q of ['东江湖水质', '东江湖的水能喝吗', '<b>明天</b>下雨吗']) store.recordQuestion(question({ question: q, answered: false, passageIds: [], scores: [] }));
  store.recordQuestion(question({ channel: 'web', question: '东江湖一共能蓄多少水' }));
  store.flush();
  reports = createReportSource({ query: store.query, lookup: () => servedLookup(engine) });
});
afterEach(() => t?.close());
afterAll(() => {
  store.close();
  tmp.cleanup();
});

const adminBot = () => createTestBot(engine, { adminIds: [ALICE.id], reports });
const sent = () => t.api.callsTo('sendMessage').map((c) => String(c.payload.text));

describe('admin commands in Telegram', () => {
  it('/stats for an admin: counts by channel and the index', async () => {
    t = await adminBot();
    await t.bot.handleUpdate(message('/stats'));
    const [text] = sent();
    expect(text).toContain('最近 7d 的记录');
    expect(text).toContain('提问 4 · 回答 1 · 未回答 3');
    expect(text).toContain('Telegram：提问 3，回答 0');
    expect(text).toMatch(/文章：1/);
  });

  it('/unanswered for an admin: the declined questions grouped by shared key terms, escaped', async () => {
    t = await adminBot();
    await t.bot.handleUpdate(message('/unanswered 30d'));
    const [text] = sent();
    expect(text).toContain('最近 30d 没有回答的问题');
    expect(text).toMatch(/1\. <b>东江湖<\/b> · 2 次\n\s+东江湖(水质|的水能喝吗)；东江湖(水质|的水能喝吗)/);
    expect(text).toContain('&lt;b&gt;明天&lt;/b&gt;下雨吗');
    expect(text).not.toContain('<b>明天</b>');
  });

  it('/unanswered with a period it cannot read says how to write one', async () => {
    t = await adminBot();
    await t.bot.handleUpdate(message('/unanswered lastweek'));
    expect(sent()[0]).toContain('7d');
  });

  it('/reload for an admin: ok with counts; with a broken file, the error with file and line', async () => {
    t = await adminBot();
    await t.bot.handleUpdate(message('/reload'));
    expect(sent()[0]).toMatch(/✅ 知识库已重新加载：文章 1 篇/);
    writeFileSync(path.join(knowledgeDir, 'synonyms.txt'), '东江湖 东江\n孤单\n');
    try {
      await t.bot.handleUpdate(message('/reload'));
      expect(sent()[1]).toContain('⚠️ 知识库已重新加载');
      expect(sent()[1]).toContain('出错的文件');
      expect(sent()[1]).toContain('<code>synonyms.txt:2</code>');
    } finally {
      cpSync(path.join(KNOWLEDGE_DIR, 'synonyms.txt'), path.join(knowledgeDir, 'synonyms.txt'));
    }
  });

  it.each(['/stats', '/unanswered', '/reload'])('%s from anyone else gets exactly the unknown-command answer', async (command) => {
    t = await adminBot();
    const reloaded = engine.stats().indexBuiltAt;
    await t.bot.handleUpdate(message(command, { from: BOB }));
    await t.bot.handleUpdate(message('/nosuchcommand', { from: BOB }));
    const [answer, unknown] = t.api.callsTo('sendMessage').map((c) => c.payload);
    expect(answer).toEqual(unknown);
    expect(answer!.text).toBe(TEXT.unknownCommand);
    expect(engine.stats().indexBuiltAt).toBe(reloaded);
  });

  it('an admin in a group gets nothing: reports quote other people and stay in private chats', async () => {
    t = await adminBot();
    await t.bot.handleUpdate(message('/unanswered', { chat: 'group' }));
    await t.bot.handleUpdate(message('/reload', { chat: 'group' }));
    expect(t.api.callsTo('sendMessage')).toHaveLength(0);
  });

  it('/stats without a report source still shows the index', async () => {
    t = await createTestBot(engine, { adminIds: [ALICE.id] });
    await t.bot.handleUpdate(message('/stats'));
    expect(sent()[0]).toContain('没有记录可查');
    expect(sent()[0]).toMatch(/文章：1/);
  });
});
