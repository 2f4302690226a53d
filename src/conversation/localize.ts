import type { Answer, AnswerResult } from '../answer/types.js';
import { isTraditional, questionScript, textScript, toScript, toScriptMapped, toScriptWords, type Script } from '../text/script.js';

function localizeResult(r: AnswerResult, script: Script): AnswerResult {
  // A quote is shown as written when the article is already in the reader's script family:
  // Hong Kong and Taiwan forms (台/臺, 周期/週期) are the author's choice, not a translation.
  if (isTraditional(textScript(r.excerpt + r.article)) === isTraditional(script)) return r;
  // The answer span moves with the text as the highlights do: converted as one more range.
  const ranges = r.answer ? [...r.highlights, r.answer] : r.highlights;
  const { text, highlights: moved } = toScriptMapped(r.excerpt, ranges, script);
  if (text === r.excerpt) return r;
  return {
    ...r,
    excerpt: text,
    original: r.original ?? r.excerpt,
    highlights: r.answer ? moved.slice(0, -1) : moved,
    ...(r.answer ? { answer: moved.at(-1)! } : {}),
    article: toScript(r.article, script),
    section: r.section === null ? null : toScript(r.section, script),
  };
}

/**
 * Shows an answer in the asker's script: a question in Traditional gets the
 * quote, citation and notes in Traditional (Hong Kong or Taiwan forms, as the
 * question shows), one in Simplified gets Simplified; a question that shows
 * neither keeps the article's own script. The verbatim quote stays in `original`.
 * Returns a new object: answers may be shared by the answer cache.
 */
export function localizeAnswer(answer: Answer, asked: string, forced?: Script): Answer {
  const own = forced ?? questionScript(asked);
  const first = answer.results[0];
  const script = own ?? (first ? textScript(first.excerpt + first.article) : 'zh-Hans');
  const convert = (s: string) => (own ? toScript(s, own) : s);
  const out: Answer = { ...answer, script, results: answer.results.map((r) => (own ? localizeResult(r, own) : r)) };
  if (!own) return out;
  out.suggestions = answer.suggestions.map(convert);
  if (answer.didYouMean) out.didYouMean = answer.didYouMean.map(convert);
  if (answer.faq) {
    const { faq } = answer;
    // The question stays as the manager wrote it: feedback is recorded against it.
    out.faq = { ...faq, answer: convert(faq.answer), source: faq.source === null ? null : convert(faq.source) };
  }
  // The note is chuchu's own sentence: in the words of the asker's region too (原文連結 in Taiwan).
  if (answer.note) out.note = toScriptWords(answer.note, own);
  if (answer.understoodAs) out.understoodAs = convert(answer.understoodAs);
  return out;
}
