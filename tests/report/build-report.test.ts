import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Passage } from '../../src/knowledge/types.js';
import { createSqliteRecorder, DB_FILE, type RecordStore } from '../../src/records/sqlite-recorder.js';
import { buildReport } from '../../src/report/build-report.js';
import { csvField, reportCsv } from '../../src/report/format-csv.js';
import { formatReportText } from '../../src/report/format-text.js';
import { parseSince, PeriodError } from '../../src/report/since.js';
import { createReportSource, passageLookup } from '../../src/report/source.js';
import { UNKNOWN_ARTICLE } from '../../src/report/types.js';
import { captureLogger, question, tempDir, vote } from '../records/helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;
const tmp = tempDir();
const file = path.join(tmp.dir, DB_FILE);
let store: RecordStore;
let passages: Passage[];

beforeAll(async () => {
  passages = (await loadKnowledge(path.join(ROOT, 'knowledge'))).passages;
  const [p1, p2] = passages;
  store = createSqliteRecorder({ file, retentionDays: 365, logger: captureLogger().logger });
  const at = new Date(NOW.getTime() - DAY);
  store.recordQuestion(question({ at, channel: 'telegram', passageIds: [p1!.id, p2!.id] }));
  store.recordQuestion(question({ at, channel: 'telegram', passageIds: [p1!.id] }));
  store.recordQuestion(question({ at, channel: 'web', chatType: 'widget', passageIds: ['gone-passage'] }));
  for (const q of ['东江湖水质', '东江湖的水能喝吗', '=HYPERLINK("http://evil")']) {
    store.recordQuestion(question({ at, channel: 'web', answered: false, passageIds: [], scores: [], question: q }));
  }
  // Outside a 7-day period.
  store.recordQuestion(question({ at: new Date(NOW.getTime() - 10 * DAY), channel: 'cli', answered: false, question: '很久以前的问题' }));
  store.recordFeedback(vote({ at, passageId: p2!.id, question: '东江湖一共能蓄多少水', vote: 'down' }));
  store.recordFeedback(vote({ at, passageId: p2!.id, question: '東江湖一共能蓄多少水', vote: 'down' }));
  // Another person: one person's second vote on the same answer would replace the first.
  store.recordFeedback(vote({ at, passageId: p2!.id, question: '东江湖一共能蓄多少水', vote: 'up', userHash: 'c'.repeat(64) }));
  store.recordFeedback(vote({ at, passageId: 'gone-passage', question: '别的问题', vote: 'down' }));
  store.recordFeedback(vote({ at, passageId: p1!.id, question: '只有赞', vote: 'up' }));
  store.flush();
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('buildReport', () => {
  it('counts asked and answered by channel within the period', () => {
    const report = buildReport(store.query, passageLookup(passages), { since: parseSince('7d', NOW), now: NOW });
    expect(report.channels).toEqual([
      { channel: 'web', asked: 4, answered: 1, declined: 3, answeredShare: 0.25 },
      { channel: 'telegram', asked: 2, answered: 2, declined: 0, answeredShare: 1 },
    ]);
    expect(report.total).toMatchObject({ channel: 'all', asked: 6, answered: 3 });
    expect(report.declined.map((g) => g.label)).toContain('东江湖');
    expect(report.declined.flatMap((g) => g.questions.map((q) => q.question))).not.toContain('很久以前的问题');
  });

  it('lists the most disliked answers with their passage place, merging spellings of one question', () => {
    const report = buildReport(store.query, passageLookup(passages), { since: parseSince('7d', NOW), now: NOW });
    const p2 = passages[1]!;
    expect(report.disliked).toEqual([
      { question: '东江湖一共能蓄多少水', passageId: p2.id, down: 2, up: 1, article: p2.article, section: p2.section, paragraph: p2.paragraph },
      { question: '别的问题', passageId: 'gone-passage', down: 1, up: 0 },
    ]);
  });

  it('ranks articles by answers quoting them first; passages no longer in the knowledge are named so', async () => {
    const report = await createReportSource({ query: store.query, lookup: () => passageLookup(passages) }).report({ since: parseSince('7d', NOW) });
    expect(report.articles).toEqual([
      { article: passages[0]!.article, answers: 2, passages: 1 },
      { article: UNKNOWN_ARTICLE, answers: 1, passages: 1 },
    ]);
    const text = formatReportText(report);
    expect(text).toContain('东江湖');
    expect(text).toContain(`《${passages[0]!.article}》`);
  });

  it('exports the same tables as CSV, with formulas defused', () => {
    const report = buildReport(store.query, passageLookup(passages), { since: parseSince('7d', NOW), now: NOW });
    const csv = reportCsv(report);
    expect(Object.keys(csv).sort()).toEqual(['articles.csv', 'channels.csv', 'disliked.csv', 'unanswered.csv']);
    expect(csv['unanswered.csv']).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('a,b')).toBe('"a,b"');
  });
});

describe('parseSince', () => {
  it('reads spans and dates, and refuses the rest with a readable message', () => {
    expect(parseSince('7d', NOW).toISOString()).toBe('2026-11-19T12:00:00.000Z');
    expect(parseSince('24h', NOW).toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(parseSince('2026-11-01').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(() => parseSince('last week')).toThrow(PeriodError);
  });
});

describe('npm run report', () => {
  it('prints the report and writes CSV files from --db', async () => {
    const out = path.join(tmp.dir, 'csv');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--since', '3650d', '--db', file, '--csv', out], { cwd: ROOT });
    expect(stdout).toContain('没有回答的问题');
    expect(stdout).toContain('很久以前的问题');
    expect(readFileSync(path.join(out, 'channels.csv'), 'utf8')).toContain('cli,1,0,1');
  });

  it('fails with a clear message when there is no database', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--db', path.join(tmp.dir, 'none.db')], { cwd: ROOT });
    await expect(run).rejects.toMatchObject({ stderr: expect.stringContaining('no records database') });
  });
});
