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

/** `□ 郴州日报·今日郴州客户端全媒体记者 王路莎` → source 郴州日报, author 王路莎. */
export function parseByline(line: string): { source: string | null; author: string | null } {
  const body = line.replace(/^□\s*/u, '').trim();
  const parts = body.split(/\s+/u);
  const author = parts.length > 1 ? parts.at(-1)! : null;
  const outlet = parts.length > 1 ? parts.slice(0, -1).join(' ') : body;
  const source = outlet.split(/[·・•]/u)[0]!.trim() || null;
  return { source, author };
}

/**
 * Parses an article in the layout of a printed news page: title on the first
 * line, `——` subtitle, `□` byline, short heading lines that start sections,
 * photo captions set apart by blank lines (dropped), and paragraphs broken
 * across lines mid-sentence (joined with no separator).
 */
export function parseTxt(file: string, content: string): ParsedArticle {
  const blocks = toBlocks(content);
  const first = blocks.shift();
  if (!first) throw new KnowledgeError(file, 'the file is empty: expected a title on the first non-empty line');
  const article: ParsedArticle = {
    title: first.text,
    subtitle: null,
    source: null,
    author: null,
    date: null,
    url: null,
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
    if (article.paragraphs.length === 0 && !open && text.startsWith('□')) {
      Object.assign(article, parseByline(text));
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
    const paragraph = { section, text };
    article.paragraphs.push(paragraph);
    open = endsSentence(text) ? null : paragraph;
  }
  if (article.paragraphs.length === 0) {
    throw new KnowledgeError(file, 'no body paragraphs found after the title', first.line);
  }
  return article;
}
