import { describe, expect, it } from 'vitest';
import { groupDeclined, sharedLabel } from '../../src/report/group-declined.js';

const groupOf = (groups: ReturnType<typeof groupDeclined>, question: string) =>
  groups.find((g) => g.questions.some((q) => q.question === question));

describe('groupDeclined', () => {
  it('puts phrasings of one missing topic in one group, labelled by what they share', () => {
    const groups = groupDeclined(['东江湖水质', '后天会不会下冰雹', '东江湖的水能喝吗', '東江湖的水質如何', '高铁票价多少钱']);
    const lake = groupOf(groups, '东江湖水质')!;
    expect(lake.questions.map((q) => q.question).sort()).toEqual(['东江湖水质', '东江湖的水能喝吗', '東江湖的水質如何'].sort());
    expect(lake.label).toBe('东江湖');
    expect(lake.asked).toBe(3);
    expect(groupOf(groups, '后天会不会下冰雹')).not.toBe(lake);
    expect(groupOf(groups, '高铁票价多少钱')).not.toBe(groupOf(groups, '后天会不会下冰雹'));
    expect(groups[0]).toBe(lake);
  });

  it('counts repeats of the same question (modulo punctuation, width and script) as one phrasing', () => {
    const groups = groupDeclined(['后天下冰雹吗', '后天下冰雹吗？', '后天下冰雹嗎', '高铁票价']);
    expect(groups[0]).toMatchObject({ asked: 3, questions: [{ question: '后天下冰雹吗', asked: 3 }] });
    expect(groups).toHaveLength(2);
  });

  it('does not group on a term most questions share (郴州 in questions about 郴州)', () => {
    const groups = groupDeclined(['郴州房价多少', '郴州的房价贵不贵', '郴州天气如何', '郴州明天天气', '郴州高铁票价', '郴州到广州的高铁']);
    expect(groups.map((g) => g.term).sort()).toEqual(['天气', '房价', '高铁'].sort());
    expect(groups.every((g) => g.questions.length === 2)).toBe(true);
  });

  it('leaves a question that shares nothing on its own, under its most informative term', () => {
    const groups = groupDeclined(['今天天气怎么样']);
    expect(groups).toEqual([{ term: '今天天气', label: '今天天气', asked: 1, questions: [{ question: '今天天气怎么样', asked: 1 }] }]);
  });

  it('returns nothing for nothing', () => {
    expect(groupDeclined([])).toEqual([]);
  });
});

describe('sharedLabel', () => {
  it('grows the term to the longest text every question shares, without particles at the ends', () => {
    expect(sharedLabel('江湖', ['东江湖水质', '东江湖的水能喝吗'])).toBe('东江湖');
    expect(sharedLabel('冰雹', ['后天会下冰雹吗', '后天下冰雹吗'])).toBe('冰雹');
  });
});
