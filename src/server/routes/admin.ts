import { createHash, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Engine } from '../../engine/types.js';
import type { ReloadResult } from '../../engine/types.js';
import { parseSince, PeriodError } from '../../report/since.js';
import type { ReportSource } from '../../report/types.js';
import { ApiError } from '../errors.js';

export interface AdminRouteOptions {
  /** The bearer token (ADMIN_TOKEN); the routes exist only when it is set. */
  token: string;
  reports: ReportSource;
  engine: Engine;
}

const LIMIT_MESSAGE = 'limit 必须是 1 到 200 之间的整数';
const reportQuery = z.object({
  since: z.string({ error: 'since 必须是文字' }).max(40, { error: 'since 太长（例如 7d、24h、2026-11-01）' }).optional(),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(200, { error: LIMIT_MESSAGE })
    .optional(),
});

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/iu.exec(header ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/** The reload result for a manager: each error with its file and line, and every file loaded, skipped or failed. */
export function reloadBody(result: ReloadResult) {
  return {
    ok: result.ok,
    applied: result.applied,
    errors: result.errors.map((e) => ({ file: e.file, line: e.line ?? null, message: e.reason })),
    files: result.files,
    stats: result.stats,
  };
}

/**
 * `GET /api/admin/report?since=7d` and `POST /api/admin/reload`, for scripts and dashboards
 * (server to server). Registered inside /api, so the rate limit applies, failed tokens included.
 */
export const adminRoutes: FastifyPluginAsyncZod<AdminRouteOptions> = async (app, { token, reports, engine }) => {
  // preParsing: before the body is read (a wrong token gets 401, never a body error, and an
  // unauthenticated body is never parsed), yet after the rate limiter, a route-level onRequest
  // hook, so failed tokens are counted.
  app.addHook('preParsing', async (request, reply) => {
    if (tokenMatches(request.headers.authorization, token)) return;
    reply.header('WWW-Authenticate', 'Bearer realm="chuchu-admin"');
    throw new ApiError(401, 'unauthorized', '需要有效的管理员令牌（Authorization: Bearer …）');
  });
  app.addHook('onSend', async (_request, reply) => {
    // Never readable by a web page, even one the widget's CORS policy allows: these are not widget routes.
    for (const name of Object.keys(reply.getHeaders())) if (name.startsWith('access-control-')) reply.removeHeader(name);
    reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/admin/report', { schema: { querystring: reportQuery } }, async (request) => {
    let since: Date;
    try {
      since = parseSince(request.query.since ?? '7d');
    } catch (err) {
      if (err instanceof PeriodError) throw new ApiError(400, 'invalid_since', err.message, 'since');
      throw err;
    }
    return reports.report({ since, ...(request.query.limit ? { limit: request.query.limit } : {}) });
  });

  app.post('/api/admin/reload', async (request, reply) => {
    // A rebuild of a large folder outlasts the idle-socket timeout (connection-limits.ts: 30 s; cmrc ×10
    // rebuilds in ~35 s), which would close this authenticated connection unanswered: off until it answers.
    // (`inject`, in tests, has no socket to time out.)
    const socket = request.raw.socket as Partial<Socket> | undefined;
    if (typeof socket?.setTimeout === 'function') {
      socket.setTimeout(0);
      reply.raw.once('finish', () => socket.setTimeout!(app.server.timeout));
    }
    const result = await engine.reload();
    request.log.info({ ok: result.ok, errors: result.errors.length, ...result.stats }, 'admin: knowledge reload');
    // 422 when files failed (good changes applied, failed files keep their last good version), so `curl -f` notices.
    return reply.code(result.ok ? 200 : 422).send(reloadBody(result));
  });
};
