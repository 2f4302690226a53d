/**
 * Fits the sentence model (which sentence of a passage answers) on cmrc2018-train: the
 * weights (fit-logit.ts), then the trees on top of them (fit-trees.ts), then the quotes'
 * neighbour mass and second-sentence mass; writes src/answer/sentence-weights.ts and
 * src/answer/sentence-trees.ts.
 *   npm run fit                      all 10,142 questions (about three minutes)
 *   npm run fit -- --max 2000        the first 2,000, while iterating
 *   npm run fit -- --dry-run         prints what it would write
 * Only the training questions are read (and the shared passage pool); the dev sets stay unseen.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FITTED_MODEL, modelScore, SENTENCE_FEATURES } from '../answer/sentence-model.js';
import { SENTENCE_WEIGHTS } from '../answer/sentence-weights.js';
import { readQuestions } from './eval-data.js';
import { accuracy } from './fit-logit.js';
import { CHECK, checkFit, excerptRun, featureDigest, fitGroups, fitModel, poolOf } from './fit-data.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: path.join(import.meta.dirname, '../../../shared/eval/cmrc2018-train') },
    max: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

/** Shares of the model's probability a quote is grown to hold, tried (1: neighbours fill the budget). */
const NEIGHBOUR_MASSES = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.96, 0.97, 0.975, 0.98, 0.99, 1];
/** Least probability of a sentence apart from the quote for it to be quoted too (excerpt.ts, `secondChoice`), tried; 1 never. */
const SECOND_MASSES = [1, 0.2, 0.1, 0.05];
/** A second sentence is only tried with quotes grown to at least this mass (fewer runs: the fit takes ~30 s more). */
const MIN_MASS_WITH_SECOND = 0.95;
/**
 * The longest median quote wanted on the training set: README, "Quality" promises at most 100
 * characters on every set, and Traditional articles (drcd-dev) quote a few characters longer
 * for the same mass, so train keeps a 5% margin. The mass is the one with the most hits within it.
 */
const MEDIAN_QUOTE = 95;
export const WEIGHTS_FILE = path.join(import.meta.dirname, '../answer/sentence-weights.ts');
export const TREES_FILE = path.join(import.meta.dirname, '../answer/sentence-trees.ts');


async function main(): Promise<void> {
  const file = path.join(values.set!, 'questions.jsonl');
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  let questions = readQuestions(file);
  if (values.max) questions = questions.slice(0, Number(values.max));
  const pool = poolOf(values.set!);
  const data = fitGroups(pool, questions);
  const model = fitModel(data.sentence);
  const same = SENTENCE_WEIGHTS.features.join() === SENTENCE_FEATURES.join();
  const was = same ? accuracy(data.sentence, (row) => modelScore(FITTED_MODEL, row)).toFixed(4) : 'other features';
  const top1 = `linear ${accuracy(data.sentence, model.weights).toFixed(4)}, with trees ${accuracy(data.sentence, (row) => modelScore(model, row)).toFixed(4)}`;
  console.error(`${data.sentence.length} passages with a choice; top-1 sentence: fitted ${top1}, as written ${was}`);
  if (same) {
    const before = excerptRun(data.cases, FITTED_MODEL, SENTENCE_WEIGHTS.neighbourMass);
    console.error(`  the model as written: excerpt hit ${before.hit.toFixed(4)}, median ${before.median} characters`);
  }
  const pairs = NEIGHBOUR_MASSES.flatMap((mass) => SECOND_MASSES.filter((second) => second === 1 || (mass >= MIN_MASS_WITH_SECOND && mass < 1)).map((second) => ({ mass, second })));
  const runs = pairs.map(({ mass, second }) => ({ mass, second, ...excerptRun(data.cases, model, mass, second) }));
  for (const r of runs) console.error(`  neighbour mass ${r.mass}, second ${r.second}: excerpt hit ${r.hit.toFixed(4)}, median ${r.median} characters`);
  const short = runs.filter((r) => r.median <= MEDIAN_QUOTE);
  const chosen = (short.length ? short : runs.slice(0, 1)).reduce((a, b) => (b.hit > a.hit ? b : a));
  const { mass: neighbourMass, second: secondMass } = chosen;
  console.error(`chosen: neighbour mass ${neighbourMass}, second ${secondMass} (excerpt hit ${chosen.hit.toFixed(4)}, median ${chosen.median})`);
  // The check the tests re-run: the same fit on a small fixed part of the pool and questions.
  const small = poolOf(values.set!, CHECK.passages);
  const smallQuestions = readQuestions(file).filter((q) => small.byId.has(q.passage_id!)).slice(0, CHECK.questions);
  const check = checkFit(fitGroups(small, smallQuestions).sentence);
  const out = [
    '// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.',
    `// Fitted on ${questions.length} questions (questions.jsonl sha256 ${sha256}…); DESIGN.md, "Choosing the sentence".`,
    'export const SENTENCE_WEIGHTS = {',
    `  features: ${JSON.stringify(SENTENCE_FEATURES)},`,
    `  weights: ${JSON.stringify(model.weights)},`,
    `  neighbourMass: ${neighbourMass},`,
    `  secondMass: ${secondMass},`,
    `  fittedOn: ${questions.length},`,
    `  fittedOnFeatures: ${JSON.stringify(featureDigest(data.sentence))},`,
    `  check: ${JSON.stringify({ ...CHECK, ...check })},`,
    '};',
    '',
  ].join('\n');
  const trees = [
    '// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.',
    "import type { Trees } from './boosted-trees.js';",
    '',
    `export const SENTENCE_TREES: Trees = ${JSON.stringify(model.trees)};`,
    '',
  ].join('\n');
  if (values['dry-run']) console.log(out);
  else {
    writeFileSync(WEIGHTS_FILE, out);
    writeFileSync(TREES_FILE, trees);
  }
  console.error(values['dry-run'] ? 'dry run: nothing written' : `wrote ${WEIGHTS_FILE}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
