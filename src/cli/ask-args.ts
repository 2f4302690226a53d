import { parseArgs } from 'node:util';
import { MAX_LIMIT } from '../answer/answer.js';

/** A command line `ask` cannot run with. The message says what to write instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface AskArgs {
  json: boolean;
  knowledgeDir: string;
  /** Results per question; the engine's default when absent. */
  limit?: number;
  /** The question on the command line; empty: read one question per line from stdin. */
  question: string;
  /** --files: list what was done with every file of the knowledge folder, and ask nothing. */
  files: boolean;
  /** Read the lines of stdin as one conversation (follow-ups completed from the lines before). */
  conversation: boolean;
}

export const ASK_USAGE =
  'usage: npm run ask -- [--json] [--knowledge DIR] [--limit 1-10] [--conversation] "问题"   (no question: one per line from stdin, one conversation with --conversation; --files: every knowledge file and what was done with it)';

/** Reads `ask`'s arguments; throws UsageError for an unknown option or a --limit that is not 1–10. */
export function parseAskArgs(args: string[], env: Record<string, string | undefined> = {}): AskArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        knowledge: { type: 'string' },
        limit: { type: 'string' },
        files: { type: 'boolean', default: false },
        conversation: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${ASK_USAGE}`);
  }
  const { values, positionals } = parsed;
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/u.test(values.limit.trim()) || limit < 1 || limit > MAX_LIMIT) {
      throw new UsageError(`--limit 需要 1 到 ${MAX_LIMIT} 之间的整数（收到 “${values.limit}”）\n${ASK_USAGE}`);
    }
  }
  return {
    json: values.json,
    knowledgeDir: values.knowledge ?? env.KNOWLEDGE_DIR ?? 'knowledge',
    ...(limit === undefined ? {} : { limit }),
    question: positionals.join(' '),
    files: values.files,
    conversation: values.conversation,
  };
}
