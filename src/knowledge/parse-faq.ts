import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../shared/limits.js';
import { KnowledgeError } from '../shared/errors.js';
import { questionKey } from './question-key.js';
import type { FaqEntry } from './types.js';

export { questionKey };

/**
 * The FAQ format, chosen so a community manager can write it in any text
 * editor without learning Markdown beyond one heading:
 *
 *   ## 郴州到广州要多久？          ← the question
 *   - 又问：从郴州去广州多长时间    ← any number of alternates
 *
 *   到广州1小时左右……              ← the answer: paragraphs, blank line between
 *
 *   来源：《向南开放看郴州》        ← optional
 *   链接：https://…                 ← optional, http(s) only
 *
 * `<!-- … -->` comments and a `# 标题` line are ignored.
 */

const ALTERNATE = /^(?:[-*•]\s*)?又问\s*[:：]\s*(.*)$/u;
const SOURCE = /^(?:来源|出处)\s*[:：]\s*(.*)$/u;
const URL_LINE = /^(?:链接|网址)\s*[:：]\s*(.*)$/u;

export const MAX_FAQ_QUESTION = 150;

const text = (what: string) => z.string().trim().min(1, { error: `${what}是空的` });

const entrySchema = z.object({
  // Short enough to serve as the answer's id in feedback records (`faq:<question>`, at most 200 characters).
  question: text('问题（"## " 后面）').max(MAX_FAQ_QUESTION, { error: `问题超过 ${MAX_FAQ_QUESTION} 个字：较长的问法请写在 "又问：" 行里` }),
  alternates: z.array(text('其他问法（"又问："）').max(MAX_QUESTION_LENGTH, { error: `其他问法（"又问："）超过 ${MAX_QUESTION_LENGTH} 个字` })),
  answer: z.string().trim().min(1, { error: '没有答案：请写在问题下面，中间空一行' }).max(3000, { error: '答案超过 3000 个字：请删短或拆成几条' }),
  source: text('"来源："').nullable(),
  url: z.url({ protocol: /^https?$/u, error: '"链接：" 必须是完整的 http(s) 网址，例如 https://example.com/page' }).nullable(),
});

/** Raw entry with the line of each field, so a zod issue can point at its line. */
interface Draft {
  line: number;
  question: string;
  alternates: string[];
  alternateLines: number[];
  paragraphs: string[][];
  source: string | null;
  sourceLine: number;
  url: string | null;
  urlLine: number;
}

/** Blanks out `<!-- … -->` comments, keeping line breaks so line numbers stay right. */
function stripComments(content: string): string {
  return content.replace(/<!--[\s\S]*?(?:-->|$)/gu, (c) => c.replace(/[^\n]/gu, ''));
}

function draftLines(file: string, content: string, errors: KnowledgeError[]): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let blankBefore = true;
  const lines = stripComments(content.replace(/^\ufeff/u, '')).split(/\r\n|\r|\n/u);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line === '') return void (blankBefore = true);
    const heading = /^(#{1,6})\s*(.*)$/u.exec(line);
    if (heading && heading[1] === '##') {
      current = { line: n, question: heading[2]!, alternates: [], alternateLines: [], paragraphs: [], source: null, sourceLine: n, url: null, urlLine: n };
      drafts.push(current);
    } else if (heading) {
      // A `# 常见问题` title (or deeper headings) is decoration, not an entry.
    } else if (!current) {
      errors.push(new KnowledgeError(file, '第一个问题之前有文字：每一条问答请以一行 "## 问题" 开头', n));
    } else {
      const d: Draft = current;
      let m: RegExpExecArray | null;
      if ((m = ALTERNATE.exec(line))) {
        d.alternates.push(m[1]!);
        d.alternateLines.push(n);
      } else if ((m = SOURCE.exec(line))) {
        d.source = m[1]!;
        d.sourceLine = n;
      } else if ((m = URL_LINE.exec(line))) {
        d.url = m[1]!.trim();
        d.urlLine = n;
      } else if (blankBefore || d.paragraphs.length === 0) d.paragraphs.push([line]);
      else d.paragraphs.at(-1)!.push(line);
    }
    blankBefore = false;
  });
  return drafts;
}

/** Joins the lines of one paragraph: nothing between CJK, a space between Latin words (as articles do). */
const joinLines = (lines: string[]) =>
  lines.reduce((acc, l) => (acc && /[A-Za-z0-9,.;:!?]$/u.test(acc) && /^[A-Za-z0-9]/u.test(l) ? `${acc} ${l}` : acc + l), '');

/**
 * Parses one FAQ file. An invalid entry is reported (file and line) and
 * skipped; the others are returned.
 */
export function parseFaq(file: string, content: string): { entries: FaqEntry[]; errors: KnowledgeError[] } {
  const errors: KnowledgeError[] = [];
  const entries: FaqEntry[] = [];
  for (const d of draftLines(file, content, errors)) {
    const parsed = entrySchema.safeParse({
      question: d.question,
      alternates: d.alternates,
      answer: d.paragraphs.map(joinLines).join('\n\n'),
      source: d.source,
      url: d.url,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const [field, index] = issue.path;
      const line = field === 'url' ? d.urlLine : field === 'source' ? d.sourceLine : field === 'alternates' ? d.alternateLines[index as number]! : d.line;
      errors.push(new KnowledgeError(file, `问答“${d.question.slice(0, 30)}”：${issue.message}；已跳过这一条`, line));
      continue;
    }
    entries.push({ file, line: d.line, ...parsed.data });
  }
  return { entries, errors };
}

/** Same question up to punctuation, spaces, case and script (Traditional/Simplified). */

/**
 * Parses every FAQ file of a knowledge folder. A question asked by two entries
 * (as a question or an alternate) is an error on the later one, which is skipped:
 * otherwise which answer shows would depend on file order.
 */
export function parseFaqFiles(files: Array<{ file: string; content: string }>): { entries: FaqEntry[]; errors: KnowledgeError[] } {
  const entries: FaqEntry[] = [];
  const errors: KnowledgeError[] = [];
  const seen = new Map<string, FaqEntry>();
  for (const { file, content } of files) {
    const parsed = parseFaq(file, content);
    errors.push(...parsed.errors);
    for (const entry of parsed.entries) {
      const keys = [entry.question, ...entry.alternates].map(questionKey);
      const clash = keys.map((k) => seen.get(k)).find(Boolean);
      if (clash) {
        errors.push(new KnowledgeError(file, `问答“${entry.question.slice(0, 30)}”与 ${clash.file}:${clash.line} 那一条的问题重复；已跳过这一条`, entry.line));
        continue;
      }
      for (const k of keys) seen.set(k, entry);
      entries.push(entry);
    }
  }
  return { entries, errors };
}
