import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import path from 'node:path';
import { KnowledgeError } from '../../shared/errors.js';
import { endsSentence } from '../../text/sentences.js';
import type { ParsedArticle } from '../parsed.js';
import { blocksToArticle, tidy } from './blocks.js';

/** Word's title block (pandoc and Word both use these styles) is metadata, not body text. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  "p[style-name='Author'] => p.doc-author:fresh",
  "p[style-name='Date'] => p.doc-date:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Image Caption'] => p.caption:fresh",
  "p[style-name='Table Caption'] => p.caption:fresh",
];

/** Creators that name a program or a default account, not the writer. */
const JUNK_AUTHOR = /^(python-docx|apache poi|microsoft office (user|用户)|windows (user|用户)|administrator|admin|user|用户|unknown|author|作者|lenovo|dell|hp|微软用户|微软中国)$/iu;

const xmlField = (xml: string, tag: string): string | null => {
  const m = new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'u').exec(xml);
  const v = m?.[1]?.trim();
  return v ? v.replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>') : null;
};

/** Title, author and date from the document properties (docProps/core.xml). */
async function properties(zip: JSZip): Promise<{ title: string | null; author: string | null; date: string | null }> {
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const creator = xmlField(core, 'dc:creator');
  return { title: xmlField(core, 'dc:title'), author: creator && !JUNK_AUTHOR.test(creator) ? creator : null, date: xmlField(core, 'dcterms:created')?.slice(0, 10) ?? null };
}

/**
 * Parses a Word file (.docx): headings become sections, paragraphs stay paragraphs;
 * title and author from the document properties, else the title block or first heading.
 */
export async function parseDocx(file: string, bytes: Uint8Array): Promise<ParsedArticle> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new KnowledgeError(file, '不是 Word .docx 文件（无法按 .docx 打开；旧的 .doc 请另存为 .docx）');
  }
  const props = await properties(zip);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP })).value;
  } catch (err) {
    throw new KnowledgeError(file, `无法读取这个 Word 文档（${(err as Error).message}）`);
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const titleBlock = tidy(document.querySelector('h1.doc-title')?.textContent ?? '');
  const author = props.author ?? (tidy(document.querySelector('p.doc-author')?.textContent ?? '') || null);
  const date = tidy(document.querySelector('p.doc-date')?.textContent ?? '') || null;
  for (const el of document.querySelectorAll('h1.doc-title, p.doc-author, p.doc-date, p.doc-subtitle')) el.remove();
  const start = { title: props.title ?? (titleBlock || null), subtitle: null, source: null, author, date: date ?? props.date, url: null };
  const { meta, paragraphs } = blocksToArticle(document.body, start);
  // No title anywhere: a short first line without a sentence end is one, else the file name.
  if (!meta.title && paragraphs[0] && [...paragraphs[0].text].length <= 40 && !endsSentence(paragraphs[0].text)) meta.title = paragraphs.shift()!.text;
  meta.title ??= path.basename(file, path.extname(file));
  if (paragraphs.length === 0) throw new KnowledgeError(file, '文档里没有找到段落');
  return { ...meta, title: meta.title, paragraphs };
}
