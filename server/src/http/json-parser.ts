import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { ApiError } from '../errors.js';
import { jsonHasNul, NUL_MESSAGE } from './nul-guard.js';

/**
 * JSON bodies only. An empty body counts as "no body" (so a bodiless POST with a JSON content type
 * works and a missing body reports MISSING_FIELDS); __proto__ / constructor keys are refused.
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    /^application\/([a-z0-9.+-]*\+)?json(;|$)/i,
    { parseAs: 'string' },
    (_req, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      if (jsonHasNul(text)) return done(new ApiError('INVALID_FIELD', NUL_MESSAGE));
      try {
        done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
      } catch {
        done(new ApiError('INVALID_JSON'));
      }
    },
  );
}
