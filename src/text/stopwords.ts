/**
 * Words that carry no topic: function words, pronouns and question words.
 * They are dropped from queries and from the index, because every passage has
 * them (they only add noise and query time: each common term scans a long
 * posting list). Question words are kept apart in `question-type.ts` as cues.
 */
const WORDS = `
的 地 得 了 着 过 是 在 和 与 及 以及 或 或者 而 而且 并 并且 也 都 就 还 又 才 很 更 最 太 吗 呢 吧 啊 呀 嘛 哦 哈 么 吗 啦
这 那 这个 那个 这些 那些 这里 那里 这样 那样 此 其 之 该 各 每 某 本
我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们 自己 大家 人家
有 没 没有 不 不是 是不是 是否 会 能 能够 可以 可能 要 需要 想 应该 该 得 让 把 被 给 对 对于 向 从 到 为 为了 以 于 由 被 比 跟 同 至 至于 关于 按 按照 通过 根据
一 一个 一下 一些 个 些 点 一点 上 下 中 里 内 外 前 后
什么 啥 干嘛 干啥 干什么 多长时间 多少钱 多少次 什么样子 程度 什么程度 怎么  怎样 怎么样 如何 为何 为什么 哪 哪里 哪儿 哪些 哪个 哪家 哪位 哪条 哪种 哪年 哪国 哪部 哪次 哪项 哪所 哪座 多少 几 几个 多 多大 多长 多久 多高 多远 谁 何 何时 何地 几时 什么样 请问 请 问 知道 告诉 说 说说 介绍 一下
吗 呢 嗯 喔 噢 诶 哎 呗 咧 啰 哩 嘞 喇 㗎 喎 囉 咯
哪来 哪边 哪方面 哪样 哪类 哪一 哪几 一种 而家
所 时 约 但 且 较 曾 另 非
何年 何月 何日 何人 何处 何种 何者 何物 何类 何故 何在 何方 何谓 何等 何国 何样 何如 何以 何为
有多远 有多少 有多大 有多长 有多高 有多久 有多重 有多深 要多久 需要多久 时候 几点 几点钟 几年 几月 几号 几天 几岁 几次 几种 几位 几家 几条 几层 几名 几所 几座 几项 几处 几倍 几成 多重 多宽 多深 多快 多少个 多少年 什么时候 哪一年 哪一天 什么地方 远不远 好不好 要不要 有没有 是不是
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/u).filter(Boolean));

/** True for tokens that are only punctuation, symbols or white space. */
export function isPunctuation(token: string): boolean {
  return !/[\p{L}\p{N}]/u.test(token);
}

/** 哪 with 一 or 几 and a measure word (哪一种, 哪几个, 哪一年): which one, asked in many words. */
const WHICH = /^哪[一几][个种位家年天部次座项类条国方边样些所门件本首只名届支队]$/u;

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token) || WHICH.test(token) || isPunctuation(token);
}
