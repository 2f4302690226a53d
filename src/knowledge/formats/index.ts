import path from 'node:path';
import { KnowledgeError } from '../../shared/errors.js';
import { parseMd } from '../parse-md.js';
import { parseTxt } from '../parse-txt.js';
import type { ParsedArticle } from '../parsed.js';
import { decodeText } from './encoding.js';

/** Largest article file read (a 500-page PDF is about this size); bigger files are reported, not read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

type Parser = (file: string, bytes: Uint8Array) => ParsedArticle | Promise<ParsedArticle>;

// HTML, Word and PDF need large libraries (linkedom, readability, mammoth, pdf.js): each is imported
// the first time a file of its kind is read, so a folder of .md and .txt never loads them.
const parseHtml: Parser = async (file, bytes) => (await import('./html.js')).parseHtml(file, decodeText(file, bytes, { html: true }).text);
const parseDocx: Parser = async (file, bytes) => (await import('./docx.js')).parseDocx(file, bytes);
const parsePdf: Parser = async (file, bytes) => (await import('./pdf.js')).parsePdf(file, bytes);

const PARSERS: Record<string, Parser> = {
  '.md': (file, bytes) => parseMd(file, decodeText(file, bytes).text),
  '.markdown': (file, bytes) => parseMd(file, decodeText(file, bytes).text),
  '.txt': (file, bytes) => parseTxt(file, decodeText(file, bytes).text),
  '.html': parseHtml,
  '.htm': parseHtml,
  '.docx': parseDocx,
  '.pdf': parsePdf,
};

/** Article formats, by extension. */
export const ARTICLE_EXTENSIONS = Object.keys(PARSERS);

/** Why a file of another type is not read, in words a manager acts on. */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\.(doc|wps|rtf|odt|pages)$/iu, 'chuchu 读不了这种文字处理格式：请另存为 .docx（或 PDF）'],
  [/\.(xlsx?|xlsm|csv|tsv|ods|et)$/iu, '是电子表格，不是文章'],
  [/\.(pptx?|odp|key|dps)$/iu, '是演示文稿，不是文章'],
  [/\.(jpe?g|png|gif|webp|bmp|tiff?|svg|heic|ico)$/iu, '是图片，没有可检索的文字'],
  [/\.(mp3|mp4|m4a|wav|mov|avi|mkv|webm|flv)$/iu, '是音频或视频，没有可检索的文字'],
  [/\.(zip|rar|7z|gz|tgz|tar|bz2|xz)$/iu, '是压缩包：请解压到这个文件夹里'],
];

/** The reason a file is not an article this loader reads (null: it reads it). */
export function unsupportedReason(file: string): string | null {
  const ext = path.extname(file).toLowerCase();
  if (PARSERS[ext]) return null;
  return UNSUPPORTED.find(([re]) => re.test(file))?.[1] ?? `不支持的文件类型（${ext || '没有扩展名'}）：chuchu 读取 ${ARTICLE_EXTENSIONS.join(' ')}`;
}

/** Parses one article file of any supported format. Throws KnowledgeError (or SkippedFile) naming the file. */
export async function parseArticleFile(file: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const parser = PARSERS[path.extname(file).toLowerCase()];
  if (!parser) throw new KnowledgeError(file, unsupportedReason(file)!);
  if (bytes.byteLength > MAX_FILE_BYTES) throw new KnowledgeError(file, `超过 ${MAX_FILE_BYTES / 1024 / 1024} MB：请拆成几个文件`);
  try {
    return await parser(file, bytes);
  } catch (err) {
    if (err instanceof KnowledgeError) throw err;
    throw new KnowledgeError(file, `无法读取（${(err as Error).message}）`);
  }
}
