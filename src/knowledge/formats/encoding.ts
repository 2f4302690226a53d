import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { KnowledgeError } from '../../shared/errors.js';

/** The encodings a newsroom's text files come in; anything else is refused, never guessed into mojibake. */
const KNOWN = new Map<string, string>([
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'],
  ['utf-16le', 'utf-16le'], ['utf-16be', 'utf-16be'], ['utf-16', 'utf-16le'],
  ['gb2312', 'gb18030'], ['gbk', 'gb18030'], ['gb18030', 'gb18030'], ['x-gbk', 'gb18030'], ['cp936', 'gb18030'], ['hz-gb-2312', 'gb18030'],
  ['big5', 'big5'], ['big5-hkscs', 'big5'], ['x-x-big5', 'big5'], ['cp950', 'big5'],
]);
/** Detector answers below this confidence are not trusted. */
const MIN_CONFIDENCE = 0.3;
/** The start of the reason for a binary file; decodeText stops trying other encodings on it. */
const BINARY_REASON = '是二进制文件，不是文字';
const REFUSED = '不是已知编码的文字（UTF-8、带 BOM 的 UTF-16、GB18030/GBK、Big5）：请另存为 UTF-8';

export interface Decoded {
  text: string;
  /** The encoding it was read as (utf-8, utf-16le, utf-16be, gb18030, big5). */
  charset: string;
}

/** A charset label (from an HTTP header or `<meta>`) as one of ours, or null when unknown. */
export function knownCharset(label: string | null | undefined): string | null {
  return label ? (KNOWN.get(label.trim().toLowerCase().replace(/^["']|["']$/gu, '')) ?? null) : null;
}

/** The charset an HTML page declares in its first 4 KB (`<meta charset>` or `http-equiv` Content-Type). */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head);
  return m ? m[1]! : null;
}

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Control characters other than tab and line breaks: a binary file, or the wrong decoding. */
const BINARY = /[\u0000-\u0008\u000e-\u001f]/u;

function strict(file: string, bytes: Uint8Array, charset: string, how: string): Decoded {
  let text: string;
  if (charset === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new KnowledgeError(file, `标明是 UTF-8（${how}），却不是有效的 UTF-8：${REFUSED}`);
    }
  } else {
    if (charset.startsWith('utf-16') && bytes.byteLength % 2 !== 0) throw new KnowledgeError(file, `文件不完整：按 ${charset}（${how}）字节数应为偶数，实际是奇数`);
    text = iconv.decode(Buffer.from(bytes), charset, { stripBOM: true });
    if (text.includes('\ufffd')) throw new KnowledgeError(file, `有不符合 ${charset}（${how}）的字节：${REFUSED}`);
  }
  if (BINARY.test(text)) throw new KnowledgeError(file, `${BINARY_REASON}：${REFUSED}`);
  return { text: text.replace(/^\ufeff/u, ''), charset };
}

/**
 * Decodes a text file: a BOM first; then UTF-8 when the bytes are valid UTF-8 (Chinese
 * in GBK or Big5 practically never is, while pages saved as UTF-8 often keep a stale
 * `charset=gb2312`); then the declared charset (the HTTP header of an import, then an
 * HTML page's `<meta>`); then a detector limited to GB18030/GBK and Big5. An undecodable
 * file is a KnowledgeError naming it, never mojibake.
 */
export function decodeText(file: string, bytes: Uint8Array, declared: { header?: string | null; html?: boolean } = {}): Decoded {
  const fromBom = bom(bytes);
  if (fromBom) return strict(file, bytes.subarray(fromBom === 'utf-8' ? 3 : 0), fromBom, '字节顺序标记 BOM');
  try {
    return strict(file, bytes, 'utf-8', '按 UTF-8 试读');
  } catch (err) {
    if ((err as Error).message.includes(BINARY_REASON)) throw err;
  }
  for (const [label, how] of [[declared.header, 'HTTP 响应头'], [declared.html ? metaCharset(bytes) : null, '网页的 <meta charset>']] as const) {
    const charset = knownCharset(label);
    if (charset && charset !== 'utf-8') return strict(file, bytes, charset, how);
  }
  const buffer = Buffer.from(bytes);
  const guesses = jschardet.detectAll(buffer.toString('binary'), { minimumThreshold: MIN_CONFIDENCE });
  for (const guess of guesses) {
    const charset = knownCharset(guess.encoding);
    if (charset && charset !== 'utf-8') return strict(file, bytes, charset, `自动识别，把握 ${Math.round(guess.confidence * 100)}%`);
  }
  throw new KnowledgeError(file, REFUSED);
}
