/**
 * The answer span of a question that names the kind of thing it asks for (哪支球队, 哪国人,
 * 哪部电影): a name ending like that kind (意甲球队 for 球队), a country for 哪国, a title in 《》
 * for a work. Offsets are in the normalized text it is given.
 */
import { taggedWords } from '../text/segment.js';
import { locatedWords, NAME_TEXT, nameStart, type TextSpan } from './typed-spans.js';

const ASKS_KIND = /哪[1一]?(?:个|支|家|所|座|条|部|位|种|场|届|本|首|项|间|类|张|篇|份|只|片)?/u;
/** Kinds that are no kind (哪里, 哪些, 哪方面) and words that follow 哪 without naming one. */
const NO_KIND = /^(?:里|儿|些|怕|方面|时候|时间|地方|样|种|个|一|位|年|天|月)$/u;
/** Works are named in 《》: a question about one (哪部电影, 哪首歌, 哪本书) is answered by a title. */
const WORK = /^(?:电影|影片|片|电视剧|剧|作品|书|小说|著作|专辑|唱片|歌|歌曲|曲|诗|诗歌|杂志|报纸|刊物|节目|游戏|动画|漫画|文章)$/u;
const WORK_CLASSIFIER = /哪[1一]?(?:部|首|本|张|篇)/u;
const TITLE = /《[^《》]{1,30}》/gu;

/** The kind a question asks for (球队 of 哪支球队, 国 of 哪国人), or '' when it names none. */
export function askedKind(normalized: string): string {
  const m = ASKS_KIND.exec(normalized);
  if (!m) return '';
  const rest = normalized.slice(m.index + m[0].length);
  const tagged = taggedWords(rest);
  const first = tagged[0];
  if (!first || !/^\p{Script=Han}+$/u.test(first.word) || NO_KIND.test(first.word)) return '';
  // 哪国人, 哪一国家, 哪国运动员: a country (jieba reads 国人 as one word); not 哪个国际博览会.
  if (/^国[人籍家]?$/u.test(first.word)) return '国';
  if (WORK_CLASSIFIER.test(m[0]) && !first.tag.startsWith('n')) return '作品';
  // The noun the phrase ends with: 博览会 of 国际博览会, 球队 of 球队的队长.
  let kind = '';
  for (const { word, tag } of tagged) {
    if (!tag.startsWith('n') || !/^\p{Script=Han}+$/u.test(word)) break;
    kind = word;
  }
  return kind.length > 1 ? kind : '';
}

/**
 * Spans of a normalized text that name a thing of the kind: a title for a work; else a word
 * ending with the kind's last character (乐队 for 乐队, 王朝 for 哪个王朝), with the nouns before it
 * (意甲 球队, read back with typed-spans.ts's `nameStart`, as organisations are), or for 国 a place. Never the kind
 * word alone, nor text the question holds.
 */
export function kindSpans(kind: string, normalized: string, text: string): TextSpan[] {
  if (!kind) return [];
  const own = (s: TextSpan) => normalized.includes(text.slice(s.start, s.end));
  if (WORK.test(kind) || kind === '作品') return [...text.matchAll(TITLE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })).filter((s) => !own(s));
  const last = kind.at(-1)!;
  const words = locatedWords(text);
  const out: TextSpan[] = [];
  words.forEach(({ word, tag, start }, i) => {
    if (start < 0) return;
    const isPlace = kind === '国' && tag === 'ns';
    if (!isPlace && !(word.endsWith(last) && NAME_TEXT.test(word))) return;
    const span = { start: nameStart(words, i, 4), end: start + word.length };
    if (!isPlace && text.slice(span.start, span.end) === kind) return;
    if (span.end - span.start >= 2 && !own(span)) out.push(span);
  });
  return out;
}
