import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer } from '../answer/types.js';
import { createDialogue } from '../conversation/dialogue.js';
import { createMemoryConversationStore } from '../conversation/memory-store.js';
import type { Engine } from '../engine/types.js';

/**
 * Dialogues with expectations, one per line (eval/chenzhou-dialogues.jsonl):
 * `{"id", "kind", "turns": [{"q", "expect"?: {"answered"?, "contains"?, "script"?}}]}`.
 * A turn without `expect` only sets the scene; every other turn is scored.
 */
const turnSchema = z.object({
  q: z.string().min(1),
  expect: z
    .object({ answered: z.boolean().optional(), contains: z.array(z.string()).optional(), script: z.string().optional() })
    .optional(),
});
const dialogueSchema = z.object({ id: z.string(), kind: z.string(), turns: z.array(turnSchema).min(1) });
type Dialogue = z.infer<typeof dialogueSchema>;

export function readDialogues(file: string): Dialogue[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      const parsed = dialogueSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${n}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** What was wrong with one answer, or null when it is right. */
function check(answer: Answer, expect: NonNullable<Dialogue['turns'][number]['expect']>): string | null {
  if (expect.answered !== undefined && answer.answered !== expect.answered) return `answered ${answer.answered}`;
  const shown = answer.answered ? (answer.results[0]?.excerpt ?? answer.faq?.answer ?? '') : (answer.note ?? '');
  const missing = (expect.contains ?? []).filter((s) => !shown.includes(s));
  if (missing.length > 0) return `missing ${missing.join(', ')} in ${JSON.stringify(shown.slice(0, 80))}`;
  if (expect.script && answer.script !== expect.script) return `script ${answer.script}`;
  return null;
}

/** Asks every dialogue in its own conversation, as `POST /api/ask` with a conversationId does. */
export async function evalDialogues(engine: Engine, dialogues: Dialogue[]) {
  const dialogue = createDialogue({ engine, store: createMemoryConversationStore() });
  const byKind = new Map<string, { right: number; scored: number }>();
  const misses: Array<{ id: string; q: string; understoodAs?: string; why: string }> = [];
  for (const d of dialogues) {
    for (const turn of d.turns) {
      const answer = await dialogue.ask(turn.q, { conversationId: d.id });
      if (!turn.expect) continue;
      const why = check(answer, turn.expect);
      const tally = byKind.get(d.kind) ?? { right: 0, scored: 0 };
      tally.scored++;
      if (why) misses.push({ id: d.id, q: turn.q, ...(answer.understoodAs ? { understoodAs: answer.understoodAs } : {}), why });
      else tally.right++;
      byKind.set(d.kind, tally);
    }
  }
  const total = [...byKind.values()].reduce((a, t) => ({ right: a.right + t.right, scored: a.scored + t.scored }), { right: 0, scored: 0 });
  const pct = (t: { right: number; scored: number }) => Math.round((1000 * t.right) / t.scored) / 10;
  return { ...total, percent: pct(total), byKind: Object.fromEntries([...byKind].map(([k, t]) => [k, `${t.right}/${t.scored}`])), misses };
}
