// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed"],
  weights: [0.872173,0.506855,0.120082,0.52988,1.188409,0.486795,0.269344,0.907235,0.191021,0.82932,1.449946,0.040495,0.148085,0.537731,3.264113,1.041267],
  neighbourMass: 0.97,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.624542,1.849685,-0.555721,0.38798,0.372911,-0.072283,0.83289,1.038665,-0.933272,1.491719,1.39948,0.586681,-0.975221,0.269608,3.797663,1.598985]},
};
