import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/knowledge/formats/encoding.js';
import { parseArticleFile } from '../../src/knowledge/formats/index.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { FIXTURES, folderOf, furnitureQuestions } from '../helpers/format-quality.js';

const produced = (name: string) => readFileSync(path.join(FIXTURES, 'produced', name));
const parse = (name: string) => parseArticleFile(name, produced(name));
const texts = (a: Awaited<ReturnType<typeof parse>>) => a.paragraphs.map((p) => p.text);

describe('formats made by real producers', () => {
  it('a GBK news page: the article only, title from og:title, byline and date from the page, bold lines as sections', async () => {
    const a = await parse('youcha-gbk.html');
    expect(a).toMatchObject({ title: '桂阳油茶从一颗果子长成一条产业链', source: '南岭晨报', author: '周敏', date: '2026-10-12' });
    expect([...new Set(a.paragraphs.map((p) => p.section))]).toEqual(['种得好', '卖得远', '富了乡亲']);
    expect(a.paragraphs).toHaveLength(8);
    const all = texts(a).join('\n');
    for (const junk of ['首页', '热门新闻', '分享到', '招商热线', '网友评论', '版权所有', '责任编辑', '图为', 'siteConfig', '广告', '发表评论']) expect(all).not.toContain(junk);
  });

  it('a Big5 page: title from the heading (not the site name in <title>), author from 記者…／臺南報導, sign-off dropped', async () => {
    const a = await parse('zhubian-big5.html');
    expect(a).toMatchObject({ title: '臺南老街竹編工坊吸引年輕人回流', source: '府城日報', author: '林雅婷', date: '2026-09-03' });
    expect(a.paragraphs).toHaveLength(8);
    expect(a.paragraphs[0]!.section).toBe('老手藝新面孔');
    const all = texts(a).join('\n');
    for (const junk of ['熱門點閱', '讀者留言', '分享到', '編輯：', '標籤', '版權所有', '杯墊，一堂課']) expect(all).not.toContain(junk);
  });

  it('a .docx from pandoc: title and author from the document properties, headings as sections', async () => {
    const a = await parse('shuidian.docx');
    expect(a).toMatchObject({ title: '资兴市完成四十座小水电站生态改造', author: '何晓东' });
    expect([...new Set(a.paragraphs.map((p) => p.section))]).toEqual(['改造缘起', '主要做法', '改造成效']);
    expect(a.paragraphs).toHaveLength(8);
  });

  it.each(['shuidian-writer.pdf', 'wenquan-chromium.pdf'])('%s: lines joined without spaces, running header and page numbers dropped, pages known', async (name) => {
    const a = await parse(name);
    const clean = readFileSync(path.join(FIXTURES, 'clean', name.startsWith('shuidian') ? 'shuidian.md' : 'wenquan.md'), 'utf8');
    const cleanParagraphs = clean.split(/\n\s*\n/u).filter((b) => !b.startsWith('---') && !b.startsWith('## ') && b.trim());
    // Every paragraph comes out whole, exactly as written.
    expect(texts(a)).toEqual(cleanParagraphs.map((p) => p.trim()));
    expect(a.paragraphs.every((p) => typeof p.page === 'number')).toBe(true);
  });

  it('a Chromium print spanning two pages cites page 2 for the paragraphs on it', async () => {
    const a = await parse('wenquan-chromium.pdf');
    expect(a).toMatchObject({ title: '汝城温泉小镇冬季客流创新高', source: '湘南旅游周刊', author: '邝丽君' });
    expect(new Set(a.paragraphs.map((p) => p.page))).toEqual(new Set([1, 2]));
  });

  it('a GBK .txt in the news layout: 记者 and 通讯员 read right, sign-off lines and the caption are not paragraphs', async () => {
    const a = await parse('qicheng-gbk.txt');
    expect(a).toMatchObject({ title: '宜章脐橙搭上电商快车', source: '郴州日报', author: '陈思远、黄小蓉' });
    expect(texts(a).join('\n')).not.toMatch(/编辑：|审核：|图为/u);
    expect(a.paragraphs).toHaveLength(6);
  });

  it('a page in another layout: 最新文章, 即時新聞, 人氣排行 and 網友留言 blocks, the info line and the inline ad are not text', async () => {
    const a = await parseArticleFile('kaohsiung.html', readFileSync(path.join(FIXTURES, 'pages', 'kaohsiung-utf8.html')));
    expect(a).toMatchObject({ title: '高雄港新碼頭啟用', author: '陳志明', date: '2026-07-01' });
    expect(texts(a)).toEqual([
      expect.stringMatching(/^高雄港第七貨櫃中心今天正式啟用/u),
      expect.stringMatching(/^港務公司表示/u),
      expect.stringMatching(/^第七貨櫃中心總投資/u),
    ]);
  });

  it.each([
    ['og:title with the site name, a logo <h1>', '<meta property="og:title" content="新桥通车 | 南方新闻网"></head><body><h1 class="logo">南方新闻网</h1><div class="article"><h1>新桥通车</h1>'],
    ['<title> with the site name, no og:title', '<title>新桥通车_南方新闻网_地方频道</title></head><body><div class="article"><h2>新桥通车</h2>'],
    ['only a <title>', '<title>新桥通车 - 南方新闻网</title></head><body><div class="article">'],
  ])('takes the article title, not the site name: %s', async (_, head) => {
    const html = `<html><head>${head}<p>青石桥全长三百二十米，今天正式通车，市民可以免费通行。</p><p>大桥由市交通局投资建设，总投资一点二亿元。</p></div></body></html>`;
    const a = await parseArticleFile('bridge.html', Buffer.from(html));
    expect(a.title).toBe('新桥通车');
    expect(a.paragraphs).toHaveLength(2);
  });

  it('nothing from the furniture is in any passage', async () => {
    const k = await loadKnowledge(
      folderOf(['youcha-gbk.html', 'zhubian-big5.html', 'zhubian-news-chromium.pdf'].map((name) => ({ from: 'produced' as const, name }))),
    );
    expect(k.articles.map((a) => a.title)).toEqual(['桂阳油茶从一颗果子长成一条产业链', '臺南老街竹編工坊吸引年輕人回流', '臺南老街竹編工坊吸引年輕人回流']);
    const all = k.passages.map((p) => p.text).join('\n');
    for (const q of furnitureQuestions()) expect(all).not.toContain(q.answer);
  });
});

describe('broken and hostile files', () => {
  it.each([
    ['garbage.pdf', Buffer.from('%PDF-1.4\n1 0 obj garbage'), /^garbage\.pdf: 无法打开这个 PDF/u],
    ['cut.pdf', produced('wenquan-chromium.pdf').subarray(0, 5000), /^cut\.pdf: 无法打开这个 PDF/u],
    ['empty.html', Buffer.alloc(0), /^empty\.html: 是空文件，或者不是 HTML/u],
    ['deep.html', Buffer.from(`<html><body>${'<div>'.repeat(20_000)}<p>很深。</p>${'</div>'.repeat(20_000)}</body></html>`), /^deep\.html: 元素嵌套超过 250 层/u],
    ['nav.html', Buffer.from('<html><head><title>首页</title></head><body><nav><a href="/">首页</a></nav></body></html>'), /^nav\.html: 网页上没有找到文章正文/u],
    ['notzip.docx', Buffer.from('hello'), /^notzip\.docx: 不是 Word \.docx 文件/u],
    ['nodocument.docx', Buffer.from(`PK\x05\x06${'\0'.repeat(18)}`, 'latin1'), /^nodocument\.docx: 无法读取这个 Word 文档/u],
  ])('%s fails with its name and why', async (name, bytes, message) => {
    await expect(parseArticleFile(name, bytes)).rejects.toThrow(message);
  });
});

describe('encodings and accounting', () => {
  it('decodes UTF-8 with a BOM, UTF-16 with a BOM, GBK and Big5; refuses what it cannot tell, naming the file', () => {
    const text = '东江湖的水质常年可达直接饮用标准，游客可以乘船游览小东江。';
    const trad = '臺南市文化局表示，明年將在新美街設立工藝街區，補助老屋修繕費用的一半。';
    expect(decodeText('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).text).toBe(text);
    expect(decodeText('a.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, charset: 'utf-16le' });
    expect(decodeText('a.txt', iconv.encode(text, 'gbk'))).toEqual({ text, charset: 'gb18030' });
    expect(decodeText('a.txt', iconv.encode(trad, 'big5'))).toEqual({ text: trad, charset: 'big5' });
    // Too short to detect: refused, unless a header or <meta> says what it is.
    const short = iconv.encode('渡口', 'gbk');
    expect(() => decodeText('short.txt', short)).toThrow(/^short\.txt: 不是已知编码的文字.*请另存为 UTF-8$/u);
    expect(decodeText('short.txt', short, { header: 'GBK' }).text).toBe('渡口');
    const html = Buffer.concat([Buffer.from('<meta charset="big5"><p>'), iconv.encode('渡口', 'big5')]);
    expect(decodeText('p.html', html, { html: true }).text).toContain('渡口');
    expect(() => decodeText('p.html', Buffer.from([0xff, 0xff, 0xff, 0x00]), { html: true })).toThrow(/p\.html/u);
    // A page saved as UTF-8 that still says gb2312, and a GBK page that says UTF-8: the bytes win, not the label.
    expect(decodeText('saved.html', Buffer.from(`<meta charset="gb2312"><p>${text}</p>`), { html: true }).text).toContain(text);
    expect(decodeText('mislabelled.html', Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), iconv.encode(text, 'gbk')]), { html: true }).text).toContain(text);
  });

  it('accounts for every file: loaded with paragraphs, skipped with why (a scan, an old .doc, an image), failed with where', async () => {
    const dir = folderOf([
      { from: 'produced', name: 'youcha-gbk.html' },
      { from: 'produced', name: 'wenquan-chromium.pdf' },
      { from: 'produced', name: 'no-text-layer.pdf' },
    ]);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    writeFileSync(path.join(dir, 'README.md'), '# notes\n\nfor people\n');
    const k = await loadKnowledge(dir);
    expect(k.files.map((f) => [f.file, f.status, f.count ?? f.reason])).toEqual([
      ['broken.docx', 'failed', expect.stringMatching(/不是 Word \.docx 文件/u)],
      ['no-text-layer.pdf', 'skipped', expect.stringMatching(/扫描版 PDF，没有文字层/u)],
      ['old.doc', 'skipped', expect.stringMatching(/请另存为 \.docx/u)],
      ['README.md', 'skipped', expect.stringMatching(/README：写给人看的说明/u)],
      ['wenquan-chromium.pdf', 'loaded', 11],
      ['youcha-gbk.html', 'loaded', 8],
    ]);
    expect(k.errors.map((e) => e.file)).toEqual(['broken.docx']);
  });
});
