/**
 * Imports web pages and documents into the knowledge folder.
 *   npm run import -- https://news.example.cn/a.html          fetched, saved as knowledge/web/….html with its address
 *   npm run import -- reporter.docx scan.pdf                   local files copied in
 *   npm run import -- URL --knowledge path/to/folder          another folder (or KNOWLEDGE_DIR)
 * Options: --timeout SECONDS (15), --max-mb MB (10). Prints each file saved and its paragraphs;
 * exits 1 when anything failed, naming each failure. A running chuchu picks the files up by itself.
 */
import { parseArgs } from 'node:util';
import { ImportError, DEFAULT_LIMITS } from '../import/fetch-page.js';
import { importFile, importUrl, type Saved } from '../import/save.js';

export interface ImportOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Runs the import for command-line arguments; resolves to the exit code. */
export async function runImport(args: string[], out: ImportOutput, env: Record<string, string | undefined> = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { knowledge: { type: 'string' }, timeout: { type: 'string' }, 'max-mb': { type: 'string' } },
      allowPositionals: true,
    });
  } catch (err) {
    out.error(`参数有误：${(err as Error).message}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    out.error('用法：npm run import -- 网址或文件… [--knowledge 文件夹]');
    return 2;
  }
  const dir = values.knowledge ?? env.KNOWLEDGE_DIR ?? 'knowledge';
  const limits = {
    ...DEFAULT_LIMITS,
    ...(values.timeout ? { timeoutMs: Math.max(1, Number(values.timeout) || 15) * 1000 } : {}),
    ...(values['max-mb'] ? { maxBytes: Math.max(1, Number(values['max-mb']) || 10) * 1024 * 1024 } : {}),
  };
  let failures = 0;
  for (const target of positionals) {
    try {
      const saved: Saved = /^[a-z][a-z0-9+.-]*:\/\//iu.test(target) ? await importUrl(target, dir, limits) : await importFile(target, dir);
      const link = saved.url ? `，引用链接到 ${saved.url}` : '';
      out.log(`${saved.updated ? '已更新' : '已保存'} ${dir}/${saved.file}：《${saved.title}》，${saved.paragraphs} 段${link}`);
    } catch (err) {
      failures++;
      out.error(`失败 ${target}：${err instanceof ImportError ? err.message : (err as Error).message}`);
    }
  }
  if (failures) out.error(`${failures} 个没有导入，${positionals.length - failures} 个已导入。`);
  return failures ? 1 : 0;
}

if (process.argv[1]?.endsWith('import.ts')) {
  runImport(process.argv.slice(2), { log: console.log, error: console.error }).then((code) => {
    process.exitCode = code;
  });
}
