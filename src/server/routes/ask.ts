import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Recorder } from '../../records/recorder.js';
import type { AnswerEngine } from '../../answer/types.js';
import { hashClientId } from '../client-id.js';
import { requireEngine } from '../engine-gate.js';
import { answerResponse, apiErrors, askBody } from '../schemas.js';

export interface AskRouteOptions {
  getEngine: () => AnswerEngine | null;
  recorder: Recorder;
  hashSalt?: string;
}

/** `POST /api/ask`: validates, calls the one answer path, records the question. No re-ranking here. */
export const askRoute: FastifyPluginAsyncZod<AskRouteOptions> = async (app, { getEngine, recorder, hashSalt }) => {
  app.post(
    '/api/ask',
    { schema: { body: askBody, response: { 200: answerResponse, ...apiErrors } } },
    async (request) => {
      const engine = requireEngine(getEngine);
      const started = performance.now();
      const { question, limit } = request.body;
      const answer = engine.answer(question, limit === undefined ? {} : { limit });
      recorder.recordQuestion({
        channel: 'web',
        // The widget marks itself; anything else is a direct API caller.
        chatType: request.headers['x-chuchu-client'] === 'widget' ? 'widget' : 'api',
        question: answer.question,
        answered: answer.answered,
        passageIds: answer.results.map((r) => r.passageId),
        scores: answer.results.map((r) => r.score),
        latencyMs: Math.round(performance.now() - started),
        userHash: hashClientId(request.ip, hashSalt),
        chatHash: null,
        at: new Date(),
      });
      return answer;
    },
  );
};
