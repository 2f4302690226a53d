// What a question's words tell the sentence model (question-cues.ts), on questions written for this test.
import { describe, expect, it } from 'vitest';
import { asksList, before, cue, lead, listShare } from '../../src/answer/question-cues.js';

describe('question cues', () => {
  it('takes the text before the question word, and how much of its end a sentence holds', () => {
    expect(lead('公园主出入口在哪里')).toBe('公园主出入口在');
    expect(lead('何人创办了这所学校')).toBe('');
    expect(before('公园主出入口在', '公园主出入口在南门广场')).toBe(7 / 8);
    expect(before('公园主出入口在', '公园的停车场很大')).toBe(0);
  });

  it('knows the words a why / what-is-it-called answer tends to use', () => {
    expect(cue('这座桥为什么叫断桥')?.test('因为冬天雪后桥面像断开一样')).toBe(true);
    expect(cue('这座桥有多长')).toBeUndefined();
  });

  it('tells questions asking for several things, and how long a list a sentence gives', () => {
    expect(asksList('博物馆有哪些展厅')).toBe(true);
    expect(asksList('博物馆几点开门')).toBe(false);
    expect(listShare('馆内有青铜器、瓷器、书画和钱币四个展厅')).toBeCloseTo(2 / 3);
    expect(listShare('馆内有甲、乙、丙、丁、戊五个展厅')).toBe(1);
    expect(listShare('博物馆周一闭馆')).toBe(0);
  });
});
