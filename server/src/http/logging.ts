import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';

/**
 * Logging that never writes a secret. Two layers:
 * - redaction of the fields that carry secrets wherever something logs them (headers, bodies);
 * - URL scrubbing: connect session tokens travel in paths (/connect/status/sess_…) and query
 *   strings (/sandbox/auth.html?session_token=…), and Fastify logs every request's URL.
 */

// Our bearer secrets by prefix; 8+ random characters so field names like `public_token` survive.
const SECRET_TOKEN = /\b(od_(?:test|live)_sk_|devses_|sess_|public_|link_|whsec_)[A-Za-z0-9]{8,}/g;

/** The text with every OpenDinar secret token replaced by its prefix and `[redacted]`. */
export const scrubSecrets = (text: string): string => text.replace(SECRET_TOKEN, '$1[redacted]');

const SECRET_FIELDS = [
  'password',
  'secret',
  'key',
  'token',
  'session_token',
  'public_token',
  'link_token',
  'authorization',
  'cookie',
];

export const LOG_REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]),
];

type LoggerOption = FastifyServerOptions['logger'];
type LoggerObject = Exclude<LoggerOption, boolean | undefined>;

/**
 * The logger options buildApp passes to Fastify: the caller's (level, destination stream) plus
 * our redaction and serializers, so tests log exactly as production does.
 */
export function safeLoggerOptions(given: LoggerOption): LoggerOption {
  if (given === undefined || given === false) return false;
  const base: LoggerObject = given === true ? {} : given;
  return {
    ...base,
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: scrubSecrets(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      // Anything can be thrown; only Errors have a message and stack to scrub.
      err: (err: unknown) => {
        if (!(err instanceof Error))
          return { type: typeof err, message: scrubSecrets(String(err)), stack: '' };
        const out = stdSerializers.err(err);
        return { ...out, message: scrubSecrets(out.message), stack: scrubSecrets(out.stack ?? '') };
      },
    },
  };
}
