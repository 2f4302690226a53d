/**
 * The widget's CSS, scoped by its Shadow DOM. `:host { all: initial }` cuts inheritance from
 * the host page (its `* { ... !important }` rules cannot reach inside); px units only, since
 * rem would follow the host page's root font size.
 */
export const css = `
:host{all:initial!important;position:fixed!important;z-index:2147483000!important;bottom:0!important;width:0!important;height:0!important}
.root{--c:#0a7;color:#1f2328;font:14px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;text-align:left;letter-spacing:normal}
.root *{box-sizing:border-box;font:inherit;color:inherit;margin:0}
button{cursor:pointer;border:0;background:none}
button:focus-visible,input:focus-visible,a:focus-visible{outline:2px solid var(--c);outline-offset:2px}
.launcher{position:fixed;bottom:20px;width:56px;height:56px;border-radius:50%;background:var(--c);color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}
.right .launcher,.right .panel{right:20px}.left .launcher,.left .panel{left:20px}
svg{width:26px;height:26px;fill:none;stroke:currentColor;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
.panel{position:fixed;bottom:88px;width:380px;max-width:calc(100vw - 40px);height:560px;max-height:calc(100vh - 110px);background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}
.panel[hidden]{display:none}
header{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:var(--c);color:#fff}
h2{font-size:16px;font-weight:600}
.close{color:#fff;width:32px;height:32px;display:flex;align-items:center;justify-content:center;border-radius:6px}
.close svg{width:20px;height:20px}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;background:#f6f7f8}
.msg{max-width:92%;padding:8px 12px;border-radius:10px;word-wrap:break-word;overflow-wrap:anywhere;white-space:pre-wrap}
.user{align-self:flex-end;background:var(--c);color:#fff}
.bot{align-self:flex-start;background:#fff;border:1px solid #e3e6e8}
.bot p+p,.bot ul{margin-top:4px}.bot ul{padding-left:18px}
.quote{border-left:3px solid var(--c);padding:2px 0 2px 10px;color:#333}
.quote+.cite{margin-top:2px}.cite{font-size:12px;color:#57606a;margin-bottom:8px}
.cite a{color:var(--c);text-decoration:underline}
.orig{font-size:12px;color:#57606a;border:1px solid #e3e6e8;border-radius:6px;padding:0 6px;margin:2px 0}
.orig[aria-pressed=true]{background:#f0f2f4;color:#1f2328}
.understood{font-size:12px;color:#57606a;margin-bottom:4px}
mark{background:#fff1a8;color:inherit;border-radius:2px;padding:0 1px}
mark.answer{background:#ffd84d;font-weight:600;text-decoration:underline;text-underline-offset:2px}
.votes{display:flex;gap:6px;align-items:center;font-size:12px;color:#57606a}
.vote{padding:4px 8px;border-radius:6px;border:1px solid #e3e6e8;background:#fff;color:#57606a;display:flex}
.vote svg,.thanks svg{width:16px;height:16px}.thanks{display:flex;gap:4px;align-items:center}
.vote:hover{background:#f0f2f4}
.label{font-size:12px;font-weight:600;color:var(--c);margin-bottom:2px}
.faq{border-left:3px solid var(--c);background:#f3faf7;padding:4px 10px;margin-bottom:8px;border-radius:0 6px 6px 0}
.faq-q{font-weight:600}.faq .cite{margin:2px 0 0}
.dyms{list-style:none;padding-left:0!important}.dym{color:var(--c);text-decoration:underline;text-align:left;padding:2px 0}
.error{border-color:#f1b5b5;background:#fff6f6}
.retry{margin-top:6px;padding:4px 12px;border-radius:6px;background:var(--c);color:#fff}
.chips{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}
.chip{border:1px solid var(--c);color:var(--c);background:#fff;border-radius:14px;padding:3px 10px;font-size:13px}
.typing{display:flex;gap:4px;padding:12px}
.dot{width:7px;height:7px;border-radius:50%;background:#9aa4ad;animation:b 1s infinite ease-in-out}
.dot:nth-child(2){animation-delay:.15s}.dot:nth-child(3){animation-delay:.3s}
@keyframes b{0%,80%,100%{opacity:.3;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
form{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e6e8;background:#fff}
input{flex:1;min-width:0;border:1px solid #cfd4d9;border-radius:8px;padding:8px 10px;font-size:16px;background:#fff}
.send{padding:0 14px;border-radius:8px;background:var(--c);color:#fff}
.send:disabled{opacity:.5;cursor:default}
.foot{font-size:11px;color:#8c959f;text-align:center;padding:0 0 6px;background:#fff}
@media (max-width:480px){.panel{inset:0;width:100%;max-width:none;height:100%;max-height:none;border-radius:0;bottom:0}.right .panel,.left .panel{left:0;right:0}}
@media (prefers-reduced-motion:reduce){.dot{animation:none}}
`;
