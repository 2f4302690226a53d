import * as OpenCC from 'opencc-js';

/**
 * The script a reader writes in, as a BCP 47 tag: Simplified, or Traditional
 * as written in Hong Kong (and Macau) or Taiwan.
 */
export type Script = 'zh-Hans' | 'zh-Hant-HK' | 'zh-Hant-TW';

// Phrase-level conversion (OpenCC's phrase tables, then regional variants): 头发 → 頭髮, not 頭發.
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const hongKongToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
const taiwanToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toSimplified = (s: string) => taiwanToCn(hongKongToCn(s));

/** Characters that only one script uses, found by asking OpenCC about every CJK character once (~60 ms, on first use). */
let tables: { traditional: Set<string>; simplified: Set<string> } | null = null;
function scriptTables() {
  if (tables) return tables;
  const chars: string[] = [];
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) chars.push(String.fromCodePoint(cp));
  const joined = chars.join('\n');
  const [cn, hk, tw] = [toSimplified(joined), toHongKong(joined), toTaiwan(joined)].map((s) => s.split('\n'));
  const traditional = new Set<string>();
  const simplified = new Set<string>();
  chars.forEach((c, i) => {
    // Simplified only when both regions write it otherwise (着 stays in Hong Kong, 台 in Taiwan).
    const isSimplified = hk![i] !== c && tw![i] !== c;
    const isTraditional = cn![i] !== c;
    if (isSimplified && !isTraditional) simplified.add(c);
    if (isTraditional && !isSimplified) traditional.add(c);
  });
  tables = { traditional, simplified };
  return tables;
}

/** Cantonese written words: a question with them is from Hong Kong or Macau. */
const CANTONESE = /[係嘅咩唔喺冇佢嗰啲噉嘢睇畀咗嚟哋乜揾搵邊冚攞咁㗎喎啩咋囉]|幾多|點樣|點解|幾時|而家|聽日|琴日/u;

/** How many characters only Traditional, and only Simplified, writes. */
export function countScriptChars(text: string): { traditional: number; simplified: number } {
  const { traditional, simplified } = scriptTables();
  let t = 0;
  let s = 0;
  for (const c of text) {
    if (traditional.has(c)) t++;
    else if (simplified.has(c)) s++;
  }
  return { traditional: t, simplified: s };
}

/**
 * Forms Hong Kong writes and Taiwan does not (裏 / 裡, 着 / 著, 綫 / 線 …). Hand-picked: OpenCC's
 * variant tables also change forms both regions use (平台 → 平臺), so they cannot tell the two apart.
 */
const HONG_KONG_FORMS = /[裏着綫衞啓鷄户]/u;

function traditionalRegion(text: string): Script {
  return CANTONESE.test(text) || HONG_KONG_FORMS.test(text) ? 'zh-Hant-HK' : 'zh-Hant-TW';
}

/**
 * The script a question is written in, or null when it does not show (no
 * character only one script uses) or is mixed: then the article's own script is kept.
 */
export function questionScript(text: string): Script | null {
  const { traditional, simplified } = countScriptChars(text);
  if (traditional > 0 && simplified === 0) return traditionalRegion(text);
  if (simplified > 0 && traditional === 0) return 'zh-Hans';
  return null;
}

/** The script most of a longer text (an article) is written in; Simplified when it does not show. */
export function textScript(text: string): Script {
  const { traditional, simplified } = countScriptChars(text);
  return traditional > simplified ? traditionalRegion(text) : 'zh-Hans';
}

export const isTraditional = (script: Script) => script !== 'zh-Hans';

/** Converts text into `script`, phrase by phrase. Text already in it comes back unchanged. */
export function toScript(text: string, script: Script): string {
  if (script === 'zh-Hans') return toSimplified(text);
  return script === 'zh-Hant-HK' ? toHongKong(text) : toTaiwan(text);
}

/**
 * Converts text and moves highlight ranges ([start, end) in UTF-16 units) with it.
 * Conversion almost always keeps lengths (軟件 ↔ 软件); when a phrase changes
 * length, each stretch between range boundaries is converted on its own so
 * every range still covers exactly the characters it covered.
 */
export function toScriptMapped(
  text: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  script: Script,
): { text: string; highlights: Array<[number, number]> } {
  const whole = toScript(text, script);
  if (whole.length === text.length) return { text: whole, highlights: highlights.map(([a, b]) => [a, b]) };
  const cuts = [...new Set([0, text.length, ...highlights.flat()])].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const at = new Map<number, number>();
  let out = '';
  for (let i = 0; i < cuts.length; i++) {
    at.set(cuts[i]!, out.length);
    if (i + 1 < cuts.length) out += toScript(text.slice(cuts[i], cuts[i + 1]), script);
  }
  return { text: out, highlights: highlights.map(([a, b]) => [at.get(a) ?? 0, at.get(b) ?? out.length]) };
}
