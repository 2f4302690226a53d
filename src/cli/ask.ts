/**
 * Ask questions from a terminal.
 *   npm run ask -- "东江湖的蓄水量有多大?"        readable excerpts with citations
 *   npm run ask -- --json "问题"                 the answer object as one JSON line
 *   printf '问题一\n问题二\n' | npm run ask        one JSON line per question, each on its own
 *   printf '问题\n那X呢\n' | npm run ask -- --conversation   the lines as one conversation (follow-ups), readable
 * --knowledge DIR (or KNOWLEDGE_DIR) points at another knowledge folder; --limit N (1-10) results per question.
 *   npm run ask -- --files                       what was done with every file of the folder
 * Skipped and failed files are always listed on stderr.
 * The index is loaded from the index cache under DATA_DIR (default data/) when the
 * folder is unchanged, and built and cached otherwise, as the server does.
 */
import { createInterface } from 'node:readline';
import type { Answer, AskOptions } from '../answer/types.js';
import { createDialogue, type Dialogue, type DialogueOptions } from '../conversation/dialogue.js';
import { createMemoryConversationStore } from '../conversation/memory-store.js';
import { createEngine } from '../engine/engine.js';
import { describeFile } from '../knowledge/accounting.js';
import { indexCacheDir } from '../search/index-cache.js';
import { QuestionError } from '../shared/errors.js';
import { parseAskArgs, UsageError } from './ask-args.js';
import { formatAnswerForTerminal } from './format.js';

/** One conversation for the whole of stdin with --conversation; otherwise every question stands alone. */
const CONVERSATION_ID = 'cli';

async function ask(dialogue: Dialogue, question: string, options: DialogueOptions): Promise<Answer | { question: string; error: string }> {
  try {
    return await dialogue.ask(question, options);
  } catch (err) {
    if (err instanceof QuestionError) return { question, error: err.message };
    throw err;
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseAskArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(err.message);
    process.exitCode = 2;
    return;
  }
  const limit: AskOptions = args.limit === undefined ? {} : { limit: args.limit };
  const options: DialogueOptions = args.conversation ? { ...limit, conversationId: CONVERSATION_ID } : limit;
  const dir = indexCacheDir(process.env.DATA_DIR || 'data', args.knowledgeDir, process.env.KNOWLEDGE_DIR || 'knowledge');
  const engine = await createEngine({ knowledgeDir: args.knowledgeDir, indexCache: { dir } });
  for (const f of engine.knowledgeFiles()) {
    if (args.files) console.log(describeFile(f));
    else if (f.status !== 'loaded') console.error(describeFile(f));
  }
  // A FAQ file reports its first bad entry above; the others too.
  for (const e of engine.knowledgeErrors().filter((e, i, all) => all.findIndex((x) => x.file === e.file) !== i)) console.error(`failed ${e.message}`);
  if (args.files) return;
  // A dialogue read from stdin may pause between lines for longer than a chat would: no expiry.
  const dialogue = createDialogue({ engine, store: createMemoryConversationStore({ ttlMs: Number.MAX_SAFE_INTEGER / 2 }) });
  const color = process.stdout.isTTY ?? false;
  if (args.question) {
    const result = await ask(dialogue, args.question, options);
    if (args.json) console.log(JSON.stringify(result));
    else if ('error' in result) {
      console.error(result.error);
      process.exitCode = 2;
    } else console.log(formatAnswerForTerminal(result, color));
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = await ask(dialogue, line, options);
    if (args.json || !args.conversation || 'error' in result) console.log(JSON.stringify(result));
    else console.log(`${formatAnswerForTerminal(result, color)}\n`);
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
