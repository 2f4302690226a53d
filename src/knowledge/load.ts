import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isFaqFile, isIgnoredName, SYNONYMS_FILE, USER_DICT_FILE } from './files.js';
import { parseFaqFiles } from './parse-faq.js';
import { failed, loaded, skipped, type FileReport } from './accounting.js';
import { KnowledgeError } from '../shared/errors.js';
import { decodeText } from './formats/encoding.js';
import { parseArticleFile, unsupportedReason } from './formats/index.js';
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
  /** Every file in the folder: loaded (with its count), skipped (with why) or failed (with where and why). */
  files: FileReport[];
}

const ARTICLE_LIST = '.md .txt .html .docx .pdf';

/** A FAQ file: loaded with its entry count, or failed at its first bad entry (the good entries still load). */
function faqReport(file: string, faq: { entries: FaqEntry[]; errors: KnowledgeError[] }): FileReport {
  const count = faq.entries.filter((e) => e.file === file).length;
  const bad = faq.errors.find((e) => e.file === file);
  return bad ? { ...failed(bad, 'faq'), count } : loaded(file, 'faq', count);
}

/** Files under `dir`, relative to `base`; hidden, draft and backup files and folders go to `ignored` (reported as skipped). */
async function listFiles(dir: string, base = dir, ignored: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (isIgnoredName(e.name)) {
      ignored.push(path.relative(base, full) + (e.isDirectory() ? '/' : ''));
      continue;
    }
    if (e.isDirectory()) files.push(...(await listFiles(full, base, ignored)));
    else if (e.isFile()) files.push(path.relative(base, full));
  }
  return files;
}

/** Reads a text file in any encoding decodeText knows (UTF-8, UTF-16 with BOM, GB18030, Big5); undecodable is an error naming it. */
async function readText(dir: string, file: string): Promise<string> {
  return decodeText(file, await readFile(path.join(dir, file))).text;
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
    return `格式应为 "词 [词频] [词性]"（例如 北湖机场 ns），这一行是 "${fields.join(' ')}"`;
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
  const ignored: string[] = [];
  try {
    files = await listFiles(dir, dir, ignored);
  } catch (err) {
    throw new KnowledgeError(dir, `无法读取知识库文件夹（${(err as Error).message}）`);
  }
  const knowledge: Knowledge = { dir, articles: [], passages: [], userWords: [], synonyms: [], faq: [], errors: [], files: [] };
  knowledge.files.push(...ignored.map((file) => skipped(file, '隐藏文件、草稿（文件名以 _ 开头）或备份文件：不会加载')));
  const faqFiles: Array<{ file: string; content: string }> = [];
  const fail = (file: string, err: unknown, kind: FileReport['kind']) => {
    const error = err instanceof KnowledgeError ? err : new KnowledgeError(file, `无法读取（${(err as Error).message}）`);
    const report = failed(error, kind);
    knowledge.files.push(report);
    if (report.status === 'failed') knowledge.errors.push(error);
  };
  for (const file of files) {
    if (isFaqFile(file)) {
      try {
        faqFiles.push({ file, content: await readText(dir, file) });
      } catch (err) {
        fail(file, err, 'faq');
      }
      continue;
    }
    const name = path.basename(file).toLowerCase();
    if (NOT_ARTICLES.has(name)) {
      if (name === 'readme.md') knowledge.files.push(skipped(file, 'README：写给人看的说明，不是文章'));
      continue;
    }
    const unsupported = unsupportedReason(file);
    if (unsupported) {
      knowledge.files.push(skipped(file, unsupported));
      continue;
    }
    try {
      const parsed = await parseArticleFile(file, await readFile(path.join(dir, file)));
      const { article, passages } = toPassages(file, parsed);
      knowledge.articles.push(article);
      knowledge.passages.push(...passages);
      knowledge.files.push(loaded(file, 'article', parsed.paragraphs.length));
    } catch (err) {
      fail(file, err, 'article');
    }
  }
  const faq = parseFaqFiles(faqFiles);
  knowledge.faq = faq.entries;
  knowledge.errors.push(...faq.errors);
  knowledge.files.push(...faqFiles.map(({ file }) => faqReport(file, faq)));
  const dict = await readOptional(dir, USER_DICT_FILE).catch((err: KnowledgeError) => (fail(USER_DICT_FILE, err, 'userdict'), null));
  if (dict) {
    for (const { line, fields } of dataLines(dict)) {
      const word = userWord(fields);
      if (typeof word === 'string') knowledge.errors.push(new KnowledgeError(USER_DICT_FILE, word, line));
      else knowledge.userWords.push(word);
    }
  }
  if (dict !== null && !knowledge.files.some((f) => f.file === USER_DICT_FILE)) {
    const bad = knowledge.errors.find((e) => e.file === USER_DICT_FILE);
    knowledge.files.push(bad ? { ...failed(bad, 'userdict'), count: knowledge.userWords.length } : loaded(USER_DICT_FILE, 'userdict', knowledge.userWords.length));
  }
  const synonyms = await readOptional(dir, SYNONYMS_FILE).catch((err: KnowledgeError) => (fail(SYNONYMS_FILE, err, 'synonyms'), null));
  if (synonyms) {
    for (const { line, fields } of dataLines(synonyms)) {
      if (fields.length < 2) knowledge.errors.push(new KnowledgeError(SYNONYMS_FILE, '一组同义词至少要有两个词，用空格隔开', line));
      else knowledge.synonyms.push(fields);
    }
    const bad = knowledge.errors.find((e) => e.file === SYNONYMS_FILE);
    knowledge.files.push(bad ? { ...failed(bad, 'synonyms'), count: knowledge.synonyms.length } : loaded(SYNONYMS_FILE, 'synonyms', knowledge.synonyms.length));
  }
  knowledge.files.sort((a, b) => a.file.localeCompare(b.file));
  if (knowledge.articles.length === 0) {
    const why = knowledge.files.filter((f) => f.status !== 'loaded').map((f) => `${f.file}: ${f.reason}`);
    throw new KnowledgeError(dir, `知识库文件夹里没有可用的文章（${ARTICLE_LIST}）${why.length ? `（${why.join('；')}）` : ''}`);
  }
  return knowledge;
}
