import type { Answer, AnswerResult, FaqAnswer } from '../answer/types.js';
import { citationParts, safeUrl } from '../answer/cite.js';
import { el, icon, THUMB_DOWN_ICON, THUMB_UP_ICON } from './dom.js';
import type { Entry } from './store.js';
import { t } from './strings.js';

export interface RenderActions {
  vote(entry: Extract<Entry, { kind: 'answer' }>, vote: 'up' | 'down'): void;
  retry(question: string): void;
  ask(question: string): void;
}

/**
 * The excerpt with the matched terms in <mark>. Ranges come from the engine; we only guard
 * against bad ones (out of bounds, overlapping) so a bug there cannot garble the quote.
 */
export function highlighted(excerpt: string, highlights: Array<[number, number]>): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  const ranges = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [rawStart, rawEnd] of ranges) {
    const start = Math.max(at, Math.min(rawStart, excerpt.length));
    const end = Math.min(rawEnd, excerpt.length);
    if (end <= start) continue;
    if (start > at) nodes.push(document.createTextNode(excerpt.slice(at, start)));
    nodes.push(el('mark', {}, excerpt.slice(start, end)));
    at = end;
  }
  if (at < excerpt.length) nodes.push(document.createTextNode(excerpt.slice(at)));
  return nodes;
}

function citation(result: AnswerResult): HTMLElement {
  const { title, where } = citationParts(result);
  const url = safeUrl(result.url);
  const linked = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : title;
  return el('div', { class: 'cite' }, '——', linked, `· ${where}`);
}

function renderAnswer(entry: Extract<Entry, { kind: 'answer' }>, actions: RenderActions): HTMLElement {
  const { answer } = entry;
  // `?? !answered`: only for history stored by a widget older than the engine's nothingToShow.
  if (answer.nothingToShow ?? !answer.answered) return renderDecline(answer, actions);
  const box = el('div', { class: 'msg bot' });
  if (answer.faq) box.append(renderFaq(answer.faq));
  if (answer.faq && answer.results.length > 0) box.append(el('div', { class: 'label' }, t.excerpts));
  for (const result of answer.results) {
    box.append(el('blockquote', { class: 'quote' }, ...highlighted(result.excerpt, result.highlights)), citation(result));
  }
  const votes = el('div', { class: 'votes' });
  const fill = (): void => {
    votes.replaceChildren();
    if (entry.vote) {
      votes.append(el('span', { class: 'thanks', role: 'status' }, icon(entry.vote === 'up' ? THUMB_UP_ICON : THUMB_DOWN_ICON), t.thanks));
      return;
    }
    for (const [vote, path, label] of [['up', THUMB_UP_ICON, t.voteUp], ['down', THUMB_DOWN_ICON, t.voteDown]] as const) {
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
function renderFaq(faq: FaqAnswer): HTMLElement {
  const box = el('div', { class: 'faq' }, el('div', { class: 'label' }, t.faqLabel), el('p', { class: 'faq-q' }, faq.question), el('p', { class: 'faq-a' }, faq.answer));
  const url = safeUrl(faq.url);
  const source = faq.source ?? (url ? t.faqLink : null);
  if (source) {
    box.append(el('div', { class: 'cite' }, '—— ', url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, source) : source));
  }
  return box;
}

function renderDecline(answer: Answer, actions: RenderActions): HTMLElement {
  const box = el('div', { class: 'msg bot decline' }, el('p', {}, t.declined));
  if (answer.didYouMean?.length) {
    const links = answer.didYouMean.map((q) => {
      const link = el('button', { type: 'button', class: 'dym' }, q);
      link.addEventListener('click', () => actions.ask(q));
      return el('li', {}, link);
    });
    box.append(el('p', {}, t.didYouMean), el('ul', { class: 'dyms' }, ...links));
  }
  if (answer.suggestions.length > 0) {
    box.append(el('p', {}, t.covers), el('ul', {}, ...answer.suggestions.map((s) => el('li', {}, s))));
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
