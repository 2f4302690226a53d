import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Engine } from '../../engine/types.js';
import { apiErrors, healthResponse } from '../schemas.js';

export interface HealthRouteOptions {
  engine: Engine;
}

/** `GET /api/health`: 503 until the index is ready, for load balancers and container health checks. */
export const healthRoute: FastifyPluginAsyncZod<HealthRouteOptions> = async (app, { engine }) => {
  app.get('/api/health', { schema: { response: { 200: healthResponse, ...apiErrors } } }, async (_request, reply) => {
    const { articles, passages, indexBuiltAt } = engine.stats();
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' as const, articles, passages, indexBuiltAt };
  });
};
