import { citation } from '../answer/cite.js';
import type { Answer, AnswerResult } from '../answer/types.js';

const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

function highlight(r: AnswerResult, color: boolean): string {
  if (!color) return r.excerpt;
  let out = '';
  let last = 0;
  for (const [a, b] of r.highlights) {
    out += r.excerpt.slice(last, a) + BOLD + r.excerpt.slice(a, b) + RESET;
    last = b;
  }
  return out + r.excerpt.slice(last);
}

/** An answer as plain text for a terminal (bold matches when `color`). */
export function formatAnswerForTerminal(answer: Answer, color: boolean): string {
  const lines = [`问：${answer.question}`];
  if (!answer.answered) {
    lines.push('知识库里没有找到这个问题的答案。');
    if (answer.suggestions.length) lines.push(`目前收录的内容：${answer.suggestions.join('、')}`);
    return lines.join('\n');
  }
  answer.results.forEach((r, i) => {
    lines.push('', `${i + 1}. 「${highlight(r, color)}」`);
    const source = r.source ? `（${r.source}）` : '';
    lines.push(`   ${citation(r)}${source}${r.url ? ` ${r.url}` : ''}`);
  });
  return lines.join('\n');
}
