import { HttpError, type Transformer } from 'grammy';
import type { ConnectionState } from './connection-state.js';

/** How hard one Bot API call is retried. Every bound holds for every kind of failure. */
export interface RetryOptions {
  /** Retries after the first try (429, 5xx, network errors alike). */
  maxRetries: number;
  /** Give up once this much time has passed since the first try, even with retries left. */
  maxTotalMs: number;
  /** One try of one call is abandoned after this (getUpdates excepted: it long-polls). */
  callTimeoutMs: number;
  /** First backoff after a 5xx or a network error; doubles each time. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, maxTotalMs: 20_000, callTimeoutMs: 10_000, baseDelayMs: 1_000 };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted while waiting to retry'))), { once: true });
  });

/**
 * An API transformer that retries 429 (after its retry_after), 5xx and network errors,
 * within a count and a total time. It replaces @grammyjs/auto-retry, which retries network
 * errors without end (up to an hour apart), so an unreachable Bot API held every reply,
 * and the chat behind it, forever. getUpdates is left alone: the runner retries it.
 */
export function boundedRetry(options: Partial<RetryOptions> = {}, link?: Pick<ConnectionState, 'up' | 'down'>): Transformer {
  const o = { ...DEFAULT_RETRY, ...options };
  return async (prev, method, payload, grammySignal) => {
    if (method === 'getUpdates') return prev(method, payload, grammySignal);
    // grammY types its signal with the abort-controller shim; at run time it is Node's own.
    const signal = grammySignal as unknown as AbortSignal | undefined;
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(o.callTimeoutMs);
      const callSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const backoff = o.baseDelayMs * 2 ** attempt;
      const canWait = (ms: number) => attempt < o.maxRetries && Date.now() - started + ms <= o.maxTotalMs && !signal?.aborted;
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, callSignal as unknown as typeof grammySignal);
        // Any answer, even an error, means the Bot API is reachable.
        link?.up();
      } catch (error) {
        // A network error, or a try abandoned after callTimeoutMs: unreachable (logged once per change).
        if (error instanceof HttpError && !signal?.aborted) link?.down(error);
        if (!(error instanceof HttpError) || !canWait(backoff)) throw error;
        await sleep(backoff, signal);
        continue;
      }
      if (result.ok) return result;
      const retryAfterMs = (result.parameters?.retry_after ?? NaN) * 1000;
      if (Number.isFinite(retryAfterMs) && canWait(retryAfterMs)) await sleep(retryAfterMs, signal);
      else if (result.error_code >= 500 && canWait(backoff)) await sleep(backoff, signal);
      else return result;
    }
  };
}
