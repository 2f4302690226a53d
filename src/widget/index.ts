/**
 * chuchu widget entry. Embed with
 *   <script src="https://your-host/widget.js" data-title="郴州问答" data-color="#0a7" data-position="right" async></script>
 * It talks to the API at the script's own origin (or `data-api`), and exposes
 * `window.Chuchu.open() / .close() / .ask("问题")`. Elements with `data-chuchu-ask="问题"` ask on click.
 */
import { createApi } from './api.js';
import { createStore } from './store.js';
import { t } from './strings.js';
import { mountWidget, type WidgetConfig, type WidgetHandle } from './widget.js';

declare global {
  interface Window {
    Chuchu?: WidgetHandle;
  }
}

function findScript(): HTMLScriptElement | null {
  // currentScript is set for classic scripts, async included; the query covers odd loaders.
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
}

function start(script: HTMLScriptElement | null): void {
  if (window.Chuchu) return; // embedded twice: keep the first
  const data = script?.dataset ?? {};
  const scriptOrigin = script?.src ? new URL(script.src, location.href).origin : location.origin;
  const apiBase = (data.api ?? scriptOrigin).replace(/\/+$/, '');
  const config: WidgetConfig = {
    title: data.title?.trim() || t.defaultTitle,
    color: data.color?.trim() || null,
    position: data.position === 'left' ? 'left' : 'right',
  };
  const widget = mountWidget(config, createApi(apiBase), createStore(`chuchu:${apiBase}`));
  window.Chuchu = widget;

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-chuchu-ask]') : null;
    const question = target?.dataset.chuchuAsk;
    if (question) void widget.ask(question);
  });
  window.dispatchEvent(new Event('chuchu:ready'));
}

const script = findScript();
if (document.body) start(script);
else document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
