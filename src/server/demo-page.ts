import type { FastifyInstance } from 'fastify';
import { setHtmlSecurityHeaders, styleHash } from './security-headers.js';

/** The demo page's only styles; hashed into the CSP instead of allowing any inline style. */
const DEMO_CSS = `
body{margin:0;font:16px/1.8 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#222;background:#f6f7f5}
header{background:#0a7;color:#fff;padding:28px 20px}
header h1{margin:0;font-size:28px}header p{margin:4px 0 0;opacity:.9}
main{max-width:720px;margin:0 auto;padding:12px 20px 120px}
h2{font-size:20px;margin-top:28px}
.try{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
.try button{font:inherit;font-size:14px;border:1px solid #0a7;background:#fff;color:#075;border-radius:16px;padding:4px 12px;cursor:pointer}
pre{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px;overflow:auto;font-size:13px;line-height:1.5}
footer{color:#777;font-size:13px}
`;

const EMBED = '<script src="/widget.js" data-title="郴州问答" data-color="#0a7" data-position="right" async></script>';

/** Questions the shipped article answers, as buttons the widget picks up (`data-chuchu-ask`). */
const TRY = ['东江湖的蓄水量是多少？', '郴州到广州要多久？', '郴州为什么被称为“南大门”？'];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>向南开放看郴州 · 出处问答演示</title>
<style>${DEMO_CSS}</style>
</head>
<body>
<header><h1>向南开放看郴州</h1><p>出处（chuchu）问答小部件演示页</p></header>
<main>
<p>郴州地处湖南最南端，自古为“楚粤之孔道”，是湖南向南开放的“南大门”和承接沿海产业转移的“桥头堡”。京广铁路、京深高铁和多条高速公路在这里交汇，从郴州到广州一小时左右，到深圳两小时以内。</p>
<p>郴州被誉为“世界有色金属博物馆”，山水资源也十分丰富：东江湖的水质常年可达直接饮用标准。近年来，郴州全力打造湖南省对接粤港澳大湾区的重要增长极。</p>
<h2>试着问一问</h2>
<p>点右下角的按钮打开问答，或者直接点下面的问题。回答都摘自文章原文，并注明出处。</p>
<div class="try">${TRY.map((q) => `<button type="button" data-chuchu-ask="${escapeHtml(q)}">${escapeHtml(q)}</button>`).join('')}</div>
<h2>在你的网站上使用</h2>
<p>把下面这一行放进网页，并在服务器的 <code>ALLOWED_ORIGINS</code> 中加入你的网站地址：</p>
<pre>${escapeHtml(EMBED.replace('/widget.js', 'https://你的服务器/widget.js'))}</pre>
<footer>示例文字摘编自《向南开放看郴州》（郴州日报）。</footer>
</main>
${EMBED}
</body>
</html>
`;

const cspStyleHashes = [styleHash(DEMO_CSS)];

/** `GET /`: a short article page with the widget embedded, so anyone can try it in a browser. */
export function registerDemoPage(app: FastifyInstance): void {
  app.get('/', async (_request, reply) => {
    setHtmlSecurityHeaders(reply, cspStyleHashes);
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
