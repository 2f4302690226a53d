/**
 * Ask questions from a terminal.
 *   npm run ask -- "东江湖的蓄水量有多大?"        readable excerpts with citations
 *   npm run ask -- --json "问题"                 the answer object as one JSON line
 *   printf '问题一\n问题二\n' | npm run ask        one JSON line per question, in order
 * --knowledge DIR (or KNOWLEDGE_DIR) points at another knowledge folder.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { QuestionError } from '../shared/errors.js';
import type { Answer } from '../answer/types.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { formatAnswerForTerminal } from './format.js';

const { values, positionals } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    knowledge: { type: 'string' },
    limit: { type: 'string' },
  },
  allowPositionals: true,
});

function ask(engine: Engine, question: string): Answer | { question: string; error: string } {
  try {
    return engine.answer(question, { limit: values.limit ? Number(values.limit) : undefined });
  } catch (err) {
    if (err instanceof QuestionError) return { question, error: err.message };
    throw err;
  }
}

async function main(): Promise<void> {
  const engine = await createEngine({ knowledgeDir: values.knowledge ?? process.env.KNOWLEDGE_DIR ?? 'knowledge' });
  for (const e of engine.knowledgeErrors()) console.error(`warning: ${e.message}`);
  const question = positionals.join(' ');
  if (question) {
    const result = ask(engine, question);
    if (values.json) console.log(JSON.stringify(result));
    else if ('error' in result) {
      console.error(result.error);
      process.exitCode = 2;
    } else console.log(formatAnswerForTerminal(result, process.stdout.isTTY ?? false));
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) console.log(JSON.stringify(ask(engine, line)));
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
