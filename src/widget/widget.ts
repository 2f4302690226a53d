import { MAX_QUESTION_LENGTH } from '../shared/limits.js';
import { AskFailure, type Api } from './api.js';
import { CHAT_ICON, CLOSE_ICON, el, icon } from './dom.js';
import { renderChips, renderEntry, renderTyping, type RenderActions } from './render.js';
import type { Entry, Store } from './store.js';
import { t } from './strings.js';
import { css } from './styles.js';

export interface WidgetConfig {
  title: string;
  color: string | null;
  position: 'left' | 'right';
}

export interface WidgetHandle {
  open(): void;
  close(): void;
  ask(question: string): Promise<void>;
}

function applyStyles(shadow: ShadowRoot): void {
  // A constructed stylesheet is not subject to the host page's style-src CSP; <style> is the fallback.
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.append(el('style', {}, css));
  }
}

/**
 * Mounts the launcher and panel in a Shadow DOM on `document.body` and returns the JS API.
 * The root is open: closing it would hide nothing from scripts on the same page, but would
 * hide the widget from accessibility tooling and browser tests.
 */
export function mountWidget(config: WidgetConfig, api: Api, store: Store): WidgetHandle {
  const host = document.createElement('chuchu-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow);

  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-label': t.openLabel(config.title), 'aria-expanded': 'false', 'aria-controls': 'panel' }, icon(CHAT_ICON));
  const closeButton = el('button', { type: 'button', class: 'close', 'aria-label': t.closeLabel }, icon(CLOSE_ICON));
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': t.logLabel });
  const input = el('input', { type: 'text', 'aria-label': t.inputLabel, placeholder: t.placeholder, maxlength: String(MAX_QUESTION_LENGTH), enterkeyhint: 'send', autocomplete: 'off' });
  const send = el('button', { type: 'submit', class: 'send' }, t.send);
  const form = el('form', {}, input, send);
  const panel = el('section', { class: 'panel', id: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: '' },
    el('header', {}, el('h2', { id: 'title' }, config.title), closeButton), log, form, el('div', { class: 'foot' }, t.footer));
  const root = el('div', { class: `root ${config.position}` }, launcher, panel);
  if (config.color && CSS.supports('color', config.color)) root.style.setProperty('--c', config.color);
  shadow.append(root);
  document.body.append(host);

  let busy = false;
  let greeted = false;

  const actions: RenderActions = {
    vote(entry, vote) {
      // A curated answer has no passage: its vote goes to `faq:<its question>` (as in the bot).
      const faq = entry.answer.faq;
      const target = faq ? `faq:${faq.question}` : entry.answer.results[0]?.passageId;
      entry.vote = vote;
      store.save();
      // A completed follow-up is voted on as what was answered: the server checks the passage against it.
      if (target) void api.feedback(entry.answer.understoodAs ?? entry.answer.question, target, vote);
    },
    retry: (question) => void ask(question),
    ask: (question) => void ask(question),
  };

  const scrollDown = (): void => void (log.scrollTop = log.scrollHeight);
  const append = (entry: Entry): void => {
    store.state.entries.push(entry);
    store.save();
    log.append(renderEntry(entry, actions));
    scrollDown();
  };

  async function greet(): Promise<void> {
    if (greeted) return;
    greeted = true;
    const greeting = el('div', { class: 'msg bot' }, t.greeting);
    log.prepend(greeting);
    const examples = await api.examples();
    if (examples && examples.examples.length > 0) {
      greeting.after(el('div', { class: 'msg bot' }, t.tryAsking), renderChips(examples.examples, actions));
    }
  }

  function open(): void {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    store.state.open = true;
    store.save();
    void greet();
    scrollDown();
    input.focus();
  }

  function close(): void {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    store.state.open = false;
    store.save();
    launcher.focus();
  }

  async function ask(raw: string): Promise<void> {
    const question = raw.trim();
    if (!question || busy) return;
    if (panel.hidden) open();
    if (question.length > MAX_QUESTION_LENGTH) {
      append({ kind: 'error', question, message: t.questionTooLong(MAX_QUESTION_LENGTH), retry: false });
      return;
    }
    busy = true;
    send.disabled = true;
    append({ kind: 'question', text: question });
    const typing = renderTyping();
    log.append(typing);
    scrollDown();
    try {
      const answer = await api.ask(question, store.state.conversationId, t.networkError, t.serverError);
      typing.remove();
      append({ kind: 'answer', answer });
    } catch (error) {
      typing.remove();
      const failure = error instanceof AskFailure ? error : new AskFailure(t.serverError, true);
      append({ kind: 'error', question, message: failure.message, retry: failure.retry });
    } finally {
      busy = false;
      send.disabled = false;
    }
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  closeButton.addEventListener('click', close);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value;
    if (!question.trim() || busy) return;
    input.value = '';
    void ask(question);
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.stopPropagation();
      close();
    }
  });

  for (const entry of store.state.entries) log.append(renderEntry(entry, actions));
  if (store.state.open) open();
  return { open, close, ask };
}
