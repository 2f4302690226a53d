import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { EngineNotReadyError, QuestionError } from '../shared/errors.js';
import type { ErrorBody } from './schemas.js';

/** A client-facing HTTP error: `code` is a stable machine word, `message` is safe to show a visitor (Chinese). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Sent as Retry-After, for states that pass (503 while loading). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Fastify's own client errors, by code, mapped to our stable codes and Chinese messages. */
const fastifyClientErrors: Record<string, { code: string; message: string }> = {
  FST_ERR_BAD_URL: { code: 'bad_url', message: '地址格式不正确（含有无法解码的 % 转义）' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: '请求内容太大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: '请用 Content-Type: application/json 发送' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: '请求的 Content-Length 不正确' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_body', message: '请求内容不能为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: '请求内容不是有效的 JSON' },
};

function bodyFor(request: FastifyRequest, error: FastifyError | ApiError | QuestionError): ErrorBody {
  if (error instanceof ApiError) {
    return { statusCode: error.statusCode, error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
  }
  if (error instanceof QuestionError) {
    return { statusCode: 400, error: 'invalid_question', message: error.message, field: 'question' };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0]!;
    // instancePath is "/question" for a bad field and "/" when the body itself is wrong.
    const field = first.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body';
    const message = field === 'body' ? '请求内容必须是 JSON 对象' : (first.message ?? '格式不正确');
    return { statusCode: 400, error: 'invalid_request', message, field };
  }
  const known = error.code ? fastifyClientErrors[error.code] : undefined;
  const status = error.statusCode ?? 500;
  if (known?.code === 'payload_too_large') {
    const limit = request.routeOptions.bodyLimit;
    return { statusCode: 413, error: known.code, message: `${known.message}（最多 ${Math.floor(limit / 1024)} KB）` };
  }
  if (known) return { statusCode: status, error: known.code, message: known.message };
  if (status === 429) {
    return { statusCode: 429, error: 'rate_limited', message: '提问太频繁了，请稍后再试' };
  }
  if (status >= 400 && status < 500) {
    // Other client errors: the status says enough; fastify's English text may name internals.
    return { statusCode: status, error: 'bad_request', message: '请求无效' };
  }
  return { statusCode: 500, error: 'internal_error', message: '服务器出错了，请稍后再试', requestId: request.id };
}

/**
 * The one error handler: 4xx say what was wrong, 5xx say nothing internal but carry the
 * request id, which is also in the log line, so a report can be matched to its cause.
 */
export function handleError(thrown: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // The server listens before the index is built: "still loading" is a state that passes, not a fault.
  const error = thrown instanceof EngineNotReadyError ? new ApiError(503, 'not_ready', '知识库还在加载，请稍后再试', undefined, 5) : thrown;
  const body = bodyFor(request, error);
  // An ApiError is a state we chose to report (e.g. 503 while loading), not a fault to investigate.
  if (body.statusCode >= 500 && !(error instanceof ApiError)) {
    request.log.error({ err: error, reqId: request.id }, 'request failed');
  } else {
    request.log.info({ statusCode: body.statusCode, code: body.error, field: body.field }, 'client error');
  }
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
    reply.header('Retry-After', String(error.retryAfterSeconds));
  }
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods routed at this request's path (HEAD comes with GET), for a 405's Allow header. */
function allowedMethods(request: FastifyRequest): string[] {
  let url: string;
  try {
    url = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  } catch {
    return [];
  }
  return METHODS.filter((method) => request.server.hasRoute({ method, url }));
}

/** 404 for unknown paths, 405 with Allow for a known path asked with another method; JSON like every other error. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const allow = allowedMethods(request);
  reply.type('application/json; charset=utf-8');
  if (allow.length > 0) {
    return reply
      .code(405)
      .header('Allow', allow.join(', '))
      .send({ statusCode: 405, error: 'method_not_allowed', message: `这个地址只接受 ${allow.join('、')} 请求` });
  }
  return reply.code(404).send({ statusCode: 404, error: 'not_found', message: '找不到这个地址' });
}
