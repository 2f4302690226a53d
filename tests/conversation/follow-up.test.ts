import { beforeAll, describe, expect, it } from 'vitest';
import { completeFollowUp, detectFollowUp, topicOf } from '../../src/conversation/follow-up.js';
import { addWords } from '../../src/text/segment.js';

beforeAll(() => addWords(['东江湖', '湟水', '武水', '综保区'].map((word) => ({ word }))));

const complete = (previous: string, followUp: string) => {
  const f = detectFollowUp(followUp);
  if (!f) throw new Error(`not a follow-up: ${followUp}`);
  return completeFollowUp(followUp, f, topicOf(previous)).question;
};

describe('follow-up detection', () => {
  it.each([
    ['那高铁呢?', 'ellipsis'],
    ['物流园呢', 'ellipsis'],
    ['咁深圳呢？', 'ellipsis'],
    ['那麼機場呢?', 'ellipsis'],
    ['省里的呢', 'ellipsis'],
    ['总共有多少?', 'ellipsis'],
    ['它在哪里?', 'pronoun'],
    ['這家公司做什麼的?', 'pronoun'],
    ['佢喺邊度?', 'pronoun'],
    ['那里有什么特产', 'pronoun'],
    ['还有呢?', 'more'],
    ['還有別的嗎', 'more'],
    ['仲有冇?', 'more'],
    ['其他的呢', 'more'],
  ])('%s is a follow-up (%s)', (q, kind) => {
    expect(detectFollowUp(q)?.kind).toBe(kind);
  });

  it.each(['郴州北湖机场什么时候投入运营?', '東江湖水質好不好', '湘晨公司研发了哪种飞机', '下周郴州会降温吗', '郴州高新区、综保区、自贸区片区和物流园各有几个呢'])(
    '%s is a complete question',
    (q) => {
      expect(detectFollowUp(q)).toBeNull();
    },
  );
});

describe('follow-up completion', () => {
  it('puts the new thing in the place of its counterpart', () => {
    expect(complete('郴州有几个国家级高新区?', '那综保区呢?')).toBe('郴州有几个国家级综保区');
    expect(complete('郴州到广州要多久?', '那深圳呢')).toBe('郴州到深圳要多久');
    expect(complete('武水流经哪里', '那湟水呢?')).toBe('湟水流经哪里');
    expect(complete('东江湖的水质怎么样', '蓄水量呢')).toBe('东江湖的蓄水量怎么样');
  });

  it('replaces a qualifier with a qualifier', () => {
    expect(complete('郴州有几个国家级高新区?', '省级的呢?')).toBe('郴州有几个省级高新区');
  });

  it('lets a follow-up ask its own kind of question', () => {
    expect(complete('郴州有几个国家级高新区?', '一共多少?')).toBe('郴州有多少国家级高新区');
  });

  it('puts the previous subject in place of a pronoun, in any script', () => {
    expect(complete('东江湖的水质怎么样', '它的蓄水量是多少?')).toBe('东江湖的蓄水量是多少');
    expect(complete('湟水的源头在哪里', '佢喺邊度同武水匯合?')).toBe('湟水在哪里同武水汇合');
  });

  it('asks the previous question again for "more"', () => {
    expect(complete('郴州到广州要多久?', '还有呢?')).toBe('郴州到广州要多久');
  });
});
