import { describe, expect, it } from 'vitest';
import { withAnswerCache } from '../../src/answer/answer-cache.js';
import type { Answer, AskOptions } from '../../src/answer/types.js';

function counting() {
  const calls: string[] = [];
  const answer = (q: string, o: AskOptions = {}): Answer => {
    calls.push(`${q}|${o.limit ?? ''}|${o.offset ?? ''}`);
    return { question: q.trim(), answered: false, results: [], suggestions: [], nothingToShow: true };
  };
  return { calls, answer };
}

describe('withAnswerCache', () => {
  it('answers a repeated question from the cache, per question and options', () => {
    const { calls, answer } = counting();
    const cached = withAnswerCache(answer);
    const a = cached('东江湖');
    expect(cached(' 东江湖 ')).toBe(a);
    cached('东江湖', { limit: 1 });
    cached('东江湖', { offset: 3 });
    expect(calls).toEqual(['东江湖||', '东江湖|1|', '东江湖||3']);
  });

  it('drops the least recently used answer when full', () => {
    const { calls, answer } = counting();
    const cached = withAnswerCache(answer, 2);
    cached('a');
    cached('b');
    cached('a'); // a is now the most recent
    cached('c'); // evicts b
    cached('a');
    cached('b');
    expect(calls).toEqual(['a||', 'b||', 'c||', 'b||']);
  });

  it('does not cache errors', () => {
    let n = 0;
    const cached = withAnswerCache(() => {
      n++;
      throw new Error('bad');
    });
    expect(() => cached('x')).toThrow('bad');
    expect(() => cached('x')).toThrow('bad');
    expect(n).toBe(2);
  });
});
