import { isIP } from 'node:net';
import { z } from 'zod';

/** Bad configuration: the message names every bad variable and what is expected. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** Questions per Telegram user per minute when BOT_RATE_LIMIT is not set. */
export const DEFAULT_BOT_RATE_LIMIT = 20;

// ---- values whose rules are about security -----------------------------------

/** proxy-addr's names for address ranges, as fastify's trustProxy accepts them. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/u.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: off, a hop count (`1` = one proxy in front), or the proxies' addresses/CIDRs.
 * `true` is refused: it trusts every hop, so the client's own leftmost X-Forwarded-For
 * entry becomes its address and it can reset its rate limit at will.
 */
export const trustProxyValue = z
  .string()
  .optional()
  .transform((raw, ctx): false | number | string[] => {
    const value = (raw ?? '').trim().toLowerCase();
    if (value === '' || value === 'false' || value === '0' || value === 'no' || value === 'off') return false;
    if (['true', 'yes', 'on'].includes(value)) {
      ctx.addIssue({
        code: 'custom',
        message:
          '"true" trusts every hop, so a client could choose its own address with X-Forwarded-For; ' +
          'give the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.1,10.1.0.0/16)',
      });
      return z.NEVER;
    }
    if (/^\d+$/u.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !isAddressOrCidr(e));
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `not a hop count or proxy address/CIDR: ${bad.join(', ')}` });
      return z.NEVER;
    }
    return entries;
  });

/** Fewest different characters an admin token may have: "aaaa…" or "1234…" is guessed, not brute-forced. */
export const MIN_TOKEN_DISTINCT_CHARS = 8;

/**
 * ADMIN_TOKEN: 16+ characters, no whitespace (an `Authorization: Bearer` header cannot carry
 * it, so such a token would never match), and at least 8 different characters.
 * Only the empty string means unset: a token of spaces is a mistake worth stopping for.
 */
export const adminTokenValue = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .string()
    .refine((s) => !/\s/u.test(s), 'must not contain whitespace (a bearer token cannot carry it, so it could never match)')
    .refine((s) => s.length >= 16, 'at least 16 characters')
    .refine(
      (s) => new Set(s).size >= MIN_TOKEN_DISTINCT_CHARS,
      `at least ${MIN_TOKEN_DISTINCT_CHARS} different characters (too easy to guess otherwise; e.g. openssl rand -hex 24)`,
    )
    .optional(),
);

/** Every environment variable the product reads; `.env.example` documents each one. */
export const envSchema = z
  .object({
    KNOWLEDGE_DIR: z.string().min(1).default('knowledge'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: int(0, 65535).default(3000),
    ALLOWED_ORIGINS: z.string().default(''),
    RATE_LIMIT_PER_MINUTE: int(1, 100_000).default(30),
    TRUST_PROXY: trustProxyValue,
    BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]{20,}$/u, 'a token from @BotFather, like 123456:ABC-def…')),
    BOT_RATE_LIMIT: int(1, 10_000).default(DEFAULT_BOT_RATE_LIMIT),
    TELEGRAM_API_ROOT: optional(z.url()),
    WEBHOOK_URL: optional(z.url().startsWith('https://', 'an https:// URL (Telegram only calls HTTPS webhooks)')),
    WEBHOOK_SECRET: optional(z.string().regex(/^[\w-]{16,256}$/u, '16 to 256 characters of A-Z a-z 0-9 _ -')),
    HASH_SALT: optional(z.string().min(8, 'at least 8 characters')),
    ADMIN_IDS: z.string().default('').refine((s) => list(s).every((x) => /^\d+$/u.test(x)), 'comma-separated numeric Telegram user ids'),
    ADMIN_TOKEN: adminTokenValue,
    DATA_DIR: z.string().min(1).default('data'),
    RETENTION_DAYS: int(1, 36_500).default(90),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/u, 'a postgres://user:password@host:5432/database URL').refine(URL.canParse, 'not a valid URL')),
    REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/u, 'a redis://host:6379 URL').refine(URL.canParse, 'not a valid URL')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  });

/** Rules between variables, checked on the raw values so they are reported together with the rest. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const set = (k: string) => (env[k] ?? '').trim() !== '';
  const issues: string[] = [];
  if (set('WEBHOOK_URL') && !set('WEBHOOK_SECRET')) issues.push('  WEBHOOK_SECRET: required when WEBHOOK_URL is set (16+ characters)');
  if (set('WEBHOOK_URL') && !set('BOT_TOKEN')) issues.push('  BOT_TOKEN: required when WEBHOOK_URL is set');
  return issues;
}

export type Env = z.infer<typeof envSchema>;

interface BotSettings {
  token: string;
  rateLimitPerMinute: number;
  /** Another Bot API server (TELEGRAM_API_ROOT). */
  apiRoot?: string;
}

/** The Telegram bot: off without BOT_TOKEN; webhook mode when WEBHOOK_URL is set (with its secret), else long polling. */
export type BotConfig =
  | { kind: 'off' }
  | (BotSettings & { kind: 'polling' })
  | (BotSettings & { kind: 'webhook'; url: string; secret: string });

export interface Config {
  knowledgeDir: string;
  host: string;
  port: number;
  allowedOrigins: string[];
  rateLimitPerMinute: number;
  /** Off, a hop count, or the proxies' addresses/CIDRs (fastify's trustProxy forms; never `true`). */
  trustProxy: false | number | string[];
  bot: BotConfig;
  hashSalt?: string;
  adminIds: number[];
  adminToken?: string;
  dataDir: string;
  retentionDays: number;
  /** Records in PostgreSQL (shared by replicas) instead of SQLite in dataDir. */
  databaseUrl?: string;
  /** Rate limits, conversations, answer buttons, webhook de-duplication and reloads shared through Redis. */
  redisUrl?: string;
  logLevel: Env['LOG_LEVEL'];
}

/** Parses the environment once (in main); throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const lines = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `  ${String(i.path[0] ?? '?')}: ${i.message}`)),
    ...crossChecks(env),
  ];
  if (!parsed.success || lines.length) throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  const e = parsed.data;
  let bot: BotConfig = { kind: 'off' };
  if (e.BOT_TOKEN) {
    const settings: BotSettings = { token: e.BOT_TOKEN, rateLimitPerMinute: e.BOT_RATE_LIMIT, ...(e.TELEGRAM_API_ROOT ? { apiRoot: e.TELEGRAM_API_ROOT } : {}) };
    // crossChecks above guarantee the secret whenever the URL is set.
    bot = e.WEBHOOK_URL && e.WEBHOOK_SECRET ? { ...settings, kind: 'webhook', url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET } : { ...settings, kind: 'polling' };
  }
  return {
    knowledgeDir: e.KNOWLEDGE_DIR,
    host: e.HOST,
    port: e.PORT,
    allowedOrigins: list(e.ALLOWED_ORIGINS),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    bot,
    ...(e.HASH_SALT ? { hashSalt: e.HASH_SALT } : {}),
    adminIds: list(e.ADMIN_IDS).map(Number),
    ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}),
    dataDir: e.DATA_DIR,
    retentionDays: e.RETENTION_DAYS,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    logLevel: e.LOG_LEVEL,
  };
}
