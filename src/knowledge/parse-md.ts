import { KnowledgeError } from '../shared/errors.js';
import type { ParsedArticle } from './parsed.js';

const FRONT_MATTER_KEYS = ['title', 'source', 'author', 'date', 'url', 'examples'] as const;
type FrontMatter = Partial<Record<(typeof FRONT_MATTER_KEYS)[number], string>>;

/** A full http: or https: address (what a link in a chat or on a page may point to). */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//iu.test(value);
  } catch {
    return false;
  }
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/u.test(v) ? v.slice(1, -1) : v;
}

/** Reads `---` front matter (YAML-style `key: value` lines); returns it and the line where the body starts. */
function readFrontMatter(file: string, lines: string[]): { meta: FrontMatter; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { meta: {}, bodyStart: 0 };
  const meta: FrontMatter = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') return { meta, bodyStart: i + 1 };
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/u.exec(line);
    if (!m) throw new KnowledgeError(file, `front matter 里这一行不是 "键: 值" 的格式：${JSON.stringify(line.slice(0, 60))}`, i + 1);
    const key = m[1]!.toLowerCase();
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) continue;
    const value = unquote(m[2]!);
    if (key === 'url' && value !== '' && !isHttpUrl(value)) {
      // Shown as a link by every channel: a javascript: or data: address would run in the reader's browser.
      throw new KnowledgeError(file, `url 必须是完整的 http(s) 网址，例如 https://example.com/page：${JSON.stringify(value.slice(0, 60))}`, i + 1);
    }
    if (value !== '') meta[key as keyof FrontMatter] = value;
  }
  throw new KnowledgeError(file, 'front matter 以 "---" 开始，却没有结束的 "---" 行：请补上', 1);
}

/** Joins the lines of one paragraph: no separator between CJK, a space between Latin words. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, line) => {
    if (!acc) return line;
    return /[A-Za-z0-9,.;:!?]$/u.test(acc) && /^[A-Za-z0-9]/u.test(line) ? `${acc} ${line}` : acc + line;
  }, '');
}

/**
 * Parses a Markdown article: optional front matter (title, source, author,
 * date, url, examples separated by `|`), `#`/`##` headings as sections (the first `#` is the title when
 * the front matter has none), paragraphs separated by blank lines.
 */
export function parseMd(file: string, content: string): ParsedArticle {
  const lines = content.split(/\r\n|\r|\n/u);
  const { meta, bodyStart } = readFrontMatter(file, lines);
  let title = meta.title ?? null;
  let section: string | null = null;
  const paragraphs: ParsedArticle['paragraphs'] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = joinLines(current).trim();
    if (text) paragraphs.push({ section, text });
    current = [];
  };
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('```')) {
      // Code is not prose to quote.
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.+?)\s*#*$/u.exec(line);
    if (heading) {
      flush();
      if (heading[1] === '#' && title === null) title = heading[2]!;
      else section = heading[2]!;
      continue;
    }
    if (line === '' || /^(-{3,}|\*{3,})$/u.test(line) || /^!\[[^\]]*\]\([^)]*\)$/u.test(line)) {
      flush();
      continue;
    }
    // List items and quotes are paragraphs of their own; their markers are not text.
    if (/^([-*+]|\d+[.)])\s+/u.test(line)) flush();
    current.push(line.replace(/^(>\s*)+/u, '').replace(/^([-*+]|\d+[.)])\s+/u, ''));
  }
  flush();
  if (inFence) throw new KnowledgeError(file, '以 ``` 开始的代码块没有结束：请补上结尾的 ```');
  if (!title) throw new KnowledgeError(file, '没有标题：请在开头的 front matter 里写 "title:"，或加一行 "# 标题"', bodyStart + 1);
  if (paragraphs.length === 0) throw new KnowledgeError(file, '没有找到正文段落：请在标题下面写正文');
  return {
    title,
    subtitle: null,
    source: meta.source ?? null,
    author: meta.author ?? null,
    byline: null,
    date: meta.date ?? null,
    url: meta.url ?? null,
    // `examples: 问题一？| 问题二？`: questions the manager wants shown as examples.
    examples: (meta.examples ?? '').split('|').map((q) => q.trim()).filter(Boolean),
    paragraphs,
  };
}
