import { z } from 'zod';

/**
 * The parts of a Telegram update the bot reads, checked before grammY sees it. Telegram
 * never sends `text: 123`, but whoever holds the webhook secret could, and grammY's filters
 * only test that a field is present: a number would reach `.trim()` and fail there.
 * Unknown fields pass (Telegram adds them over time).
 */
const user = z.looseObject({ id: z.number().int() });
const chat = z.looseObject({ id: z.number().int(), type: z.string() });
const message = z.looseObject({
  message_id: z.number().int(),
  date: z.number(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() })).optional(),
});

const updateFields = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: z
    .looseObject({ id: z.string(), from: user, data: z.string().optional(), message: z.looseObject({ message_id: z.number().int(), chat }).optional() })
    .optional(),
  inline_query: z.looseObject({ id: z.string(), from: user, query: z.string(), offset: z.string() }).optional(),
});

export type UpdateCheck = { kind: 'ok' } | { kind: 'not-an-update' } | { kind: 'malformed'; updateId: number; problem: string };

/** Tells a usable update from a body that is no update at all (400) and an update with a malformed field (ignored). */
export function checkUpdate(body: unknown): UpdateCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { kind: 'not-an-update' };
  const updateId = (body as { update_id?: unknown }).update_id;
  if (typeof updateId !== 'number' || !Number.isInteger(updateId) || updateId < 0) return { kind: 'not-an-update' };
  const parsed = updateFields.safeParse(body);
  if (parsed.success) return { kind: 'ok' };
  const issue = parsed.error.issues[0]!;
  return { kind: 'malformed', updateId, problem: `${issue.path.join('.')}: ${issue.message}` };
}
