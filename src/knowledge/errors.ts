/** A knowledge file that cannot be used as it is. Names the file, and the line where it applies. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}
