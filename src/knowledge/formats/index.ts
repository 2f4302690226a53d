import path from 'node:path';
import { KnowledgeError } from '../../shared/errors.js';
import { parseMd } from '../parse-md.js';
import { parseTxt } from '../parse-txt.js';
import type { ParsedArticle } from '../parsed.js';
import { parseDocx } from './docx.js';
import { decodeText } from './encoding.js';
import { parseHtml } from './html.js';
import { parsePdf } from './pdf.js';

/** Largest article file read (a 500-page PDF is about this size); bigger files are reported, not read. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

type Parser = (file: string, bytes: Uint8Array) => ParsedArticle | Promise<ParsedArticle>;

const PARSERS: Record<string, Parser> = {
  '.md': (file, bytes) => parseMd(file, decodeText(file, bytes).text),
  '.markdown': (file, bytes) => parseMd(file, decodeText(file, bytes).text),
  '.txt': (file, bytes) => parseTxt(file, decodeText(file, bytes).text),
  '.html': (file, bytes) => parseHtml(file, decodeText(file, bytes, { html: true }).text),
  '.htm': (file, bytes) => parseHtml(file, decodeText(file, bytes, { html: true }).text),
  '.docx': parseDocx,
  '.pdf': parsePdf,
};

/** Article formats, by extension. */
export const ARTICLE_EXTENSIONS = Object.keys(PARSERS);

/** Why a file of another type is not read, in words a manager acts on. */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\.(doc|wps|rtf|odt|pages)$/iu, 'a word-processor format chuchu does not read: save it as .docx (or PDF)'],
  [/\.(xlsx?|xlsm|csv|tsv|ods|et)$/iu, 'a spreadsheet: not an article'],
  [/\.(pptx?|odp|key|dps)$/iu, 'a presentation: not an article'],
  [/\.(jpe?g|png|gif|webp|bmp|tiff?|svg|heic|ico)$/iu, 'an image: no text to index'],
  [/\.(mp3|mp4|m4a|wav|mov|avi|mkv|webm|flv)$/iu, 'audio or video: no text to index'],
  [/\.(zip|rar|7z|gz|tgz|tar|bz2|xz)$/iu, 'an archive: unpack it into the folder'],
];

/** The reason a file is not an article this loader reads (null: it reads it). */
export function unsupportedReason(file: string): string | null {
  const ext = path.extname(file).toLowerCase();
  if (PARSERS[ext]) return null;
  return UNSUPPORTED.find(([re]) => re.test(file))?.[1] ?? `an unsupported file type (${ext || 'no extension'}): chuchu reads ${ARTICLE_EXTENSIONS.join(' ')}`;
}

/** Parses one article file of any supported format. Throws KnowledgeError (or SkippedFile) naming the file. */
export async function parseArticleFile(file: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const parser = PARSERS[path.extname(file).toLowerCase()];
  if (!parser) throw new KnowledgeError(file, unsupportedReason(file)!);
  if (bytes.byteLength > MAX_FILE_BYTES) throw new KnowledgeError(file, `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: split it`);
  try {
    return await parser(file, bytes);
  } catch (err) {
    if (err instanceof KnowledgeError) throw err;
    throw new KnowledgeError(file, `cannot be read (${(err as Error).message})`);
  }
}
