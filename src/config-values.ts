import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Environment values whose rules are about security, kept apart from the schema in
 * config.ts so each rule has one place and one reason.
 */

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
