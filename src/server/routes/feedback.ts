import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Answer } from '../../answer/types.js';
import { createDialogue } from '../../conversation/dialogue.js';
import type { ConversationStore } from '../../conversation/store.js';
import type { Engine } from '../../engine/types.js';
import type { Recorder } from '../../records/recorder.js';
import { hashClientId } from '../client-id.js';
import { ApiError } from '../errors.js';
import { apiErrors, feedbackBody, MAX_WEB_LIMIT } from '../schemas.js';

export interface FeedbackRouteOptions {
  engine: Engine;
  recorder: Recorder;
  /** The ask route's store; never read or written here (a vote names no conversation). */
  conversations: ConversationStore;
  hashSalt: string;
}

/** What a vote may be about: a passage this question is answered with, or its curated answer (`faq:<question>`). */
function votable(answer: Answer): Set<string> {
  const ids = new Set(answer.results.map((r) => r.passageId));
  if (answer.faq) ids.add(`faq:${answer.faq.question}`);
  return ids;
}

/**
 * `POST /api/feedback`: a 👍/👎 on an answer, handed to the same recorder as the bot's feedback.
 * Only on a passage the question is really answered with: asked again down the ask route's
 * path (the dialogue, so an answer about the article itself cites its `<article id>:<fact>`;
 * the engine's part from the answer cache), so nobody can vote up or down what was never
 * shown; the recorder keeps one vote per client, question and passage, the latest.
 */
export const feedbackRoute: FastifyPluginAsyncZod<FeedbackRouteOptions> = async (app, { engine, recorder, conversations, hashSalt }) => {
  // No conversationId: the widget votes with the question as understood (a follow-up's
  // `understoodAs`), so the check reads no turn and records none.
  const dialogue = createDialogue({ engine, store: conversations });
  app.post(
    '/api/feedback',
    { schema: { body: feedbackBody, response: { 204: z.undefined(), ...apiErrors } } },
    async (request, reply) => {
      const { question, passageId, vote } = request.body;
      const answer = await dialogue.ask(question, { limit: MAX_WEB_LIMIT });
      if (!votable(answer).has(passageId)) {
        throw new ApiError(400, 'unknown_passage', '这个出处不在这个问题的答案里，无法评价', 'passageId');
      }
      await recorder.recordFeedback({
        channel: 'web',
        question: answer.question,
        passageId,
        vote,
        userHash: hashClientId(request.ip, hashSalt),
        at: new Date(),
      });
      return reply.code(204).send();
    },
  );
};
