import { GrammyError, HttpError } from 'grammy';

/**
 * A log-safe summary of an error. grammY's HttpError wraps the raw fetch error,
 * whose message can contain the request URL and so the bot token; only chosen
 * fields are logged, and the token is masked wherever it might appear.
 */
export function describeError(error: unknown, token: string): Record<string, unknown> {
  const mask = (value: unknown) => {
    const s = String(value ?? '');
    return token ? s.split(token).join('<token>') : s;
  };
  if (error instanceof GrammyError) {
    return { type: 'GrammyError', method: error.method, code: error.error_code, message: mask(error.description) };
  }
  if (error instanceof HttpError) return { type: 'HttpError', message: mask(error.message) };
  if (error instanceof Error) {
    return { type: error.name, message: mask(error.message), stack: error.stack ? mask(error.stack) : undefined };
  }
  return { type: typeof error, message: mask(String(error)) };
}
