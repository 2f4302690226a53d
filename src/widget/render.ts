import type { Answer, AnswerResult, FaqAnswer } from '../answer/types.js';
import { citationParts, safeUrl } from '../answer/cite.js';
import { markedPieces } from '../answer/marks.js';
import { el, icon, THUMB_DOWN_ICON, THUMB_UP_ICON } from './dom.js';
import type { Entry } from './store.js';
import { answerStrings, t, type AnswerStrings } from './strings.js';

export interface RenderActions {
  vote(entry: Extract<Entry, { kind: 'answer' }>, vote: 'up' | 'down'): void;
  retry(question: string): void;
  ask(question: string): void;
}

/**
 * The excerpt with the question's words in <mark> and the span that most likely answers in
 * <mark class="answer">. Ranges come from the engine; markedPieces skips bad ones (out of
 * bounds, overlapping) so a bug there cannot garble the quote.
 */
export function highlighted(excerpt: string, highlights: Array<[number, number]>, answer?: [number, number] | null): Node[] {
  return markedPieces(excerpt, highlights, answer).map(({ text, mark }) =>
    mark === null ? document.createTextNode(text) : el('mark', mark === 'answer' ? { class: 'answer' } : {}, text),
  );
}

function citation(result: AnswerResult): HTMLElement {
  const { title, where } = citationParts(result);
  const url = safeUrl(result.url);
  const linked = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : title;
  return el('div', { class: 'cite' }, '——', linked, `· ${where}`);
}

/**
 * The quote in the reader's script, with a 原文 toggle when it was converted: pressed, it shows
 * the article's own characters verbatim (no highlights: they are ranges in the converted text).
 */
function renderQuote(result: AnswerResult, s: AnswerStrings): HTMLElement[] {
  const quote = el('blockquote', { class: 'quote' }, ...highlighted(result.excerpt, result.highlights, result.answer));
  const original = result.original;
  if (original === undefined || original === result.excerpt) return [quote];
  const toggle = el('button', { type: 'button', class: 'orig', 'aria-pressed': 'false' }, s.original);
  toggle.addEventListener('click', () => {
    const showOriginal = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(showOriginal));
    quote.replaceChildren(...(showOriginal ? [document.createTextNode(original)] : highlighted(result.excerpt, result.highlights, result.answer)));
  });
  return [quote, toggle];
}

function renderAnswer(entry: Extract<Entry, { kind: 'answer' }>, actions: RenderActions): HTMLElement {
  const { answer } = entry;
  const s = answerStrings(answer.script);
  // `?? !answered`: only for history stored by a widget older than the engine's nothingToShow.
  if (answer.nothingToShow ?? !answer.answered) return renderDecline(answer, actions, s);
  const box = el('div', { class: 'msg bot', ...(answer.script ? { lang: answer.script } : {}) });
  if (answer.understoodAs) box.append(el('div', { class: 'understood' }, s.understoodAs(answer.understoodAs)));
  if (answer.faq) box.append(renderFaq(answer.faq, s));
  if (answer.faq && answer.results.length > 0) box.append(el('div', { class: 'label' }, s.excerpts));
  for (const result of answer.results) box.append(...renderQuote(result, s), citation(result));
  const votes = el('div', { class: 'votes' });
  const fill = (): void => {
    votes.replaceChildren();
    if (entry.vote) {
      votes.append(el('span', { class: 'thanks', role: 'status' }, icon(entry.vote === 'up' ? THUMB_UP_ICON : THUMB_DOWN_ICON), s.thanks));
      return;
    }
    for (const [vote, path, label] of [['up', THUMB_UP_ICON, s.voteUp], ['down', THUMB_DOWN_ICON, s.voteDown]] as const) {
      const button = el('button', { type: 'button', class: 'vote', 'aria-label': label, title: label }, icon(path));
      button.addEventListener('click', () => {
        actions.vote(entry, vote);
        fill();
      });
      votes.append(button);
    }
  };
  fill();
  box.append(votes);
  return box;
}

/** A curated answer, labelled so it is not taken for a quote from an article. */
function renderFaq(faq: FaqAnswer, s: AnswerStrings): HTMLElement {
  const box = el('div', { class: 'faq' }, el('div', { class: 'label' }, s.faqLabel), el('p', { class: 'faq-q' }, faq.question), el('p', { class: 'faq-a' }, faq.answer));
  const url = safeUrl(faq.url);
  const source = faq.source ?? (url ? s.faqLink : null);
  if (source) {
    box.append(el('div', { class: 'cite' }, '—— ', url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, source) : source));
  }
  return box;
}

function renderDecline(answer: Answer, actions: RenderActions, s: AnswerStrings): HTMLElement {
  const box = el('div', { class: 'msg bot decline' }, el('p', {}, answer.note ?? s.declined));
  if (answer.didYouMean?.length) {
    const links = answer.didYouMean.map((q) => {
      const link = el('button', { type: 'button', class: 'dym' }, q);
      link.addEventListener('click', () => actions.ask(q));
      return el('li', {}, link);
    });
    box.append(el('p', {}, s.didYouMean), el('ul', { class: 'dyms' }, ...links));
  }
  if (answer.suggestions.length > 0) {
    box.append(el('p', {}, s.covers), el('ul', {}, ...answer.suggestions.map((title) => el('li', {}, title))));
  }
  return box;
}

/** Example questions as buttons that ask themselves. */
export function renderChips(questions: string[], actions: RenderActions): HTMLElement {
  const box = el('div', { class: 'chips' });
  for (const q of questions) {
    const chip = el('button', { type: 'button', class: 'chip' }, q);
    chip.addEventListener('click', () => actions.ask(q));
    box.append(chip);
  }
  return box;
}

export function renderEntry(entry: Entry, actions: RenderActions): HTMLElement {
  switch (entry.kind) {
    case 'question':
      return el('div', { class: 'msg user' }, entry.text);
    case 'answer':
      return renderAnswer(entry, actions);
    case 'error': {
      const box = el('div', { class: 'msg bot error', role: 'alert' }, el('p', {}, entry.message));
      if (entry.retry) {
        const button = el('button', { type: 'button', class: 'retry' }, t.retry);
        button.addEventListener('click', () => actions.retry(entry.question));
        box.append(button);
      }
      return box;
    }
  }
}

export function renderTyping(): HTMLElement {
  return el(
    'div',
    { class: 'msg bot typing', role: 'status', 'aria-label': t.thinking },
    el('span', { class: 'dot' }),
    el('span', { class: 'dot' }),
    el('span', { class: 'dot' }),
  );
}
