// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed"],
  weights: [0.861158,0.519611,0.110561,0.533928,1.184482,0.476726,0.272046,0.87481,0.203077,0.832984,1.456802,0.043326,0.164044,0.536355,3.230516,1.195293],
  neighbourMass: 0.95,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.604411,1.824964,-0.55345,0.390501,0.357493,-0.07405,0.817151,0.953196,-0.799585,1.449533,1.394032,0.602659,-0.973698,0.30601,3.782413,1.704087]},
};
