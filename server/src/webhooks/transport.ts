import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { bareHost, isPublicAddress } from './url-guard.js';

export interface PostResult {
  /** HTTP status when the receiver answered at all. */
  statusCode: number | null;
  /** Why the attempt failed (null on 2xx). */
  error: string | null;
  durationMs: number;
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
      return { statusCode: null, error: 'invalid URL', durationMs: 0 };
    }
    const secure = url.protocol === 'https:';
    if (!secure && !((opts.allowHttp ?? opts.allowPrivate) && url.protocol === 'http:')) {
      return { statusCode: null, error: 'URL must be https', durationMs: 0 };
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
        return { statusCode: null, error, durationMs: elapsed() };
      }
    }
    return new Promise<PostResult>((resolve) => {
      let settled = false;
      const finish = (r: Omit<PostResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...r, durationMs: elapsed() });
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
          // Drain (and bound) the answer so the keep-alive socket can be reused.
          res.on('end', () => clearTimeout(timer));
          res.on('error', () => {});
          res.resume();
          if (status >= 200 && status < 300) finish({ statusCode: status, error: null });
          else if (status >= 300 && status < 400)
            finish({ statusCode: status, error: `redirect (${status}) not followed` });
          else finish({ statusCode: status, error: `HTTP ${status}` });
        },
      );
      const timer = setTimeout(() => {
        req.destroy(new Error('timeout'));
        finish({ statusCode: null, error: `timeout after ${opts.timeoutMs} ms` });
      }, opts.timeoutMs);
      req.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        finish({ statusCode: null, error: stableCode(err.code) });
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
