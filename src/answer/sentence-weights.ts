// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before"],
  weights: [1.075961,0.780986,0.407749,0.442309,1.052768,0.469926,0.239033,1.14108,0.209948,0.842231,1.235245,-0.137442,0.172372,0.328237,3.264763,1.316745,1.101425,1.438052],
  neighbourMass: 0.98,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.763954,1.814139,0.233522,0.022672,0.833419,0.132038,0.674786,1.439019,-0.809756,1.476123,1.152751,0.244412,-1.210222,0.465692,3.574328,1.315834,0.821306,0.285046],"trees":"189f36465293d7c6"},
};
