import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { guardedRecorder } from '../records/guarded.js';
import type { AppDeps } from './app.js';
import { ApiError } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { createMemoryConversationStore } from '../conversation/memory-store.js';
import { askRoute } from './routes/ask.js';
import { examplesRoute } from './routes/examples.js';
import { feedbackRoute } from './routes/feedback.js';
import { healthRoute } from './routes/health.js';
import { API_BODY_LIMIT } from './schemas.js';


/** Health checks from elsewhere (a load balancer's probes) get this many times the asking budget. */
const HEALTH_BUDGET_FACTOR = 10;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const limited = (context: { statusCode: number; ttl: number }) =>
  new ApiError(context.statusCode, 'rate_limited', `请求太频繁了，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`);

/**
 * The /api routes in three rate-limit buckets, each its own encapsulated context with its own
 * counter, so one cannot starve another: asking (ask, feedback, examples), admin, and health
 * (not limited at all from loopback, where the container's own health check runs).
 */
export async function registerApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { max, timeWindowMs } = deps.rateLimit;
  const { redis } = deps.rateLimit;
  const bucket = (name: string, extra: { max?: number; allowList?: (request: FastifyRequest) => boolean } = {}) => ({
    max,
    timeWindow: timeWindowMs,
    errorResponseBuilder: (_request: FastifyRequest, context: { statusCode: number; ttl: number }) => limited(context),
    // Counted in Redis across replicas, one key space per bucket; Redis down or slow lets the
    // request through (the connection logs the outage) rather than fail it.
    ...(redis ? { redis, nameSpace: `chuchu:web-limit:${name}:`, skipOnError: true } : {}),
    ...extra,
  });
  // Without a configured salt, a random one for this run: client hashes still tell clients apart
  // (one vote each) and cannot be reversed, but do not match across restarts.
  const hashSalt = deps.hashSalt ?? randomBytes(16).toString('hex');
  const conversations = deps.conversations ?? createMemoryConversationStore();
  // Awaited before each reply (durable before the reply), bounded, and never throwing.
  const recorder = guardedRecorder(deps.recorder, (problem) =>
    problem.kind === 'late'
      ? app.log.warn({ waitMs: problem.waitMs }, 'records: a record was not confirmed in time; the answer went out without waiting')
      : app.log.error({ err: problem.error }, 'records: recorder failed'),
  );

  await app.register(async (api) => {
    // JSON only: fastify would otherwise also accept text/plain, which must be a 415 here.
    api.removeContentTypeParser(['text/plain']);
    // Per route, not app-wide: main's plugins (a Telegram webhook) receive bigger bodies.
    api.addHook('onRoute', (route) => {
      route.bodyLimit ??= API_BODY_LIMIT;
    });

    await api.register(async (asking) => {
      await asking.register(rateLimit, bucket('ask'));
      await asking.register(askRoute, { engine: deps.engine, recorder, conversations, hashSalt });
      await asking.register(feedbackRoute, { engine: deps.engine, recorder, conversations, hashSalt });
      await asking.register(examplesRoute, { engine: deps.engine });
    });
    await api.register(async (health) => {
      await health.register(rateLimit, bucket('health', { max: max * HEALTH_BUDGET_FACTOR, allowList: (request) => LOOPBACK.has(request.ip) }));
      await health.register(healthRoute, { engine: deps.engine, ...(deps.stores ? { stores: deps.stores } : {}) });
    });
    if (deps.admin) {
      const admin = deps.admin;
      await api.register(async (adminContext) => {
        await adminContext.register(rateLimit, bucket('admin'));
        await adminContext.register(adminRoutes, { ...admin, engine: deps.engine });
      });
    }
  });
}
