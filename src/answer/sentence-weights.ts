// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before","wordsBehind","charsBehind","beforeBehind","predicateBehind","position","fromBest","sentences","list","listAsked"],
  weights: [0.584068,0.121517,0.254357,-0.081774,0.658742,0.140178,-0.033845,1.073997,0.151688,0.700055,0.559768,-0.223837,0.046756,0.196839,1.879263,1.29092,1.053064,0.990509,0.584068,1.879263,0.990509,0.121517,-0.543616,-1.474556,0,0.182226,0.512946],
  neighbourMass: 0.98,
  secondMass: 0.05,
  fittedOn: 10142,
  fittedOnFeatures: "ff929a29926ce89e",
  check: {"passages":300,"questions":150,"weights":[1.011808,0.864177,0.275159,-0.211246,0.600268,0.077597,0.595983,1.241495,-0.66602,1.265872,0.416181,0.369984,-1.052565,0.634124,1.971933,1.361868,0.849346,0.022851,1.011808,1.971933,0.022851,0.864177,-1.657629,-0.734473,0,0.342429,2.161981],"trees":"9c9e2786b7fb1d64"},
};
