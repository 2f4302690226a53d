import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAskArgs, UsageError } from '../../src/cli/ask-args.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('ask arguments', () => {
  it('reads the question, --json, --knowledge, --limit, --files and --conversation', () => {
    expect(parseAskArgs(['--json', '--limit', '2', '东江湖', '有多深'])).toEqual({ json: true, knowledgeDir: 'knowledge', limit: 2, question: '东江湖 有多深', files: false, conversation: false });
    expect(parseAskArgs([], { KNOWLEDGE_DIR: 'kb' })).toEqual({ json: false, knowledgeDir: 'kb', question: '', files: false, conversation: false });
    expect(parseAskArgs(['--files']).files).toBe(true);
    expect(parseAskArgs(['--conversation']).conversation).toBe(true);
    expect(parseAskArgs(['--knowledge', 'other', '问'], { KNOWLEDGE_DIR: 'kb' }).knowledgeDir).toBe('other');
  });

  it.each(['abc', '0', '11', '2.5', '-1', ''])('rejects --limit %j with what to write instead', (limit) => {
    expect(() => parseAskArgs([`--limit=${limit}`, '问题'])).toThrow(UsageError);
    expect(() => parseAskArgs([`--limit=${limit}`, '问题'])).toThrow(/--limit 需要 1 到 10 之间的整数/u);
  });

  it('rejects an unknown option', () => {
    expect(() => parseAskArgs(['--limt', '2', '问题'])).toThrow(/usage: npm run ask/u);
  });

  it('the command exits 2 with the message, before loading anything', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--limit', 'abc', '问题'], { cwd: ROOT }).catch((err) => err);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('--limit 需要 1 到 10 之间的整数（收到 “abc”）');
    expect(failed.stdout).toBe('');
  });
});
