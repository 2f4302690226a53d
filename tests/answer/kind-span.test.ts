// The answer span of a question that names the kind of thing it asks for (哪支球队, 哪国人, 哪部电影).
import { describe, expect, it } from 'vitest';
import { askedKind, kindSpans } from '../../src/answer/kind-span.js';
import { normalize } from '../../src/text/normalize.js';

describe('askedKind', () => {
  it('reads the kind a question names after 哪, and none where it names no kind', () => {
    expect(askedKind(normalize('这位球员是哪支球队的队长?'))).toBe('球队');
    expect(askedKind(normalize('他是哪国人?'))).toBe('国');
    expect(askedKind(normalize('摩加迪休是哪一國家的主要海港?'))).toBe('国');
    expect(askedKind(normalize('哪個國際博覽會在這裡舉辦?'))).toBe('博览会');
    expect(askedKind(normalize('她凭哪部电影获奖?'))).toBe('电影');
    expect(askedKind(normalize('這首歌收錄在哪張專輯?'))).toBe('专辑');
    expect(askedKind(normalize('他在哪里出生?'))).toBe('');
    expect(askedKind(normalize('这种鸟有哪些特点?'))).toBe('');
  });
});

describe('kindSpans', () => {
  it('finds names ending like the kind with the nouns before them, titles for a work, never the kind word alone', () => {
    const text = normalize('2010年起,他担任米兰足球队队长,这支球队共有30名球员。');
    expect(kindSpans('球队', normalize('他是哪支球队的队长?'), text).map((s) => text.slice(s.start, s.end))).toEqual(['米兰足球队']);
    const film = normalize('她凭《春天》获得最佳女主角,这部电影在2001年上映。');
    expect(kindSpans('电影', normalize('她凭哪部电影获奖?'), film).map((s) => film.slice(s.start, s.end))).toEqual(['《春天》']);
  });
});
