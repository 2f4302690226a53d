import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ConversationStore } from '../conversation/store.js';
import type { Engine } from '../engine/types.js';
import type { Recorder } from '../records/recorder.js';
import type { ReportSource } from '../report/types.js';
import { registerApiRoutes } from './api-routes.js';
import { DEFAULT_CONNECTION_LIMITS, serverTimeouts, type ConnectionLimits } from './connection-limits.js';
import { registerDemoPage } from './demo-page.js';
import { handleError, handleNotFound } from './errors.js';
import { registerOriginPolicy } from './origin-policy.js';
import type { StoresHealth } from './routes/health.js';
import { buildWidget, registerWidgetRoute } from './widget-bundle.js';

export interface AppDeps {
  /** The answer engine; while it throws EngineNotReadyError (index still loading), health and ask answer 503. */
  engine: Engine;
  recorder: Recorder;
  logger: Logger;
  /** Origins whose pages may call /api/*; empty = same-origin and localhost only; "*" = any. */
  allowedOrigins: string[];
  /** Per client IP, over all of /api/*; counted in Redis (shared by replicas, failing open) when given. */
  rateLimit: { max: number; timeWindowMs: number; redis?: Redis };
  /** The stores' state for /api/health. */
  stores?: () => StoresHealth;
  /** Extra routes registered by main at the root, e.g. the Telegram webhook. */
  plugins?: FastifyPluginAsync[];
  /**
   * Behind reverse proxies: how many hops (or which proxy addresses/CIDRs) to trust when taking
   * the client IP and host from X-Forwarded-*. Never `true`: that trusts what the client wrote.
   */
  trustProxy?: false | number | string[];
  /** Salt for hashing client IPs into records (HASH_SALT); without it, a random salt for this run. */
  hashSalt?: string;
  /** Where web conversations are kept (conversationId); an in-memory store when absent. */
  conversations?: ConversationStore;
  /** ADMIN_TOKEN and the reports: without it the /api/admin/* routes do not exist (404). */
  admin?: { token: string; reports: ReportSource };
  /** Socket timeouts and the connection cap; DEFAULT_CONNECTION_LIMITS unless a test shortens them. */
  connections?: Partial<ConnectionLimits>;
}

/**
 * fastify's trustProxy for our forms. A hop count becomes "the first n hops are proxies":
 * fastify itself now ignores a bare number (it cannot check the peer), but behind a load
 * balancer whose address changes, a count is what the operator can state.
 */
function trustFunction(trust: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false || (Array.isArray(trust) && trust.length === 0)) return false;
  if (Array.isArray(trust)) return trust;
  return trust > 0 ? (_address, hop) => hop < trust : false;
}

/**
 * Builds the web app (JSON API, widget bundle, demo page) without listening, so tests can
 * `inject` and main decides where to listen.
 *
 * @example
 * const app = await buildApp({ engine, recorder, logger, allowedOrigins: [],
 *   rateLimit: { max: 30, timeWindowMs: 60_000 } });
 * await app.listen({ host: '127.0.0.1', port: 3000 });
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const widget = await buildWidget();
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...deps.connections };
  const app = Fastify({
    ...serverTimeouts(limits),
    // pino's Logger is a FastifyBaseLogger at runtime; the cast only widens the generic.
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: trustFunction(deps.trustProxy ?? false),
    // Our own ids: a client-sent X-Request-Id must not be able to forge log correlation.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    // A URL fastify cannot decode (`GET /%`) gets our JSON error, not its English one.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
    // Request log lines without the client IP: records keep only a salted hash of it, logs likewise nothing.
    childLoggerFactory: (logger, bindings, options) =>
      logger.child(bindings, { ...options, serializers: { ...options.serializers, req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }) } }),
  });

  app.server.maxConnections = limits.maxConnections;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });

  await registerOriginPolicy(app, deps.allowedOrigins);
  registerWidgetRoute(app, widget);
  registerDemoPage(app);

  await registerApiRoutes(app, deps);

  for (const plugin of deps.plugins ?? []) await app.register(plugin);
  app.log.debug({ bytes: widget.bytes, gzipBytes: widget.gzipBytes }, 'widget bundle built');
  return app;
}
