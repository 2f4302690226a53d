import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Engine } from '../../engine/types.js';
import { apiErrors, healthResponse } from '../schemas.js';

export type StoresHealth = NonNullable<z.infer<typeof healthResponse>['stores']>;

export interface HealthRouteOptions {
  engine: Engine;
  /** The records store's and Redis's state, reported as they are (a store down is not a 503). */
  stores?: () => StoresHealth;
}

/** `GET /api/health`: 503 until the index is ready, for load balancers and container health checks. */
export const healthRoute: FastifyPluginAsyncZod<HealthRouteOptions> = async (app, { engine, stores }) => {
  app.get('/api/health', { schema: { response: { 200: healthResponse, ...apiErrors } } }, async (_request, reply) => {
    const { articles, passages, indexBuiltAt } = engine.stats();
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' as const, articles, passages, indexBuiltAt, ...(stores ? { stores: stores() } : {}) };
  });
};
