import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `ask` as a user would, with `input` on stdin; resolves with stdout (bounded: 60 s). */
function runAsk(args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: ROOT, env: { ...process.env, KNOWLEDGE_DIR: 'knowledge' } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`ask exited ${code}: ${err}`));
    });
    child.stdin.end(input);
  });
}

const DIALOGUE = ['郴州有几个国家级高新区?', '那综保区呢?', '那后天会下雨吗?', '省级的呢?', '这篇稿子是哪位记者写的?'].join('\n') + '\n';

describe('npm run ask -- --conversation', () => {
  it('reads stdin lines as one dialogue', async () => {
    const answers = (await runAsk(['--conversation', '--json', '--limit', '1'], DIALOGUE)).trim().split('\n').map((l) => JSON.parse(l) as Answer);
    expect(answers).toHaveLength(5);
    expect(answers[1]!.understoodAs).toBe('郴州有几个国家级综保区');
    expect(answers[2]!.answered).toBe(false);
    expect(answers[3]!.understoodAs).toContain('省级');
    expect(answers[4]!.results[0]!.excerpt).toContain('王路莎');
  }, 90_000);

  it('without --conversation every line stands alone', async () => {
    const answers = (await runAsk(['--limit', '1'], DIALOGUE)).trim().split('\n').map((l) => JSON.parse(l) as Answer);
    expect(answers.map((a) => a.understoodAs)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  }, 90_000);

  it('prints readable answers in a conversation, in the asker’s script', async () => {
    const out = await runAsk(['--conversation', '--limit', '1'], '東江湖的水質好不好?\n蓄水量呢?\n');
    expect(out).toContain('問：蓄水量呢?');
    expect(out).toContain('按上文理解為');
    expect(out).toContain('東江湖蓄水量81.2億立方米');
  }, 90_000);
});
