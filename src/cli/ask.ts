/**
 * Ask questions from a terminal.
 *   npm run ask -- "东江湖的蓄水量有多大?"        readable excerpts with citations
 *   npm run ask -- --json "问题"                 the answer object as one JSON line
 *   printf '问题一\n问题二\n' | npm run ask        one JSON line per question, in order
 * --knowledge DIR (or KNOWLEDGE_DIR) points at another knowledge folder; --limit N (1-10) results per question.
 *   npm run ask -- --files                       what was done with every file of the folder
 * Skipped and failed files are always listed on stderr.
 * The index is loaded from the index cache under DATA_DIR (default data/) when the
 * folder is unchanged, and built and cached otherwise, as the server does.
 */
import { createInterface } from 'node:readline';
import type { Answer, AskOptions } from '../answer/types.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { describeFile } from '../knowledge/accounting.js';
import { indexCacheDir } from '../search/index-cache.js';
import { QuestionError } from '../shared/errors.js';
import { parseAskArgs, UsageError } from './ask-args.js';
import { formatAnswerForTerminal } from './format.js';

function ask(engine: Engine, question: string, options: AskOptions): Answer | { question: string; error: string } {
  try {
    return engine.answer(question, options);
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
  const options: AskOptions = args.limit === undefined ? {} : { limit: args.limit };
  const dir = indexCacheDir(process.env.DATA_DIR || 'data', args.knowledgeDir, process.env.KNOWLEDGE_DIR || 'knowledge');
  const engine = await createEngine({ knowledgeDir: args.knowledgeDir, indexCache: { dir } });
  for (const f of engine.knowledgeFiles()) {
    if (args.files) console.log(describeFile(f));
    else if (f.status !== 'loaded') console.error(describeFile(f));
  }
  // A FAQ file reports its first bad entry above; the others too.
  for (const e of engine.knowledgeErrors().filter((e, i, all) => all.findIndex((x) => x.file === e.file) !== i)) console.error(`failed ${e.message}`);
  if (args.files) return;
  if (args.question) {
    const result = ask(engine, args.question, options);
    if (args.json) console.log(JSON.stringify(result));
    else if ('error' in result) {
      console.error(result.error);
      process.exitCode = 2;
    } else console.log(formatAnswerForTerminal(result, process.stdout.isTTY ?? false));
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) console.log(JSON.stringify(ask(engine, line, options)));
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
