/** Every piece of UI text the widget shows, in one place (Chinese, the audience's language). */
export const t = {
  defaultTitle: '文章问答',
  openLabel: (title: string) => `打开${title}`,
  closeLabel: '关闭问答',
  logLabel: '对话内容',
  inputLabel: '输入你的问题',
  placeholder: '输入问题，按回车发送',
  send: '发送',
  greeting: '你好！我会从文章原文里找答案，并告诉你出处。',
  tryAsking: '可以试着问：',
  thinking: '正在查找…',
  voteUp: '有帮助',
  voteDown: '没帮助',
  thanks: '谢谢反馈！',
  declined: '抱歉，资料里没有找到能回答这个问题的内容。',
  covers: '目前我能回答关于这些文章的问题：',
  didYouMean: '你是不是想问：',
  faqLabel: '常见问题',
  faqLink: '原文链接',
  excerpts: '原文摘录',
  networkError: '网络好像出了问题，没能拿到回答。',
  serverError: '服务器暂时出了点问题，请稍后再试。',
  retry: '重试',
  footer: '回答摘自文章原文',
  questionTooLong: (max: number) => `问题太长了，请控制在 ${max} 字以内。`,
} as const;

/** What an answer bubble says around the quotes, in the script the answer is shown in. */
export interface AnswerStrings {
  voteUp: string;
  voteDown: string;
  thanks: string;
  declined: string;
  covers: string;
  didYouMean: string;
  faqLabel: string;
  faqLink: string;
  excerpts: string;
  /** The toggle between the quote in the reader's script and the verbatim original. */
  original: string;
  understoodAs: (q: string) => string;
}

const simplified: AnswerStrings = {
  voteUp: t.voteUp,
  voteDown: t.voteDown,
  thanks: t.thanks,
  declined: t.declined,
  covers: t.covers,
  didYouMean: t.didYouMean,
  faqLabel: t.faqLabel,
  faqLink: t.faqLink,
  excerpts: t.excerpts,
  original: '原文',
  understoodAs: (q) => `按上文理解为：${q}`,
};

// Written out rather than converted: the widget ships no conversion tables. Valid in Hong Kong and Taiwan alike.
const traditional: AnswerStrings = {
  voteUp: '有幫助',
  voteDown: '沒幫助',
  thanks: '謝謝回饋！',
  declined: '抱歉，資料中沒有找到能回答這個問題的內容。',
  covers: '目前我能回答關於這些文章的問題：',
  didYouMean: '你是不是想問：',
  faqLabel: '常見問題',
  faqLink: '原文連結',
  excerpts: '原文摘錄',
  original: '原文',
  understoodAs: (q) => `按上文理解為：${q}`,
};

export const answerStrings = (script: string | undefined): AnswerStrings => (script?.startsWith('zh-Hant') ? traditional : simplified);
