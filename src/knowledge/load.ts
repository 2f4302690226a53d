import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isFaqFile, isIgnoredName, SYNONYMS_FILE, USER_DICT_FILE } from './files.js';
import { parseFaqFiles } from './parse-faq.js';
import { KnowledgeError } from '../shared/errors.js';
import { parseMd } from './parse-md.js';
import { parseTxt } from './parse-txt.js';
import { toPassages } from './passages.js';
import type { Article, FaqEntry, Passage, UserWord } from './types.js';

const NOT_ARTICLES = new Set([USER_DICT_FILE, SYNONYMS_FILE, 'readme.md']);

export interface Knowledge {
  dir: string;
  articles: Article[];
  passages: Passage[];
  /** Words for jieba's dictionary (userdict.txt, jieba's format: `word [freq] [tag]`). */
  userWords: UserWord[];
  /** Groups of words that mean the same (synonyms.txt, one group per line). */
  synonyms: string[][];
  /** Curated questions and answers (faq.md, *.faq.md, faq/*.md); never loaded as articles. */
  faq: FaqEntry[];
  /** Files that could not be loaded; the rest loaded. Never swallowed: callers report them. */
  errors: KnowledgeError[];
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (isIgnoredName(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listFiles(full, base)));
    else if (e.isFile()) files.push(path.relative(base, full));
  }
  return files;
}

/** Reads a file as UTF-8, refusing bytes that are not (a binary or GBK file would otherwise index as garbage). */
async function readText(dir: string, file: string): Promise<string> {
  const bytes = await readFile(path.join(dir, file));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new KnowledgeError(file, 'not valid UTF-8 text (save the file as UTF-8)');
  }
}

/** One item per non-empty, non-comment line, with its line number. */
function dataLines(content: string): Array<{ line: number; fields: string[] }> {
  return content
    .split(/\r\n|\r|\n/u)
    .map((raw, i) => ({ line: i + 1, fields: raw.replace(/#.*$/u, '').trim().split(/\s+/u).filter(Boolean) }))
    .filter((l) => l.fields.length > 0);
}

/**
 * One userdict.txt line in jieba's format, `word [freq] [tag]`: 北湖机场, 北湖机场 ns,
 * 北湖机场 5 ns. The tag is kept (jieba tags the word with it); nodejieba can only insert a
 * word with its default user-word frequency, so a frequency is read and not used
 * (documented in the README). Returns the reason when the line is not in that format.
 */
function userWord(fields: string[]): UserWord | string {
  const [word, ...rest] = fields;
  if (rest.length > 0 && /^\d+$/u.test(rest[0]!)) rest.shift();
  if (rest.length > 1 || (rest[0] !== undefined && !/^[a-z]+$/iu.test(rest[0]))) {
    return `expected "word [frequency] [part of speech]" (e.g. 北湖机场 ns), got "${fields.join(' ')}"`;
  }
  return rest[0] ? { word: word!, tag: rest[0] } : { word: word! };
}

async function readOptional(dir: string, file: string): Promise<string | null> {
  try {
    return await readText(dir, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Loads every article (`.md`, `.txt`) under a knowledge folder, plus its
 * FAQ entries, user dictionary and synonyms. A broken file is reported in `errors` and the
 * rest still loads; a folder with no usable article throws.
 */
export async function loadKnowledge(dir: string): Promise<Knowledge> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (err) {
    throw new KnowledgeError(dir, `cannot read the knowledge folder (${(err as Error).message})`);
  }
  const knowledge: Knowledge = { dir, articles: [], passages: [], userWords: [], synonyms: [], faq: [], errors: [] };
  const faqFiles: Array<{ file: string; content: string }> = [];
  for (const file of files) {
    if (isFaqFile(file)) {
      try {
        faqFiles.push({ file, content: await readText(dir, file) });
      } catch (err) {
        knowledge.errors.push(err instanceof KnowledgeError ? err : new KnowledgeError(file, (err as Error).message));
      }
      continue;
    }
    const name = path.basename(file).toLowerCase();
    const ext = path.extname(name);
    if (NOT_ARTICLES.has(name) || (ext !== '.md' && ext !== '.txt')) continue;
    try {
      const content = (await readText(dir, file)).replace(/^\ufeff/u, '');
      const parsed = ext === '.md' ? parseMd(file, content) : parseTxt(file, content);
      const { article, passages } = toPassages(file, parsed);
      knowledge.articles.push(article);
      knowledge.passages.push(...passages);
    } catch (err) {
      knowledge.errors.push(err instanceof KnowledgeError ? err : new KnowledgeError(file, (err as Error).message));
    }
  }
  const faq = parseFaqFiles(faqFiles);
  knowledge.faq = faq.entries;
  knowledge.errors.push(...faq.errors);
  const dict = await readOptional(dir, USER_DICT_FILE).catch((err: KnowledgeError) => (knowledge.errors.push(err), null));
  if (dict) {
    for (const { line, fields } of dataLines(dict)) {
      const word = userWord(fields);
      if (typeof word === 'string') knowledge.errors.push(new KnowledgeError(USER_DICT_FILE, word, line));
      else knowledge.userWords.push(word);
    }
  }
  const synonyms = await readOptional(dir, SYNONYMS_FILE).catch((err: KnowledgeError) => (knowledge.errors.push(err), null));
  if (synonyms) {
    for (const { line, fields } of dataLines(synonyms)) {
      if (fields.length < 2) knowledge.errors.push(new KnowledgeError(SYNONYMS_FILE, 'a synonym group needs at least two words', line));
      else knowledge.synonyms.push(fields);
    }
  }
  if (knowledge.articles.length === 0) {
    const why = knowledge.errors.length ? ` (${knowledge.errors.map((e) => e.message).join('; ')})` : '';
    throw new KnowledgeError(dir, `no usable article (.md or .txt) in the knowledge folder${why}`);
  }
  return knowledge;
}
