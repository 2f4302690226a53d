import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Recorder } from '../../records/recorder.js';
import { hashClientId } from '../client-id.js';
import { apiErrors, feedbackBody } from '../schemas.js';

export interface FeedbackRouteOptions {
  recorder: Recorder;
  hashSalt?: string;
}

/** `POST /api/feedback`: a 👍/👎 on an answer, handed to the same recorder as the bot's feedback. */
export const feedbackRoute: FastifyPluginAsyncZod<FeedbackRouteOptions> = async (app, { recorder, hashSalt }) => {
  app.post(
    '/api/feedback',
    { schema: { body: feedbackBody, response: { 204: z.undefined(), ...apiErrors } } },
    async (request, reply) => {
      const { question, passageId, vote } = request.body;
      recorder.recordFeedback({
        channel: 'web',
        question,
        passageId,
        vote,
        userHash: hashClientId(request.ip, hashSalt),
        at: new Date(),
      });
      return reply.code(204).send();
    },
  );
};
