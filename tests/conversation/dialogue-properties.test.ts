import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDialogue, type Dialogue } from '../../src/conversation/dialogue.js';
import { createMemoryConversationStore } from '../../src/conversation/memory-store.js';
import { createEngine } from '../../src/engine/engine.js';
import { QuestionError } from '../../src/shared/errors.js';
import { SHIPPED_KNOWLEDGE } from '../server/helpers.js';

let dialogue: Dialogue;
beforeAll(async () => {
  dialogue = createDialogue({ engine: await createEngine({ knowledgeDir: SHIPPED_KNOWLEDGE }), store: createMemoryConversationStore() });
});

// Pieces people type in follow-ups, so random questions hit the follow-up and article paths often.
const piece = fc.constantFrom('那', '那里', '那个', '呢', '它', '佢', '這家公司', '还有', '仲有', '一共', '的', '作者', '哪份报纸', '原文', '标题', '省级', '综保区', '東江湖', '?', '？', ' ', '咁', '嗰度', '《', '》');
const question = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

describe('dialogue: whatever is asked, in whatever order', () => {
  it('answers or declines, and throws nothing but QuestionError', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(question, { minLength: 1, maxLength: 4 }), async (questions) => {
        const conversationId = `prop-${n++}`;
        await dialogue.ask('郴州有几个国家级高新区?', { conversationId });
        for (const q of questions) {
          try {
            const answer = await dialogue.ask(q, { conversationId });
            expect(typeof answer.answered).toBe('boolean');
            for (const r of answer.results) for (const [a, b] of r.highlights) expect(0 <= a && a < b && b <= r.excerpt.length).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(QuestionError);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('dialogue: a follow-up that names a new topic in several words', () => {
  it('quotes the answer that shows them together (自贸区片区), not apart (自贸区郴州片区)', async () => {
    const conversationId = 'several-words';
    await dialogue.ask('郴州拥有几个国家级高新区?', { conversationId });
    const answer = await dialogue.ask('那自贸区片区呢?', { conversationId });
    expect(answer.results[0]!.excerpt).toContain('一个自贸区片区');
  });
});
