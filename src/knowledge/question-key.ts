import { normalize } from '../text/normalize.js';

/** What makes two FAQ questions the same question: normalized, letters and digits only. */
export const questionKey = (q: string) => normalize(q).replace(/[^\p{L}\p{N}]/gu, '');
