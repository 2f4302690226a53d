// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before"],
  weights: [1.091566,0.783966,0.39661,0.455559,1.041809,0.484546,0.24877,1.145076,0.206043,0.84382,1.235144,-0.141313,0.154643,0.325497,3.263821,1.28237,1.097976,1.436914],
  neighbourMass: 0.975,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.721075,1.906393,0.083066,0.219366,0.702078,0.066213,0.683201,1.463758,-0.770638,1.427617,1.109531,0.254937,-1.184603,0.49901,3.500119,1.251375,0.826947,0.285339]},
};
