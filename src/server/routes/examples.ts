import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Engine } from '../../engine/types.js';
import { apiErrors, examplesResponse } from '../schemas.js';

export interface ExamplesRouteOptions {
  engine: Engine;
}

/** `GET /api/examples`: the widget's greeting (example questions and the articles); 503 until ready. */
export const examplesRoute: FastifyPluginAsyncZod<ExamplesRouteOptions> = async (app, { engine }) => {
  app.get('/api/examples', { schema: { response: { 200: examplesResponse, ...apiErrors } } }, async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=60');
    return {
      examples: engine.exampleQuestions(3),
      articles: engine.articles().map((a) => ({ title: a.title, url: a.url })),
    };
  });
};
