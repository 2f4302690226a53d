import { KnowledgeError } from '../../shared/errors.js';

/** A file that is not an article and is skipped on purpose (an image, a scanned PDF), with the reason; not an error to fix. */
export class SkippedFile extends KnowledgeError {
  override name = 'SkippedFile';
}
