// opencc-js ships its phrase tables as modules without types: each is one string,
// "regional mainland|regional mainland|…" (scripts/regional-words.ts reads two of them).
declare module 'opencc-js/dict/TWPhrasesRev' {
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/HKPhrasesRev' {
  const table: string;
  export default table;
}
