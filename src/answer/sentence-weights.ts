// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before","wordsBehind","charsBehind","beforeBehind","predicateBehind","position","fromBest","sentences"],
  weights: [0.578179,0.121286,0.248515,-0.07837,0.663436,0.140964,-0.034033,1.073912,0.155965,0.700225,0.55201,-0.134124,0.044441,0.202964,1.883789,1.281279,1.049376,0.995371,0.578179,1.883789,0.995371,0.121286,-0.546865,-1.480744,0],
  neighbourMass: 0.98,
  secondMass: 0.05,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.039686,0.874699,0.226125,-0.260933,0.443402,-0.002943,0.530594,1.178841,-0.672516,1.301337,0.306994,0.472106,-1.090127,0.554855,2.060606,1.34527,0.847713,0.130699,1.039686,2.060606,0.130699,0.874699,-1.579049,-0.778766,0],"trees":"c23b91fd9685b865"},
};
