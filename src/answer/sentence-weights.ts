// Written by `npm run fit` (src/cli/fit.ts) on ../shared/eval/cmrc2018-train; do not edit by hand.
// Fitted on 10142 questions (questions.jsonl sha256 b3851bf38d670d52…); DESIGN.md, "Choosing the sentence".
export const SENTENCE_WEIGHTS = {
  features: ["words","predicate","phrase","isBest","isBestPredicate","afterBest","beforeBest","shape","shapeAfterBest","definition","first","length","prevWords","nextWords","chars","typed","cue","before","wordsBehind","charsBehind","beforeBehind","predicateBehind","position","fromBest","sentences","list","listAsked"],
  weights: [0.582078,0.120284,0.252845,-0.07819,0.659215,0.140439,-0.034553,1.074261,0.151963,0.699987,0.559164,-0.223444,0.04675,0.199166,1.878899,1.288319,1.053594,0.990266,0.582078,1.878899,0.990266,0.120284,-0.543669,-1.476158,0,0.182172,0.512956],
  neighbourMass: 0.98,
  secondMass: 0.05,
  fittedOn: 10142,
  check: {"passages":300,"questions":150,"weights":[1.011808,0.864177,0.275159,-0.211246,0.600268,0.077597,0.595983,1.241495,-0.66602,1.265872,0.416181,0.369984,-1.052565,0.634124,1.971933,1.361868,0.849346,0.022851,1.011808,1.971933,0.022851,0.864177,-1.657629,-0.734473,0,0.342429,2.161981],"trees":"9c9e2786b7fb1d64"},
};
