import type { Answer } from '../answer/types.js';

/** What a failed request means for the visitor: `retry` says whether trying again can help. */
export class AskFailure extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

export interface Examples {
  examples: string[];
  articles: Array<{ title: string; url: string | null }>;
}

const TIMEOUT_MS = 15_000;

/** A tiny client for the chuchu API at `base` (the widget script's own origin by default). */
export function createApi(base: string) {
  async function call(path: string, init: RequestInit): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      return await fetch(base + path, {
        ...init,
        // The API needs no cookies; omitting them keeps cross-site embedding simple and safe.
        credentials: 'omit',
        signal: controller.signal,
        headers: { 'Content-Type': 'application/json', 'X-Chuchu-Client': 'widget' },
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async function errorFrom(response: Response, fallback: string): Promise<AskFailure> {
    let message = fallback;
    try {
      const body = (await response.json()) as { message?: unknown };
      // Server error messages are written for visitors (Chinese, nothing internal).
      if (typeof body.message === 'string' && body.message) message = body.message;
    } catch {
      // Not JSON (a proxy's error page): keep the fallback.
    }
    const retry = response.status === 429 || response.status >= 500;
    return new AskFailure(message, retry);
  }

  return {
    /** Throws AskFailure with a message to show; network failures carry `networkError`. */
    async ask(question: string, conversationId: string, networkError: string, serverError: string): Promise<Answer> {
      let response: Response;
      try {
        response = await call('/api/ask', { method: 'POST', body: JSON.stringify({ question, conversationId }) });
      } catch {
        throw new AskFailure(networkError, true);
      }
      if (!response.ok) throw await errorFrom(response, serverError);
      try {
        return (await response.json()) as Answer;
      } catch {
        throw new AskFailure(serverError, true);
      }
    },

    /** Best effort: a lost vote is not worth bothering the visitor about. */
    async feedback(question: string, passageId: string, vote: 'up' | 'down'): Promise<void> {
      try {
        await call('/api/feedback', { method: 'POST', body: JSON.stringify({ question, passageId, vote }) });
      } catch {
        // ignored on purpose
      }
    },

    async examples(): Promise<Examples | null> {
      try {
        const response = await call('/api/examples', { method: 'GET' });
        return response.ok ? ((await response.json()) as Examples) : null;
      } catch {
        return null;
      }
    },
  };
}

export type Api = ReturnType<typeof createApi>;
