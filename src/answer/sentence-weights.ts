// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before","wordsBehind","charsBehind","beforeBehind","predicateBehind","position","fromBest","sentences"],
  weights: [0.582382,0.129098,0.243949,-0.076895,0.650689,0.149497,-0.034572,1.073862,0.153341,0.704801,0.55045,-0.128868,0.035872,0.200097,1.878842,1.282883,1.044894,0.992163,0.582382,1.878842,0.992163,0.129098,-0.549521,-1.485079,0],
  neighbourMass: 0.98,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.04106,0.876491,0.228282,-0.262687,0.442127,-0.002091,0.530967,1.180985,-0.671973,1.300851,0.30709,0.469567,-1.09113,0.553414,2.058088,1.349463,0.847811,0.127273,1.04106,2.058088,0.127273,0.876491,-1.575642,-0.780989,0],"trees":"29c09dbd5ecc0d45"},
};
