import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { questionRecord, type Recorder } from '../../records/recorder.js';
import { createDialogue } from '../../conversation/dialogue.js';
import type { ConversationStore } from '../../conversation/store.js';
import type { Engine } from '../../engine/types.js';
import { hashClientId } from '../client-id.js';
import { answerResponse, apiErrors, askBody } from '../schemas.js';

export interface AskRouteOptions {
  engine: Engine;
  recorder: Recorder;
  conversations: ConversationStore;
  hashSalt: string;
}

/** `POST /api/ask`: validates, calls the one answer path (with the conversation, if any), records the question. No re-ranking here. */
export const askRoute: FastifyPluginAsyncZod<AskRouteOptions> = async (app, { engine, recorder, conversations, hashSalt }) => {
  app.post(
    '/api/ask',
    { schema: { body: askBody, response: { 200: answerResponse, ...apiErrors } } },
    async (request) => {
      const started = performance.now();
      const { question, limit, conversationId } = request.body;
      const dialogue = createDialogue({
        engine,
        store: conversations,
        onStoreError: (error) => request.log.error({ error: String(error) }, 'conversation store failed; answered without context'),
      });
      const answer = await dialogue.ask(question, {
        ...(limit === undefined ? {} : { limit }),
        // Per channel, so a web id can never continue a Telegram conversation.
        ...(conversationId === undefined ? {} : { conversationId: `web:${conversationId}` }),
      });
      // The widget marks itself; anything else is a direct API caller.
      const chatType = request.headers['x-chuchu-client'] === 'widget' ? 'widget' : 'api';
      await recorder.recordQuestion(questionRecord(answer, { channel: 'web', chatType, userHash: hashClientId(request.ip, hashSalt), chatHash: null }, started));
      return answer;
    },
  );
};
