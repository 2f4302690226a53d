/**
 * Measures answer quality on an eval set (../shared/eval/README.md).
 *   npm run eval -- --set ../shared/eval/cmrc2018-dev                   index the set's passages, ask its questions
 *   npm run eval -- --knowledge knowledge --questions ../shared/eval/seed/questions.jsonl
 *   npm run eval -- --set ../shared/eval/cmrc2018-dev --knowledge knowledge
 *       the set's questions against an unrelated knowledge base: all should be declined
 * --json prints the metrics as JSON; --max N asks only the first N questions.
 *   npm run eval -- --knowledge knowledge --dialogues eval/chenzhou-dialogues.jsonl
 *       dialogues (follow-ups, questions about the article, scripts) scored turn by turn
 * --dialogue asks through the conversation path (questions about the article, script),
 * each question on its own: it must measure the same as without.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Answer } from '../answer/types.js';
import { createDialogue } from '../conversation/dialogue.js';
import { createMemoryConversationStore } from '../conversation/memory-store.js';
import { evalDialogues, readDialogues } from './eval-dialogues.js';
import { createEngine } from '../engine/engine.js';
import type { Article } from '../knowledge/types.js';
import { snapshotFromPassages } from '../engine/snapshot.js';
import { loadDictionary } from '../text/segment.js';
import { readQuestions, readSetPassages, type EvalQuestion } from './eval-data.js';
import { metrics, type Observation } from './eval-metrics.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    knowledge: { type: 'string' },
    questions: { type: 'string' },
    json: { type: 'boolean', default: false },
    max: { type: 'string' },
    misses: { type: 'string' },
    dialogue: { type: 'boolean', default: false },
    dialogues: { type: 'string' },
  },
});

interface Target {
  answer: (q: string) => Answer;
  articles: () => Article[];
  rank?: (q: string, k: number) => string[];
}

async function observe(target: Target, questions: EvalQuestion[]): Promise<Observation[]> {
  const dialogue = values.dialogue
    ? createDialogue({ engine: { answer: target.answer, articles: target.articles, passage: () => null }, store: createMemoryConversationStore() })
    : null;
  const out: Observation[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    const a = dialogue ? await dialogue.ask(q.question) : target.answer(q.question);
    const latencyMs = performance.now() - t0;
    const ranked = target.rank && q.passage_id ? target.rank(q.question, 10) : [];
    // The verbatim quote: answers are in the article's script, whatever the asker's.
    const firstExcerpt = a.results[0]?.original ?? a.results[0]?.excerpt ?? '';
    out.push({ q, ranked, answered: a.answered, firstExcerpt, excerptLength: [...firstExcerpt].length, latencyMs });
  }
  return out;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  loadDictionary();
  const dictMs = performance.now() - t0;
  let target: Target;
  let questions: EvalQuestion[];
  let mode: string;
  const t1 = performance.now();
  if (values.knowledge && values.dialogues) {
    const result = await evalDialogues(await createEngine({ knowledgeDir: values.knowledge }), readDialogues(values.dialogues));
    console.log(values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
    return;
  }
  if (values.set && values.knowledge) {
    mode = `questions of ${values.set} against ${values.knowledge} (all should be declined)`;
    target = await createEngine({ knowledgeDir: values.knowledge });
    questions = readQuestions(path.join(values.set, 'questions.jsonl')).map((q) => ({ ...q, answers: [], passage_id: undefined }));
  } else if (values.set) {
    mode = `set ${values.set}`;
    const { passages, articles } = readSetPassages(values.set);
    const snapshot = snapshotFromPassages(passages, articles);
    target = { answer: snapshot.answer, rank: snapshot.rank, articles: () => snapshot.articles };
    questions = readQuestions(path.join(values.set, 'questions.jsonl'));
  } else if (values.knowledge && values.questions) {
    mode = `${values.questions} against ${values.knowledge}`;
    target = await createEngine({ knowledgeDir: values.knowledge });
    questions = readQuestions(values.questions);
  } else {
    throw new Error('usage: eval --set DIR | --knowledge DIR --questions FILE | --set DIR --knowledge DIR  [--json] [--max N]');
  }
  const buildMs = performance.now() - t1;
  if (values.max) questions = questions.slice(0, Number(values.max));
  const obs = await observe(target, questions);
  const m = { mode, dictionaryLoadMs: Math.round(dictMs), indexBuildMs: Math.round(buildMs), ...metrics(obs) };
  if (values.misses) {
    const { writeFileSync } = await import('node:fs');
    const misses = obs
      .filter((o) => (o.q.answers.length ? !o.q.answers.some((a) => o.firstExcerpt.includes(a)) : o.answered))
      .map((o) => ({ id: o.q.id, question: o.q.question, answers: o.q.answers, gold: o.q.passage_id, top: o.ranked[0], answered: o.answered, excerpt: o.firstExcerpt }));
    writeFileSync(values.misses, misses.map((x) => JSON.stringify(x)).join('\n') + '\n');
  }
  if (values.json) console.log(JSON.stringify(m));
  else console.log(Object.entries(m).map(([k, v]) => `${k.padEnd(18)} ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n'));
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
