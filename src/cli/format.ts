import { citation } from '../answer/cite.js';
import { markedPieces } from '../answer/marks.js';
import type { Answer, AnswerResult } from '../answer/types.js';
import { toScript } from '../text/script.js';

const BOLD = '\u001b[1m';
const UNDERLINE = '\u001b[4m';
const RESET = '\u001b[0m';

function highlight(r: AnswerResult, color: boolean): string {
  if (!color) return r.excerpt;
  // The question's words bold, the answer span bold and underlined.
  const open = { term: BOLD, answer: BOLD + UNDERLINE } as const;
  return markedPieces(r.excerpt, r.highlights, r.answer)
    .map(({ text, mark }) => (mark ? open[mark] + text + RESET : text))
    .join('');
}

/** An answer as plain text for a terminal (bold matches when `color`). */
export function formatAnswerForTerminal(answer: Answer, color: boolean): string {
  const text = terminalText(answer, color);
  // The quotes are in the asker's script already; this puts the labels there too.
  return answer.script && answer.script !== 'zh-Hans' ? toScript(text, answer.script) : text;
}

function terminalText(answer: Answer, color: boolean): string {
  const lines = [`问：${answer.question}`];
  if (answer.understoodAs) lines.push(`（按上文理解为：${answer.understoodAs}）`);
  if (answer.nothingToShow) {
    lines.push(answer.note ?? '知识库里没有找到这个问题的答案。');
    if (answer.suggestions.length) lines.push(`目前收录的内容：${answer.suggestions.join('、')}`);
    if (answer.didYouMean?.length) lines.push(`你是不是想问：${answer.didYouMean.join('、')}`);
    return lines.join('\n');
  }
  if (answer.faq) {
    // A curated answer is the manager's text, not a quote: labelled so it is not mistaken for one.
    const { question, answer: text, source, url } = answer.faq;
    lines.push('', `【常见问题】${question}`, text.replace(/^(?=.)/gmu, '   '));
    if (source || url) lines.push(`   ——${[source, url].filter(Boolean).join(' ')}`);
  }
  answer.results.forEach((r, i) => {
    lines.push('', `${i + 1}. 「${highlight(r, color)}」`);
    const source = r.source ? `（${r.source}）` : '';
    lines.push(`   ${citation(r)}${source}${r.url ? ` ${r.url}` : ''}`);
  });
  return lines.join('\n');
}
