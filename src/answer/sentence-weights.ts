// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before"],
  weights: [1.092279,0.783866,0.397027,0.455142,1.042529,0.485978,0.248635,1.139992,0.200506,0.843828,1.2347,-0.141776,0.152757,0.326783,3.26466,1.280407,1.097461,1.437159],
  neighbourMass: 0.975,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.721531,1.906694,0.084179,0.219205,0.702148,0.066468,0.68333,1.467169,-0.770132,1.427413,1.109487,0.255245,-1.185007,0.499173,3.500512,1.245998,0.82697,0.284893]},
};
