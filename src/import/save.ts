import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KnowledgeError } from '../shared/errors.js';
import { decodeText } from '../knowledge/formats/encoding.js';
import { SOURCE_URL_META } from '../knowledge/formats/html.js';
import { parseArticleFile, unsupportedReason } from '../knowledge/formats/index.js';
import { DEFAULT_LIMITS, fetchPage, ImportError, type FetchLimits } from './fetch-page.js';

/** Imported web pages go in this sub-folder of the knowledge folder. */
export const WEB_FOLDER = 'web';
/** Files scanned for an earlier import of the same address. */
const MAX_SCANNED = 5000;

export interface Saved {
  /** Path relative to the knowledge folder. */
  file: string;
  /** True when an earlier import of the same address (or file) was replaced. */
  updated: boolean;
  title: string;
  paragraphs: number;
  /** The address citations link to (web pages), or null. */
  url: string | null;
}

const EXTENSIONS: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'text/plain': '.txt',
  'text/markdown': '.md',
};

const escapeAttr = (s: string) => s.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');

/** The page as UTF-8 with its address recorded: old charset declarations removed, `<meta charset="utf-8">` and the source URL added. */
export function withSourceUrl(html: string, url: string): string {
  const head = `<meta charset="utf-8">\n<meta name="${SOURCE_URL_META}" content="${escapeAttr(url)}">\n`;
  const cleaned = html
    .replace(/<meta[^>]+charset\s*=[^>]*>\s*/giu, '')
    .replace(new RegExp(`<meta[^>]+name=["']?${SOURCE_URL_META}[^>]*>\\s*`, 'giu'), '');
  const at = /<head[^>]*>/iu.exec(cleaned);
  if (at) return cleaned.slice(0, at.index + at[0].length) + '\n' + head + cleaned.slice(at.index + at[0].length);
  // No <head>: one goes right after <html>, or before everything.
  const root = /<html[^>]*>/iu.exec(cleaned);
  const end = root ? root.index + root[0].length : 0;
  return `${cleaned.slice(0, end)}<head>\n${head}</head>\n${cleaned.slice(end)}`;
}

/** `https://news.example.cn/2026/10/youcha.html` → `web/news.example.cn_youcha_1a2b3c4d.html`. */
export function fileNameFor(url: string, ext: string): string {
  const u = new URL(url);
  const last = u.pathname.split('/').filter(Boolean).at(-1)?.replace(/\.[a-z0-9]+$/iu, '') ?? '';
  const slug = last.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 40) || 'index';
  const hash = createHash('sha1').update(url).digest('hex').slice(0, 8);
  return `${WEB_FOLDER}/${u.hostname}_${slug}_${hash}${ext}`;
}

/** An earlier import of this address: an `.html` file in the folder whose recorded source URL is it. */
async function findImported(dir: string, urls: string[]): Promise<string | null> {
  let scanned = 0;
  const marker = urls.map((u) => `content="${escapeAttr(u)}"`);
  const walk = async (sub: string): Promise<string | null> => {
    for (const e of await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => [])) {
      if (e.name.startsWith('.') || scanned >= MAX_SCANNED) continue;
      const rel = path.join(sub, e.name);
      if (e.isDirectory()) {
        const found = await walk(rel);
        if (found) return found;
      } else if (/\.html?$/iu.test(e.name)) {
        scanned++;
        const handle = await open(path.join(dir, rel));
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0).finally(() => handle.close());
        const head = buffer.subarray(0, bytesRead).toString('utf8');
        if (head.includes(SOURCE_URL_META) && marker.some((m) => head.includes(m))) return rel.split(path.sep).join('/');
      }
    }
    return null;
  };
  return walk('');
}

/** Parses what is about to be saved (so a page that gives no article is refused, not saved), then writes it in one step. */
async function check(file: string, bytes: Uint8Array, dir: string, existed: boolean, url: string | null): Promise<Saved> {
  let parsed;
  try {
    parsed = await parseArticleFile(file, bytes);
  } catch (err) {
    throw new ImportError(err instanceof KnowledgeError ? `读不出文章：${err.reason}` : (err as Error).message);
  }
  const target = path.join(dir, file);
  await mkdir(path.dirname(target), { recursive: true });
  // A hidden temporary name: the loader and the watcher skip it until the rename.
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.importing`);
  await writeFile(temp, bytes);
  await rename(temp, target);
  return { file, updated: existed, title: parsed.title, paragraphs: parsed.paragraphs.length, url: parsed.url ?? url };
}

/** Fetches a web page (or a PDF/Word document) and saves it into the knowledge folder; the same address again updates the same file. */
export async function importUrl(address: string, dir: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<Saved> {
  const page = await fetchPage(address, limits);
  const fromPath = path.extname(new URL(page.url).pathname).toLowerCase();
  const ext = (page.mediaType && EXTENSIONS[page.mediaType]) ?? (unsupportedReason(`x${fromPath}`) === null ? fromPath : null);
  if (!ext) throw new ImportError(`不是网页或支持的文档（Content-Type: ${page.mediaType ?? '没有'}）`);
  if (ext !== '.html') {
    const file = fileNameFor(page.url, ext);
    const existed = await readFile(path.join(dir, file)).then(() => true, () => false);
    return check(file, page.bytes, dir, existed, null);
  }
  let text: string;
  try {
    text = decodeText(fileNameFor(page.url, ext), page.bytes, { header: page.charset, html: true }).text;
  } catch (err) {
    throw new ImportError(`无法解码网页：${(err as KnowledgeError).reason ?? (err as Error).message}`);
  }
  const previous = await findImported(dir, [...new Set([address, page.url])]);
  const file = previous ?? fileNameFor(page.url, ext);
  return check(file, Buffer.from(withSourceUrl(text, page.url), 'utf8'), dir, previous !== null, page.url);
}

/** Copies a local file into the knowledge folder (same name; importing it again updates it). */
export async function importFile(source: string, dir: string): Promise<Saved> {
  const reason = unsupportedReason(source);
  if (reason) throw new ImportError(`不支持这种文件：${reason}`);
  const bytes = await readFile(source).catch((err: NodeJS.ErrnoException) => {
    throw new ImportError(err.code === 'ENOENT' ? `找不到文件：${source}` : `无法读取文件：${err.message}`);
  });
  const file = path.basename(source);
  const existed = await readFile(path.join(dir, file)).then(() => true, () => false);
  return check(file, bytes, dir, existed, null);
}
