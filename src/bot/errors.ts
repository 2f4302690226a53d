/** A bot setting that cannot work (e.g. a webhook secret Telegram would reject). */
export class BotConfigError extends Error {
  override name = 'BotConfigError';
}

/** Telegram accepts 1-256 characters of A-Z a-z 0-9 _ -; we also require 16+ so it cannot be guessed. */
export function assertWebhookSecret(secret: string): void {
  if (!/^[A-Za-z0-9_-]{16,256}$/.test(secret)) {
    throw new BotConfigError(
      'WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, "_" or "-" (generate one with: openssl rand -hex 32)',
    );
  }
}
