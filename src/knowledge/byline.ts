/**
 * News bylines as they really come: `□ 郴州日报记者 陈思远 通讯员 黄小蓉`,
 * `本报讯（记者 李明）…`, `文/图 王芳`, `来源：郴州日报`, and the trailing
 * `编辑：` / `责任编辑：` / `审核：` lines that are not body text.
 */
export interface Byline {
  source: string | null;
  author: string | null;
}

/** Roles that come before people's names in a byline. */
const ROLE = /(全媒体记者|全媒體記者|特约记者|特約記者|见习记者|見習記者|实习生|實習生|记者|記者|通讯员|通訊員|摄影|攝影|文\s*[/／|｜]\s*[图圖]|[文图圖]\s*[/／|｜:：]|作者\s*[:：]|撰文\s*[:：]?)/u;
/** Editorial sign-off lines at the end of a news page. */
const SIGN_OFF = /^[（(【]?\s*(来源|來源|稿源|责任编辑|責任編輯|值班编辑|本版编辑|编辑|編輯|审核|審核|审校|校对|校對|监制|監製|终审|終審|一审|二审|三审|美编|美編|统筹|統籌|策划|策劃)\s*[:：|｜]/u;
const MAX_BYLINE_CHARS = 60;

const names = (s: string) =>
  s
    .split(/[\s、，,;；/／|｜]+/u)
    .map((n) => n.trim())
    .filter((n) => !/(报道|報導|报导|摄|攝|电|電)$/u.test(n))
    .filter((n) => n && !ROLE.test(n) && n.length <= 8 && /[\p{Script=Han}A-Za-z]/u.test(n));

/** A short line at the end of an article naming its editors or reviewers (never a body paragraph). */
export function isSignOff(line: string): boolean {
  return [...line].length <= MAX_BYLINE_CHARS && SIGN_OFF.test(line.trim());
}

/**
 * The line under a headline with the date, outlet and reporter in any order
 * (`2026-07-01 10:20 南方新聞網 記者陳志明／高雄報導`, `发布时间：… 来源：…`): not body text.
 */
export function isInfoLine(line: string): boolean {
  const t = line.trim();
  if ([...t].length > 80 || /[，。；！？]/u.test(t)) return false;
  const dated = /\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}/u.test(t);
  return (dated && (ROLE.test(t) || /来源|來源|发布|發布|时间|時間|浏览|瀏覽|阅读|閱讀/u.test(t))) || /^(发布时间|發布時間|时间|時間)[:：]/u.test(t);
}

/** A line that is a byline: `□ …`, `记者 …`, `文/图 …`, `来源：…`, `作者：…`. */
export function isByline(line: string): boolean {
  const t = line.trim();
  if ([...t].length > MAX_BYLINE_CHARS || /[，。；！？,;!?]/u.test(t)) return false;
  return /^□/u.test(t) || /^(来源|來源)\s*[:：]/u.test(t) || new RegExp(`^([^\\p{P}]{0,16})?${ROLE.source}`, 'u').test(t);
}

/**
 * Reads a byline into its outlet and people: `□ 郴州日报记者 陈思远 通讯员 黄小蓉`
 * gives source 郴州日报 and author 陈思远、黄小蓉; `□ 郴州日报·今日郴州客户端全媒体记者 王路莎`
 * gives 郴州日报 and 王路莎.
 */
export function parseByline(line: string): Byline {
  const body = line.trim().replace(/^□\s*/u, '');
  const source = /^(?:来源|來源)\s*[:：]\s*(.+)$/u.exec(body);
  if (source) return { source: source[1]!.trim(), author: null };
  const firstRole = ROLE.exec(body);
  if (!firstRole) {
    // No role word: `郴州日报 王路莎`, the last word is the person.
    const parts = body.split(/\s+/u);
    const author = parts.length > 1 ? parts.at(-1)! : null;
    const outlet = parts.length > 1 ? parts.slice(0, -1).join(' ') : body;
    return { source: outlet.split(/[·・•]/u)[0]!.trim() || null, author };
  }
  const outlet = body.slice(0, firstRole.index).split(/[·・•]/u)[0]!.trim().replace(/^本报$/u, '');
  const people = body.slice(firstRole.index).split(ROLE).flatMap((part) => (ROLE.test(part) ? [] : names(part)));
  return { source: outlet || null, author: people.length ? people.join('、') : null };
}

/** `本报讯（记者 李明 通讯员 张华）3月5日，…`: the byline it opens with, and the paragraph without it. */
export function leadByline(paragraph: string): { byline: Byline; rest: string } | null {
  const m = /^(本报讯|本报[^\s（(]{1,8}讯|[^\s（(]{2,8}讯)\s*[（(]([^）)]{1,40})[）)]\s*/u.exec(paragraph);
  if (!m || !ROLE.test(m[2]!)) return null;
  const people = m[2]!.split(ROLE).flatMap((part) => (ROLE.test(part) ? [] : names(part)));
  return { byline: { source: null, author: people.length ? people.join('、') : null }, rest: paragraph.slice(m[0].length) };
}
