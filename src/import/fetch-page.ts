/** Fetching a web page or document for `npm run import`: http(s) only, bounded in time, size and redirects. */

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

export interface Fetched {
  /** The address after redirects. */
  url: string;
  bytes: Uint8Array;
  /** The media type without parameters (text/html), or null when the server sent none. */
  mediaType: string | null;
  /** The charset parameter of Content-Type, if any. */
  charset: string | null;
}

/** A failure the manager can act on; the message is for people (Chinese). */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** An http(s) URL, or an ImportError saying why not. */
export function httpUrl(text: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new ImportError(`不是有效的网址：${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImportError(`只能导入 http 或 https 网址，不能导入 ${url.protocol}`);
  return url;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new ImportError(`文件太大（${Math.ceil(declared / 1024 / 1024)} MB），上限 ${maxBytes / 1024 / 1024} MB`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new ImportError(`文件太大，超过上限 ${maxBytes / 1024 / 1024} MB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches one address: redirects followed (at most `maxRedirects`, and only to http/https),
 * the whole exchange bounded by `timeoutMs`, the body by `maxBytes`.
 */
export async function fetchPage(address: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<Fetched> {
  let url = httpUrl(address);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': 'chuchu-import/1.0', accept: 'text/html,application/pdf,*/*;q=0.5' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hop >= limits.maxRedirects) throw new ImportError(`重定向次数太多（超过 ${limits.maxRedirects} 次）`);
        url = httpUrl(response.headers.get('location')!, url.href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new ImportError(`服务器回答 ${response.status} ${response.statusText}`.trim());
      }
      const contentType = response.headers.get('content-type');
      const bytes = await readCapped(response, limits.maxBytes);
      const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() || null;
      const charset = /charset\s*=\s*"?([\w-]+)/iu.exec(contentType ?? '')?.[1] ?? null;
      return { url: url.href, bytes, mediaType, charset };
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    if ((err as Error).name === 'TimeoutError' || signal.aborted) throw new ImportError(`超时：${limits.timeoutMs / 1000} 秒内没有取完`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new ImportError(`无法连接：${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
}
