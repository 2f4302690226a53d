import { isByline, isSignOff, leadByline, parseByline } from './byline.js';
import { KnowledgeError } from '../shared/errors.js';
import { endsSentence } from '../text/sentences.js';
import type { ParsedArticle } from './parsed.js';

/** Headings (底气十足) are short lines with no punctuation at all. */
const MAX_HEADING_CHARS = 12;
/** Photo captions are short lines without sentence-final punctuation. */
const MAX_CAPTION_CHARS = 40;
/** Captions on a printed page are set apart by more blank lines than paragraphs are. */
const CAPTION_GAP = 2;

interface Block {
  text: string;
  line: number;
  blanksBefore: number;
  blanksAfter: number;
}

function toBlocks(content: string): Block[] {
  const lines = content.split(/\r\n|\r|\n/u);
  const blocks: Block[] = [];
  let blanks = 0;
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') {
      blanks++;
      const last = blocks.at(-1);
      if (last) last.blanksAfter = blanks;
      return;
    }
    blocks.push({ text, line: i + 1, blanksBefore: blanks, blanksAfter: 0 });
    blanks = 0;
  });
  return blocks;
}

const charCount = (s: string) => [...s].length;
const hasPunctuation = (s: string) => /[\p{P}\p{S}]/u.test(s);

export { parseByline };

/**
 * Parses an article in the layout of a printed news page: title on the first
 * line, `——` subtitle, `□` byline, short heading lines that start sections,
 * photo captions set apart by blank lines (dropped), and paragraphs broken
 * across lines mid-sentence (joined with no separator).
 */
export function parseTxt(file: string, content: string): ParsedArticle {
  const blocks = toBlocks(content);
  const first = blocks.shift();
  if (!first) throw new KnowledgeError(file, '文件是空的：第一行文字应是标题，下面是正文');
  const article: ParsedArticle = {
    title: first.text,
    subtitle: null,
    source: null,
    author: null,
    byline: null,
    date: null,
    url: null,
    examples: [],
    paragraphs: [],
  };
  let section: string | null = null;
  let open: { section: string | null; text: string } | null = null;

  for (const block of blocks) {
    const { text } = block;
    if (article.paragraphs.length === 0 && !open && text.startsWith('——') && !article.subtitle) {
      article.subtitle = text.replace(/^——\s*/u, '');
      continue;
    }
    // Bylines before the body (□ …, 记者 …, 文/图 …, 来源：…), editors' sign-off lines anywhere.
    if (article.paragraphs.length === 0 && !open && isByline(text)) {
      const b = parseByline(text);
      article.source ??= b.source;
      article.author ??= b.author;
      // As printed, quoted when someone asks who wrote the article.
      article.byline ??= text.replace(/^□\s*/u, '');
      continue;
    }
    if (isSignOff(text)) continue;
    // A date line under the title (2026年11月18日, 2026-11-18) is not a section heading.
    if (article.paragraphs.length === 0 && !open && /^\d{4}(年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})(\s|$)/u.test(text)) {
      article.date ??= text;
      continue;
    }
    // A paragraph left open (no sentence-final punctuation) continues here.
    if (open && block.blanksBefore < CAPTION_GAP) {
      open.text += text;
      if (endsSentence(text)) open = null;
      continue;
    }
    const short = !endsSentence(text);
    const setApart = block.blanksBefore >= CAPTION_GAP || block.blanksAfter >= CAPTION_GAP;
    // A caption may end in a bracket (…(本版图片均为资料图)) but never ends a sentence.
    const isCaption = setApart && !/[。！？!?]$/u.test(text) && charCount(text) <= MAX_CAPTION_CHARS;
    if (isCaption) continue;
    if (short && charCount(text) <= MAX_HEADING_CHARS && !hasPunctuation(text)) {
      section = text;
      open = null;
      continue;
    }
    const lead = article.paragraphs.length === 0 ? leadByline(text) : null;
    if (lead) article.author ??= lead.byline.author;
    const paragraph = { section, text: lead ? lead.rest : text };
    article.paragraphs.push(paragraph);
    open = endsSentence(text) ? null : paragraph;
  }
  if (article.paragraphs.length === 0) {
    throw new KnowledgeError(file, '标题后面没有正文段落：请在标题下面写正文', first.line);
  }
  return article;
}
