import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../shared/limits.js';

/**
 * Request and response schemas for /api/*. They live apart from the handlers so one
 * zod schema both validates (via fastify-type-provider-zod) and types each route.
 * Messages are Chinese because the widget may show them to a visitor as they are.
 */

/** Largest accepted request body on /api/*: a 500-character question fits many times over. */
export const API_BODY_LIMIT = 4 * 1024;

/** Most results one web request may ask for; the engine allows more, the web does not need them. */
export const MAX_WEB_LIMIT = 5;

const question = z
  .string({ error: '问题必须是文字' })
  .trim()
  .min(1, { error: '问题不能为空' })
  .max(MAX_QUESTION_LENGTH, { error: `问题不能超过 ${MAX_QUESTION_LENGTH} 个字` });

export const askBody = z.object({
  question,
  limit: z
    .number({ error: `limit 必须是 1 到 ${MAX_WEB_LIMIT} 之间的整数` })
    .int({ error: `limit 必须是 1 到 ${MAX_WEB_LIMIT} 之间的整数` })
    .min(1, { error: `limit 必须是 1 到 ${MAX_WEB_LIMIT} 之间的整数` })
    .max(MAX_WEB_LIMIT, { error: `limit 必须是 1 到 ${MAX_WEB_LIMIT} 之间的整数` })
    .optional(),
  /** Groups questions into one conversation, so a follow-up (那综保区呢?) is read with the question before it. */
  conversationId: z
    .string({ error: 'conversationId 必须是文字' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/u, { error: 'conversationId 必须是 8 到 64 个字母、数字、“-”或“_”' })
    .optional(),
});
export type AskBody = z.infer<typeof askBody>;

export const feedbackBody = z.object({
  question,
  passageId: z
    .string({ error: 'passageId 必须是文字' })
    .trim()
    .min(1, { error: 'passageId 不能为空' })
    .max(600, { error: 'passageId 太长' })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/u.test(s), { error: 'passageId 不能含有控制字符' }),
  vote: z.enum(['up', 'down'], { error: 'vote 只能是 "up" 或 "down"' }),
});
export type FeedbackBody = z.infer<typeof feedbackBody>;

const answerResult = z.object({
  excerpt: z.string(),
  original: z.string().optional(),
  highlights: z.array(z.tuple([z.number(), z.number()])),
  answer: z.tuple([z.number(), z.number()]).nullable().optional(),
  passageId: z.string(),
  article: z.string(),
  section: z.string().nullable(),
  paragraph: z.number(),
  page: z.number().optional(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  score: z.number(),
});

/** Same shape as `Answer` (src/answer/types.ts) and the CLI's `--json`. */
export const answerResponse = z.object({
  question: z.string(),
  answered: z.boolean(),
  results: z.array(answerResult),
  suggestions: z.array(z.string()),
  faq: z
    .object({ question: z.string(), answer: z.string(), source: z.string().nullable(), url: z.string().nullable(), score: z.number() })
    .optional(),
  didYouMean: z.array(z.string()).optional(),
  nothingToShow: z.boolean(),
  script: z.enum(['zh-Hans', 'zh-Hant-HK', 'zh-Hant-TW']).optional(),
  understoodAs: z.string().optional(),
  note: z.string().optional(),
});

export const healthResponse = z.object({
  status: z.literal('ok'),
  articles: z.number(),
  passages: z.number(),
  indexBuiltAt: z.string(),
  /** Where records and shared state live, and whether they answer (the answer path works either way). */
  stores: z
    .object({
      records: z.object({ kind: z.enum(['postgres', 'sqlite', 'memory']), state: z.enum(['ok', 'connecting', 'down']), buffered: z.number() }),
      redis: z.object({ state: z.enum(['off', 'ok', 'connecting', 'down']) }),
    })
    .optional(),
});

export const examplesResponse = z.object({
  examples: z.array(z.string()),
  articles: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
});

/** Every 4xx/5xx body from this server. `field` names the bad field on validation errors. */
export const errorResponse = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorResponse>;

/** Error responses every /api route may send, so the serializer accepts them. */
export const apiErrors = {
  400: errorResponse,
  403: errorResponse,
  413: errorResponse,
  415: errorResponse,
  429: errorResponse,
  500: errorResponse,
  503: errorResponse,
} as const;
