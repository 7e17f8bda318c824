import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { RESPONSE_BODY_MAX_BYTES, storedResponseBody } from './response-body.js';
import { bareHost, isPublicAddress } from './url-guard.js';

export interface PostResult {
  /** HTTP status when the receiver answered at all. */
  statusCode: number | null;
  /** Why the attempt failed (null on 2xx). */
  error: string | null;
  /** Until the receiver's status line arrived (or the attempt failed). */
  durationMs: number;
  /** The first RESPONSE_BODY_MAX_BYTES of the answer's body, cut at a UTF-8 boundary; null when no answer. */
  responseBody?: string | null;
}

export interface TransportOptions {
  timeoutMs: number;
  /** OPENDINAR_WEBHOOK_ALLOW_PRIVATE: skip the address checks (local development and tests). */
  allowPrivate: boolean;
  /** Sockets per receiver origin kept open between deliveries. */
  maxSocketsPerHost?: number;
  /** DNS resolution (all addresses); tests substitute one. Default: the system resolver. */
  resolveHost?: (host: string) => Promise<{ address: string; family: number }[]>;
  /** Plain http targets; default: same as allowPrivate (tests of the address checks turn it on alone). */
  allowHttp?: boolean;
  /** Which resolved addresses may be called; default isPublicAddress. */
  isAllowedAddress?: (address: string) => boolean;
}

const systemResolve = (host: string) => dnsLookup(host, { all: true, verbatim: true });

export interface Transport {
  post(url: string, body: Buffer, headers: Record<string, string>): Promise<PostResult>;
  close(): void;
}

class RefusedTarget extends Error {}

/**
 * Resolves the host once and checks every address, so a name that also resolves to 10.0.0.1 is
 * refused even if the first answer is public. Returns the address to connect to.
 */
async function verifiedAddress(
  host: string,
  resolveHost: NonNullable<TransportOptions['resolveHost']>,
  allowed: (address: string) => boolean,
): Promise<{ address: string; family: number }> {
  if (isIP(host)) {
    if (!allowed(host)) throw new RefusedTarget(`address ${host} is not public`);
    return { address: host, family: isIP(host) };
  }
  const answers = await resolveHost(host);
  if (answers.length === 0) throw new RefusedTarget(`${host} did not resolve`);
  const bad = answers.find((a) => !allowed(a.address));
  if (bad) throw new RefusedTarget(`${host} resolves to non-public address ${bad.address}`);
  return answers[0] as { address: string; family: number };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('DNS timeout'), { code: 'ETIMEOUT' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** A `lookup` for the socket that answers with the address we already checked (DNS pinning). */
function pinnedLookup(address: string, family: number): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (err: null, addrs: { address: string; family: number }[]) => void)(null, [
        { address, family },
      ]);
    } else {
      callback(null, address, family);
    }
  };
}

/**
 * POSTs webhook bodies over keep-alive agents. Never follows redirects (a 3xx is a failure: the
 * target could be anywhere), and the whole exchange is bounded by `timeoutMs`.
 */
export function createTransport(opts: TransportOptions): Transport {
  const agentOptions = {
    keepAlive: true,
    maxSockets: opts.maxSocketsPerHost ?? 64,
    scheduling: 'lifo' as const,
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const resolveHost = opts.resolveHost ?? systemResolve;
  const allowed = opts.isAllowedAddress ?? isPublicAddress;

  async function post(rawUrl: string, body: Buffer, headers: Record<string, string>): Promise<PostResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { statusCode: null, error: 'invalid URL', durationMs: 0, responseBody: null };
    }
    const secure = url.protocol === 'https:';
    if (!secure && !((opts.allowHttp ?? opts.allowPrivate) && url.protocol === 'http:')) {
      return { statusCode: null, error: 'URL must be https', durationMs: 0, responseBody: null };
    }
    const host = bareHost(url);
    let lookup: LookupFunction | undefined;
    if (!opts.allowPrivate) {
      try {
        const { address, family } = await withTimeout(
          verifiedAddress(host, resolveHost, allowed),
          opts.timeoutMs,
        );
        lookup = pinnedLookup(address, family);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        // Stable reasons only: a raw resolver message never reaches last_error.
        const error = err instanceof RefusedTarget ? `refused: ${e.message}` : `DNS: ${stableCode(e.code)}`;
        return { statusCode: null, error, durationMs: elapsed(), responseBody: null };
      }
    }
    return new Promise<PostResult>((resolve) => {
      let settled = false;
      const finish = (r: Omit<PostResult, 'durationMs'>, durationMs = elapsed()) => {
        if (settled) return;
        settled = true;
        // The timer keeps running until the body ends: it bounds the draining of a long answer too.
        resolve({ ...r, durationMs });
      };
      // Set once the status line is in: the verdict, then the body's first bytes are collected.
      let answered: { statusCode: number; error: string | null; durationMs: number } | null = null;
      const chunks: Buffer[] = [];
      let collected = 0;
      const finishAnswered = () => {
        if (!answered) return;
        const { durationMs, ...verdict } = answered;
        finish({ ...verdict, responseBody: storedResponseBody(Buffer.concat(chunks)) }, durationMs);
      };
      const req = (secure ? https : http).request(
        {
          protocol: url.protocol,
          hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          headers: { ...headers, 'content-length': String(body.length) },
          ...(lookup ? { lookup } : {}),
          ...(secure ? { servername: isIP(host) ? undefined : host } : {}),
        },
        (res) => {
          const status = res.statusCode ?? 0;
          answered = {
            statusCode: status,
            error:
              status >= 200 && status < 300
                ? null
                : status >= 300 && status < 400
                  ? `redirect (${status}) not followed`
                  : `HTTP ${status}`,
            durationMs: elapsed(),
          };
          // Keep the first bytes; drain the rest (bounded by the timeout) so the socket can be reused.
          res.on('data', (chunk: Buffer) => {
            if (collected > RESPONSE_BODY_MAX_BYTES) return;
            chunks.push(chunk);
            collected += chunk.length;
            if (collected > RESPONSE_BODY_MAX_BYTES) finishAnswered();
          });
          res.on('end', () => {
            clearTimeout(timer);
            finishAnswered();
          });
          res.on('close', finishAnswered);
          res.on('error', () => {});
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new Error('timeout'));
        // Answered but the body is slow: the answer counts, with what arrived of its body.
        if (answered) finishAnswered();
        else finish({ statusCode: null, error: `timeout after ${opts.timeoutMs} ms`, responseBody: null });
      }, opts.timeoutMs);
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (answered) return finishAnswered();
        clearTimeout(timer);
        finish({ statusCode: null, error: stableCode(err.code), responseBody: null });
      });
      req.end(body);
    });
  }

  return {
    post,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** An error code such as ECONNREFUSED or ERR_TLS_CERT_ALTNAME_INVALID, or a fixed word: never a raw message. */
function stableCode(code: string | undefined): string {
  return code && /^[A-Z][A-Z0-9_]{1,63}$/.test(code) ? code : 'NETWORK_ERROR';
}
