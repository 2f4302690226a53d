// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed"],
  weights: [0.867488,0.528224,0.118067,0.527403,1.178297,0.480314,0.269299,0.884099,0.198332,0.832705,1.451526,0.041099,0.162496,0.533894,3.259272,1.012937],
  neighbourMass: 0.95,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.609108,1.833095,-0.553822,0.378382,0.361177,-0.078344,0.809918,0.950571,-0.916677,1.450114,1.402539,0.606275,-0.962025,0.315619,3.798898,1.608983]},
};
