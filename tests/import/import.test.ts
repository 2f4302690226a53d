import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.js';
import { createEngine } from '../../src/engine/engine.js';
import { FIXTURES, folderOf, hit, questions } from '../helpers/format-quality.js';

// The GBK news page with its <meta charset> removed: only the HTTP header says GBK.
const page = Buffer.from(
  readFileSync(path.join(FIXTURES, 'produced', 'youcha-gbk.html'))
    .toString('latin1')
    .replace(/<meta http-equiv="Content-Type"[^>]*>/iu, ''),
  'latin1',
);
let server: Server;
let base: string;
const sockets = new Set<import('node:net').Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const routes: Record<string, () => void> = {
      '/news/2026/youcha.html': () => res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(page),
      '/moved': () => res.writeHead(302, { location: '/news/2026/youcha.html' }).end(),
      '/to-ftp': () => res.writeHead(301, { location: 'ftp://127.0.0.1/file.html' }).end(),
      '/loop': () => res.writeHead(302, { location: '/loop' }).end(),
      '/missing': () => res.writeHead(404).end('not here'),
      '/big': () => res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.alloc(1.5 * 1024 * 1024, 0x61)),
      '/photo.png': () => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])),
      '/nav-only': () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>首页</title></head><body><nav><a href="/">首页</a><a href="/a">新闻</a></nav></body></html>'),
      '/short': () => res.writeHead(200, { 'content-type': 'text/html;charset=gbk' }).end(iconv.encode('<html><body><h1>渡口</h1><p>白沙渡口早上六点开船。</p></body></html>', 'gbk')),
      '/slow': () => undefined, // never answers
    };
    (routes[req.url ?? ''] ?? (() => res.writeHead(500).end()))();
  });
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function run(args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runImport(args, { log: (l) => lines.push(l), error: (l) => errors.push(l) }, {});
  return { code, lines, errors };
}

describe('npm run import', () => {
  it('saves a page (charset from the header) with its address, updates the same file on re-import, and its answers link back', async () => {
    const dir = folderOf([]);
    const first = await run([`${base}/news/2026/youcha.html`, '--knowledge', dir]);
    expect(first).toMatchObject({ code: 0, errors: [] });
    expect(first.lines[0]).toMatch(/^已保存 .*web\/127\.0\.0\.1_youcha_[0-9a-f]{8}\.html：《桂阳油茶从一颗果子长成一条产业链》，\d+ 段，引用链接到 http:\/\/127\.0\.0\.1/u);
    const [saved] = readdirSync(path.join(dir, 'web'));
    const text = readFileSync(path.join(dir, 'web', saved!), 'utf8');
    expect(text).toContain('<meta charset="utf-8">');
    expect(text).toContain('樟市镇');

    const again = await run([`${base}/moved`, '--knowledge', dir]);
    expect(again.lines[0]).toMatch(/^已更新 .*web\/127\.0\.0\.1_youcha_/u);
    expect(readdirSync(path.join(dir, 'web'))).toEqual([saved]);

    const engine = await createEngine({ knowledgeDir: dir, answerCacheSize: 0 });
    const cleanEngine = await createEngine({ knowledgeDir: folderOf([{ from: 'clean', name: 'youcha.md' }]), answerCacheSize: 0 });
    const qs = questions().filter((q) => q.article === '桂阳油茶从一颗果子长成一条产业链');
    const imported = qs.filter((q) => hit(engine, q)).length;
    expect(imported).toBeGreaterThanOrEqual(Math.ceil(0.85 * qs.filter((q) => hit(cleanEngine, q)).length));
    const answer = engine.answer(qs[1]!.question);
    expect(answer.results[0]?.url).toBe(`${base}/news/2026/youcha.html`);
  });

  it('decodes a page too short to detect by the charset in its Content-Type header', async () => {
    const dir = folderOf([]);
    const r = await run([`${base}/short`, '--knowledge', dir]);
    expect(r.lines[0]).toMatch(/^已保存 .*：《渡口》，1 段/u);
    const [saved] = readdirSync(path.join(dir, 'web'));
    expect(readFileSync(path.join(dir, 'web', saved!), 'utf8')).toContain('白沙渡口早上六点开船。');
  });

  it('names each failure and exits non-zero, saving nothing for them', async () => {
    const dir = folderOf([]);
    const missingFile = path.join(dir, 'nope.docx');
    const r = await run([
      `${base}/to-ftp`, `${base}/loop`, `${base}/missing`, `${base}/big`, `${base}/photo.png`, `${base}/nav-only`, `${base}/slow`,
      'ftp://127.0.0.1/x', missingFile, 'sheet.xlsx', '--knowledge', dir, '--timeout', '1', '--max-mb', '1',
    ]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([]);
    const byTarget = (t: string) => r.errors.find((e) => e.startsWith(`失败 ${t}：`)) ?? `(no line for ${t})`;
    expect(byTarget(`${base}/to-ftp`)).toMatch(/只能导入 http 或 https/u);
    expect(byTarget(`${base}/loop`)).toMatch(/重定向次数太多/u);
    expect(byTarget(`${base}/missing`)).toMatch(/404/u);
    expect(byTarget(`${base}/big`)).toMatch(/太大/u);
    expect(byTarget(`${base}/photo.png`)).toMatch(/image\/png/u);
    expect(byTarget(`${base}/nav-only`)).toMatch(/读不出文章/u);
    expect(byTarget(`${base}/slow`)).toMatch(/超时/u);
    expect(byTarget('ftp://127.0.0.1/x')).toMatch(/只能导入 http 或 https/u);
    expect(byTarget(missingFile)).toMatch(/找不到文件/u);
    expect(byTarget('sheet.xlsx')).toMatch(/是电子表格/u);
    expect(r.errors.at(-1)).toBe('10 个没有导入，0 个已导入。');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('copies a local Word file in, and exits 1 from the command line when one fails', async () => {
    const dir = folderOf([]);
    const ok = await run([path.join(FIXTURES, 'produced', 'shuidian.docx'), '--knowledge', dir]);
    expect(ok.lines[0]).toMatch(/^已保存 .*shuidian\.docx：《资兴市完成四十座小水电站生态改造》，8 段$/u);
    const cli = await promisify(execFile)('npx', ['tsx', 'src/cli/import.ts', 'no-such-file.pdf', '--knowledge', dir]).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('失败 no-such-file.pdf：找不到文件');
  });
});
