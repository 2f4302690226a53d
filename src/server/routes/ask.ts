import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { questionRecord, type Recorder } from '../../records/recorder.js';
import type { Engine } from '../../engine/types.js';
import { hashClientId } from '../client-id.js';
import { answerResponse, apiErrors, askBody } from '../schemas.js';

export interface AskRouteOptions {
  engine: Engine;
  recorder: Recorder;
  hashSalt: string;
}

/** `POST /api/ask`: validates, calls the one answer path, records the question. No re-ranking here. */
export const askRoute: FastifyPluginAsyncZod<AskRouteOptions> = async (app, { engine, recorder, hashSalt }) => {
  app.post(
    '/api/ask',
    { schema: { body: askBody, response: { 200: answerResponse, ...apiErrors } } },
    async (request) => {
      const started = performance.now();
      const { question, limit } = request.body;
      const answer = engine.answer(question, limit === undefined ? {} : { limit });
      // The widget marks itself; anything else is a direct API caller.
      const chatType = request.headers['x-chuchu-client'] === 'widget' ? 'widget' : 'api';
      await recorder.recordQuestion(questionRecord(answer, { channel: 'web', chatType, userHash: hashClientId(request.ip, hashSalt), chatHash: null }, started));
      return answer;
    },
  );
};
