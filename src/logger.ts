import pino, { type Logger } from 'pino';

/** Paths of secrets in any log object; their values are replaced, wherever they appear. */
const REDACT = ['token', 'botToken', 'adminToken', 'config.bot.token', 'config.adminToken', 'headers.authorization', 'req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]'];

/** JSON logs; pretty lines when a person watches a terminal. Secrets are redacted everywhere. */
export function createLogger(level: string, secrets: string[] = []): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI;
  const known = secrets.filter((s) => s.length >= 8);
  return pino({
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    // Secrets inside messages (an error text quoting a URL with the token) are masked too.
    hooks: {
      logMethod(args, method) {
        const masked = known.length
          ? args.map((a) => (typeof a === 'string' ? known.reduce((s, k) => s.split(k).join('[redacted]'), a) : a))
          : args;
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
}
