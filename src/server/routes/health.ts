import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Engine } from '../../engine/types.js';
import { apiErrors, examplesResponse, healthResponse } from '../schemas.js';

export interface HealthRouteOptions {
  engine: Engine;
}

/** `GET /api/health` (503 until the index is ready) and `GET /api/examples` (the widget's greeting). */
export const healthRoute: FastifyPluginAsyncZod<HealthRouteOptions> = async (app, { engine }) => {
  app.get('/api/health', { schema: { response: { 200: healthResponse, ...apiErrors } } }, async (_request, reply) => {
    const { articles, passages, indexBuiltAt } = engine.stats();
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' as const, articles, passages, indexBuiltAt };
  });

  app.get('/api/examples', { schema: { response: { 200: examplesResponse, ...apiErrors } } }, async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=60');
    return {
      examples: engine.exampleQuestions(3),
      articles: engine.articles().map((a) => ({ title: a.title, url: a.url })),
    };
  });
};
