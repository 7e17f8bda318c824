import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPoolExhausted } from '../db/errors.js';
import { ApiError, type ErrorCode, errorBody } from '../errors.js';
import { applySecurityHeaders } from './security-headers.js';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const where: Record<string, string> = {
  body: 'body field',
  querystring: 'query parameter',
  params: 'path parameter',
  headers: 'header',
};

/** Turns an Ajv failure into MISSING_FIELDS or INVALID_FIELD with a message that names the field. */
function fromValidation(issues: ValidationIssue[], context: string | undefined): ApiError {
  const first = issues[0];
  const ctx = context ?? 'body';
  if (!first) return new ApiError('INVALID_FIELD');
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (first.keyword === 'required') {
    const missing = issues
      .filter((i) => i.keyword === 'required')
      .map((i) =>
        [i.instancePath.replace(/^\//, '').replace(/\//g, '.'), String(i.params.missingProperty)]
          .filter(Boolean)
          .join('.'),
      );
    return new ApiError(
      'MISSING_FIELDS',
      `Missing required ${where[ctx] ?? 'field'}${missing.length > 1 ? 's' : ''}: ${[...new Set(missing)].join(', ')}.`,
    );
  }
  if (ctx === 'body' && path === '' && first.keyword === 'type') {
    return new ApiError('MISSING_FIELDS', 'The request body must be a JSON object with the required fields.');
  }
  const field = path || '(root)';
  let detail = first.message ?? 'is invalid';
  if (first.keyword === 'enum' || first.keyword === 'anyOf') {
    const allowed = first.params.allowedValues;
    detail = Array.isArray(allowed)
      ? `must be one of ${allowed.join(', ')}`
      : 'is not one of the allowed values';
  }
  if (first.keyword === 'additionalProperties') {
    return new ApiError(
      'INVALID_FIELD',
      `Unknown ${where[ctx] ?? 'field'}: ${String(first.params.additionalProperty)}.`,
    );
  }
  return new ApiError('INVALID_FIELD', `Invalid ${where[ctx] ?? 'field'} '${field}': ${detail}.`);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MISSING_FIELDS',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_BAD_URL: 'MALFORMED_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'MALFORMED_REQUEST',
};

export function toApiError(err: FastifyError | Error): ApiError | null {
  if (err instanceof ApiError) return err;
  const fe = err as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fe.validation) return fromValidation(fe.validation, fe.validationContext);
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new ApiError(mapped);
  if (err instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new ApiError('INVALID_JSON');
  if (isPoolExhausted(err)) return new ApiError('SERVICE_UNAVAILABLE', undefined, { 'retry-after': '1' });
  if (fe.statusCode === 429) return new ApiError('RATE_LIMIT_EXCEEDED');
  if (fe.statusCode === 404) return new ApiError('ROUTE_NOT_FOUND');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new ApiError('MALFORMED_REQUEST');
  return null;
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: ApiError): FastifyReply {
  req.errorCode = err.code;
  reply.header('x-request-id', req.id);
  for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
  reply.code(err.status).type('application/json; charset=utf-8');
  // Malformed URLs reach here without running any hook, so set the baseline headers directly too.
  applySecurityHeaders(reply);
  const body = errorBody(err, req.server.deps.config.publicUrl, req.id);
  req.errorBody = body;
  return reply.send(body);
}

/** Every failure leaves in the documented shape; unexpected ones are logged, never leaked. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.decorateRequest('errorCode', null);
  app.decorateRequest('errorBody', null);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const known = toApiError(err);
    if (known) return sendError(req, reply, known);
    req.log.error({ err, request_id: req.id }, 'unexpected error');
    return sendError(req, reply, new ApiError('INTERNAL_ERROR'));
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(
      req,
      reply,
      new ApiError('ROUTE_NOT_FOUND', `No route for ${req.method} ${req.url.split('?')[0]}.`),
    ),
  );
}
