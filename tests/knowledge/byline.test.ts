import { describe, expect, it } from 'vitest';
import { isByline, isInfoLine, isSignOff, leadByline, parseByline } from '../../src/knowledge/byline.js';
import { parseTxt } from '../../src/knowledge/parse-txt.js';

describe('news bylines as they really come', () => {
  it.each([
    ['□ 郴州日报记者 陈思远 通讯员 黄小蓉', '郴州日报', '陈思远、黄小蓉'],
    ['□ 郴州日报·今日郴州客户端全媒体记者 王路莎', '郴州日报', '王路莎'],
    ['文/图 王芳', null, '王芳'],
    ['文｜李雷 图｜韩梅梅', null, '李雷、韩梅梅'],
    ['来源：湘南日报', '湘南日报', null],
    ['記者林雅婷／臺南報導', null, '林雅婷'],
    ['本报记者 李四 王五', null, '李四、王五'],
  ])('%s → source %s, author %s', (line, source, author) => {
    expect(isByline(line)).toBe(true);
    expect(parseByline(line)).toEqual({ source, author });
  });

  it('is not fooled by body sentences that mention a reporter', () => {
    expect(isByline('记者从市交通局获悉，今年全市新建公路120公里。')).toBe(false);
    expect(isByline('今年以来，记者走访了多个村庄')).toBe(false);
    expect(isSignOff('编辑部成立于1990年，位于城区。')).toBe(false);
  });

  it('knows sign-off lines, info lines and 本报讯 leads', () => {
    for (const l of ['编辑：刘小华', '责任编辑：赵建', '（審核：王五）', '一审：张三']) expect(isSignOff(l), l).toBe(true);
    expect(isInfoLine('2026-07-01 10:20 南方新聞網 記者陳志明／高雄報導')).toBe(true);
    expect(isInfoLine('2026年7月1日，高雄港新码头启用。')).toBe(false);
    expect(leadByline('本报讯（记者 李明 通讯员 张华）3月5日，市里召开会议。')).toEqual({
      byline: { source: null, author: '李明、张华' },
      rest: '3月5日，市里召开会议。',
    });
    expect(leadByline('本报讯 3月5日，市里召开会议。')).toBeNull();
  });

  it('a .txt page: byline lines before the body, the 本报讯 lead, and trailing sign-offs', () => {
    const a = parseTxt('a.txt', ['渡口新船下水', '', '记者 李明 通讯员 张华', '', '本报讯（记者 李明）白沙渡口的新渡船今天下水，', '可载客八十人。', '', '编辑：刘小华', '审核：孙力', ''].join('\n'));
    expect(a).toMatchObject({ title: '渡口新船下水', author: '李明、张华' });
    expect(a.paragraphs.map((p) => p.text)).toEqual(['白沙渡口的新渡船今天下水，可载客八十人。']);
  });
});
