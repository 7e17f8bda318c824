import type { FastifyBaseLogger, FastifyRequest, FastifyServerOptions } from 'fastify';
import { type Bindings, type ChildLoggerOptions, stdSerializers } from 'pino';

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

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type LogFn = (...args: unknown[]) => void;
type PinoLike = FastifyBaseLogger & { isLevelEnabled(level: string): boolean };

/**
 * The logger of one request (`req.log`, `reply.log`): the pino child with the request id is made on
 * the first line actually written at an enabled level, not for every request. Pino builds a child
 * with its bindings serialised and its redaction set up — about 7 KB of garbage and a few µs per
 * request, which a request that logs nothing (with LOG_LEVEL=warn, every one that succeeds) only
 * paid for. What is written, and with which bindings, is the same.
 */
class RequestLogger {
  private real: FastifyBaseLogger | undefined;
  constructor(
    private readonly parent: PinoLike,
    private readonly binds: Bindings,
    private readonly opts: ChildLoggerOptions,
  ) {}
  private child_(): FastifyBaseLogger {
    if (this.real === undefined) this.real = this.parent.child(this.binds, this.opts);
    return this.real;
  }
  private write(level: Level, args: unknown[]): void {
    if (this.real === undefined && !this.parent.isLevelEnabled(level)) return;
    (this.child_()[level] as LogFn)(...args);
  }
  get level(): string {
    return (this.real ?? this.parent).level;
  }
  set level(level: string) {
    this.child_().level = level;
  }
  isLevelEnabled(level: string): boolean {
    return this.real ? (this.real as PinoLike).isLevelEnabled(level) : this.parent.isLevelEnabled(level);
  }
  bindings(): Bindings {
    return (this.child_() as unknown as { bindings(): Bindings }).bindings();
  }
  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.child_().child(bindings, options);
  }
  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}
}

/** Fastify's childLoggerFactory for a pino logger: each request's child made only when it logs. */
export function lazyRequestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  opts: ChildLoggerOptions,
): FastifyBaseLogger {
  const parent = logger as PinoLike;
  // A route's own level or serializers (none here today): the child as Fastify makes it.
  if (
    opts.level !== undefined ||
    opts.serializers !== undefined ||
    typeof parent.isLevelEnabled !== 'function'
  )
    return logger.child(bindings, opts);
  return new RequestLogger(parent, bindings, opts) as unknown as FastifyBaseLogger;
}
