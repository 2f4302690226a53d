// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before","wordsBehind","charsBehind","beforeBehind","predicateBehind","position","fromBest","sentences"],
  weights: [0.579864,0.12309,0.256833,-0.076916,0.654905,0.145872,-0.036246,1.068222,0.152685,0.700617,0.550988,-0.129731,0.045796,0.205893,1.882023,1.284451,1.045112,0.992806,0.579864,1.882023,0.992806,0.12309,-0.54965,-1.485483,0],
  neighbourMass: 0.98,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.040189,0.876701,0.232596,-0.263565,0.442692,-0.002254,0.530866,1.180716,-0.671973,1.301139,0.306253,0.469375,-1.091238,0.553627,2.058009,1.349248,0.84783,0.127706,1.040189,2.058009,0.127706,0.876701,-1.57618,-0.781001,0],"trees":"8de8db1496e63000"},
};
