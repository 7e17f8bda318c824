import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LiveBankConfig } from '../../config.js';

/**
 * A raw Berlin Group XS2A HTTP client: one bank, JSON in and out, `X-Request-ID` on every call,
 * `Consent-ID` / `PSU-IP-Address` when given, a timeout per request, mTLS (QWAC) from the
 * configured PEM files, and retries with exponential backoff and full jitter on transient
 * failures (5xx, timeouts, dropped connections). It never logs: callers decide what to say, and
 * paths (which carry consent and account ids) stay out of error messages.
 */
export interface Xs2aResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON, or undefined for an empty / non-JSON body. */
  body: unknown;
}

export interface Xs2aRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under the bank's base URL ("/v1/accounts"), or an absolute path / URL from a `_links` href. */
  path: string;
  /** What the call is, for error messages without ids ("transactions", "consent status"). */
  what: string;
  query?: Record<string, string>;
  body?: unknown;
  consentId?: string;
  psuIpAddress?: string;
  headers?: Record<string, string>;
}

export interface RetryPolicy {
  /** Attempts in total (1 = no retry). */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injectable so tests run without real waits. */
  delay: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  delay: (ms) => sleep(ms),
  random: Math.random,
};

/** The transport failed (timeout, reset, refused) or the bank answered 5xx, after every retry. */
export class Xs2aUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'Xs2aUnavailable';
  }
}

/** Backoff before retry number `n` (1-based): full jitter over an exponentially growing ceiling. */
export const backoffMs = (n: number, p: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number =>
  Math.floor(p.random() * Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (n - 1)));

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

export class Xs2aClient {
  private readonly base: URL;
  private readonly agent: http.Agent | https.Agent;
  private readonly timeoutMs: number;
  /** Requests sent (every attempt), for the bench and tests. */
  requests = 0;

  constructor(
    bank: LiveBankConfig,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.base = new URL(`${bank.baseUrl.replace(/\/+$/, '')}/`);
    this.timeoutMs = bank.timeoutMs ?? 10_000;
    if (this.base.protocol === 'https:') {
      this.agent = new https.Agent({
        keepAlive: true,
        ...(bank.tls?.cert && { cert: readFileSync(bank.tls.cert) }),
        ...(bank.tls?.key && { key: readFileSync(bank.tls.key) }),
        ...(bank.tls?.ca && { ca: readFileSync(bank.tls.ca) }),
      });
    } else {
      this.agent = new http.Agent({ keepAlive: true });
    }
  }

  /**
   * Our own paths ("/v1/…") live under the base URL's path; `_links` hrefs from the bank are
   * absolute or relative to its host.
   */
  urlFor(path: string): URL {
    if (/^https?:\/\//.test(path)) return new URL(path);
    if (path.startsWith('/v1/')) return new URL(path.slice(1), this.base);
    return new URL(path, this.base.origin);
  }

  async send(req: Xs2aRequest): Promise<Xs2aResponse> {
    let lastError: Xs2aUnavailable | undefined;
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      if (attempt > 1) await this.retry.delay(backoffMs(attempt - 1, this.retry));
      try {
        const res = await this.once(req);
        if (!TRANSIENT_STATUS.has(res.status)) return res;
        lastError = new Xs2aUnavailable(`the bank answered ${res.status} to ${req.what}`, res.status);
      } catch (err) {
        lastError = new Xs2aUnavailable(`the bank did not answer ${req.what} (${describe(err)})`);
      }
    }
    throw lastError ?? new Xs2aUnavailable(`the bank did not answer ${req.what}`);
  }

  close(): void {
    this.agent.destroy();
  }

  private once(req: Xs2aRequest): Promise<Xs2aResponse> {
    const url = this.urlFor(req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-request-id': randomUUID(),
      ...(payload && { 'content-type': 'application/json', 'content-length': String(payload.length) }),
      ...(req.consentId !== undefined && { 'consent-id': req.consentId }),
      ...(req.psuIpAddress !== undefined && { 'psu-ip-address': req.psuIpAddress }),
      ...req.headers,
    };
    this.requests++;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise<Xs2aResponse>((resolve, reject) => {
      const r = lib.request(url, { method: req.method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          if (text.trim() !== '' && /json/i.test(String(res.headers['content-type'] ?? 'application/json'))) {
            try {
              body = JSON.parse(text);
            } catch {
              body = undefined;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      });
      r.setTimeout(this.timeoutMs, () => r.destroy(new Error(`timeout after ${this.timeoutMs} ms`)));
      r.on('error', reject);
      if (payload) r.write(payload);
      r.end();
    });
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ?? e.message ?? 'error';
}

/** The first tppMessage's code and text of an XS2A error body, if it has one. */
export function tppMessage(body: unknown): { code: string; text: string } | undefined {
  const msgs = (body as { tppMessages?: Array<{ code?: unknown; text?: unknown }> } | undefined)?.tppMessages;
  const m = Array.isArray(msgs) ? msgs[0] : undefined;
  if (!m || typeof m.code !== 'string') return undefined;
  return { code: m.code, text: typeof m.text === 'string' ? m.text : '' };
}
