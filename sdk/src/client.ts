import { type ErrorBody, OpenDinarConnectionError, OpenDinarError } from './errors.js';
import type { components, operations } from './generated/openapi.js';
import { OPERATIONS } from './generated/operations.js';
import { verifyWebhook } from './webhooks.js';

export type Schemas = components['schemas'];
export type OperationId = keyof operations & keyof typeof OPERATIONS;
type Op<K extends OperationId> = operations[K];

type PathOf<K extends OperationId> = Op<K>['parameters'] extends { path: infer P } ? P : never;
type QueryOf<K extends OperationId> = Op<K>['parameters'] extends { query?: infer Q }
  ? Exclude<Q, undefined>
  : never;
type RequestBodyOf<K extends OperationId> = NonNullable<Op<K>['requestBody']>;
type BodyOf<K extends OperationId> = [RequestBodyOf<K>] extends [never]
  ? never
  : RequestBodyOf<K> extends { content: { 'application/json': infer B } }
    ? B
    : never;
type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

/** The success body of an operation (its 2xx answer). */
export type ResponseOf<K extends OperationId> = {
  [S in keyof Op<K>['responses']]: S extends 200 | 201 | 202 | 204 ? ContentOf<Op<K>['responses'][S]> : never;
}[keyof Op<K>['responses']];

/** The error codes an operation can answer, from its declared error responses. */
export type ErrorCodeOf<K extends OperationId> = {
  [S in keyof Op<K>['responses']]: S extends 200 | 201 | 202 | 204
    ? never
    : ContentOf<Op<K>['responses'][S]> extends { error_code?: infer C }
      ? C
      : never;
}[keyof Op<K>['responses']];

export interface CallOptions {
  /** Sent as Idempotency-Key; also makes a POST safe to retry. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Overrides the client's maxRetries for this call. */
  maxRetries?: number;
}

export type RequestOptions<K extends OperationId> = ([PathOf<K>] extends [never] | [undefined]
  ? { path?: undefined }
  : { path: PathOf<K> }) &
  ([QueryOf<K>] extends [never] ? { query?: undefined } : { query?: QueryOf<K> }) &
  ([BodyOf<K>] extends [never]
    ? { body?: undefined }
    : undefined extends Op<K>['requestBody']
      ? { body?: BodyOf<K> }
      : { body: BodyOf<K> }) &
  CallOptions;

type OperationMethods = {
  [K in OperationId]: {} extends RequestOptions<K>
    ? (options?: RequestOptions<K>) => Promise<ResponseOf<K>>
    : (options: RequestOptions<K>) => Promise<ResponseOf<K>>;
};

export interface ClientOptions {
  /** od_test_sk_… / od_live_sk_… (or a link_ token) for the banking endpoints. */
  apiKey?: string;
  /** devses_… developer session for the /developers endpoints. */
  sessionToken?: string;
  /** Default: OPENDINAR_API_URL, else http://localhost:3000. */
  baseUrl?: string;
  /** Retries of a safe request (GET, or any call with an idempotencyKey) on 429, 5xx and network errors. Default 2. */
  maxRetries?: number;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Longest single wait between retries, Retry-After included. Default 30 s. */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
}

export type Transaction = Schemas['Transaction'];
export type SyncChange =
  | { type: 'added' | 'modified'; transaction: Transaction; cursor: string; pageEnd: boolean }
  | { type: 'removed'; id: string; cursor: string; pageEnd: boolean };

/**
 * Cursor sync as an async iterator. Each change carries its page's `next_cursor`; save `cursor`
 * (or `sync.cursor`, updated once a page is fully consumed) to resume from where you stopped.
 */
export interface TransactionSync extends AsyncIterable<SyncChange> {
  /** The cursor after the last fully consumed page (the starting cursor before that). */
  readonly cursor: string;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const VERSION = '0.1.0';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

class OpenDinarBase {
  readonly baseUrl: string;
  private readonly options: ClientOptions;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions = {}) {
    this.options = options;
    this.baseUrl = (options.baseUrl ?? process.env.OPENDINAR_API_URL ?? 'http://localhost:3000').replace(
      /\/+$/,
      '',
    );
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    for (const id of Object.keys(OPERATIONS) as OperationId[]) {
      (this as unknown as Record<string, unknown>)[id] = (opts?: RequestOptions<typeof id>) =>
        this.call(id, opts);
    }
  }

  /** Calls one operation by its operationId. */
  async call<K extends OperationId>(id: K, options?: RequestOptions<K>): Promise<ResponseOf<K>> {
    const spec = OPERATIONS[id];
    const opts = (options ?? {}) as {
      path?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
    } & CallOptions;
    const path = spec.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const value = opts.path?.[name];
      if (value === undefined) throw new TypeError(`${id}: missing path parameter '${name}'`);
      return encodeURIComponent(String(value));
    });
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(opts.query ?? {})) {
      if (v === undefined || v === null) continue;
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': `opendinar-node/${VERSION}`,
    };
    const token =
      spec.auth === 'session'
        ? this.options.sessionToken
        : spec.auth === 'key'
          ? this.options.apiKey
          : undefined;
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const safe = spec.method === 'GET' || Boolean(opts.idempotencyKey);
    const res = await this.send(url, {
      method: spec.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      retries: safe ? (opts.maxRetries ?? this.options.maxRetries ?? 2) : 0,
      signal: opts.signal,
    });
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('json') ? await res.json() : await res.text()) as ResponseOf<K>;
  }

  private async send(
    url: URL,
    init: {
      method: string;
      headers: Record<string, string>;
      body?: string;
      retries: number;
      signal?: AbortSignal;
    },
  ): Promise<Response> {
    const maxDelay = this.options.maxRetryDelayMs ?? 30_000;
    for (let attempt = 0; ; attempt++) {
      let res: Response | undefined;
      let failure: unknown;
      try {
        const signals = [AbortSignal.timeout(this.options.timeoutMs ?? 30_000)];
        if (init.signal) signals.push(init.signal);
        res = await this.fetchImpl(url, {
          method: init.method,
          headers: init.headers,
          body: init.body,
          signal: AbortSignal.any(signals),
        });
      } catch (err) {
        if (init.signal?.aborted) throw err;
        failure = err;
      }
      if (res?.ok) return res;
      const retryAfter = res ? parseRetryAfter(res.headers.get('retry-after')) : undefined;
      const retryable = res === undefined || RETRY_STATUSES.has(res.status);
      if (!retryable || attempt >= init.retries) {
        if (!res) {
          throw new OpenDinarConnectionError(
            `${init.method} ${url.pathname} failed: ${(failure as Error)?.message ?? failure}`,
            { cause: failure },
          );
        }
        throw await toError(res, retryAfter);
      }
      // Honour Retry-After; otherwise exponential backoff (0.5 s, 1 s, 2 s, …) with full jitter.
      const backoff = Math.min(maxDelay, 500 * 2 ** attempt);
      const delay =
        retryAfter !== undefined
          ? Math.min(maxDelay, retryAfter * 1000)
          : backoff / 2 + Math.random() * (backoff / 2);
      await res?.body?.cancel().catch(() => undefined);
      await sleep(delay, init.signal);
    }
  }

  /** Transactions: pages and sync loops over GET /accounts/{id}/transactions. */
  readonly transactions = {
    /** Every transaction matching the filter, newest first, fetched page by page (offset paging). */
    list: (
      accountId: string,
      filter: { from?: string; to?: string; category?: string; pageSize?: number } = {},
    ): AsyncIterable<Transaction> => {
      const client = this as unknown as OpenDinar;
      const { pageSize = 200, ...rest } = filter;
      return {
        async *[Symbol.asyncIterator]() {
          for (let offset = 0; ; ) {
            const page = (await client.listTransactions({
              path: { id: accountId },
              query: { ...rest, limit: pageSize, offset } as never,
            })) as Schemas['TransactionList'];
            yield* page.transactions;
            offset += page.transactions.length;
            if (!page.has_more || page.transactions.length === 0) return;
          }
        },
      };
    },

    /**
     * Cursor sync: every added, modified and removed transaction since `cursor` (omit it or pass ''
     * for the full history), across pages, until has_more is false.
     */
    sync: (accountId: string, cursor = '', options: { pageSize?: number } = {}): TransactionSync => {
      const client = this as unknown as OpenDinar;
      const state = { cursor };
      return {
        get cursor() {
          return state.cursor;
        },
        async *[Symbol.asyncIterator]() {
          for (;;) {
            const page = (await client.listTransactions({
              path: { id: accountId },
              query: { cursor: state.cursor, limit: options.pageSize ?? 500 } as never,
            })) as Schemas['TransactionSync'];
            const next = page.next_cursor;
            const changes: SyncChange[] = [
              ...page.added.map((t) => ({
                type: 'added' as const,
                transaction: t,
                cursor: next,
                pageEnd: false,
              })),
              ...page.modified.map((t) => ({
                type: 'modified' as const,
                transaction: t,
                cursor: next,
                pageEnd: false,
              })),
              ...page.removed.map((r) => ({
                type: 'removed' as const,
                id: r.id,
                cursor: next,
                pageEnd: false,
              })),
            ];
            const last = changes.at(-1);
            if (last) last.pageEnd = true;
            yield* changes;
            state.cursor = next;
            if (!page.has_more) return;
          }
        },
      };
    },
  };

  /** Webhook verification (see verifyWebhook). */
  readonly webhooks = { verify: verifyWebhook };
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toError(res: Response, retryAfter: number | undefined): Promise<OpenDinarError> {
  const text = await res.text().catch(() => '');
  let body: Partial<ErrorBody> = {};
  try {
    body = JSON.parse(text) as Partial<ErrorBody>;
  } catch {
    body = {};
  }
  return new OpenDinarError(
    res.status,
    {
      error_type: body.error_type ?? 'API_ERROR',
      error_code: body.error_code ?? 'INTERNAL_ERROR',
      error_message: body.error_message ?? (text.slice(0, 200) || `HTTP ${res.status}`),
      docs: body.docs ?? '',
      request_id: body.request_id ?? res.headers.get('x-request-id') ?? '',
    },
    retryAfter,
  );
}

/** The OpenDinar API client: one method per operation (named by its operationId) plus helpers. */
export type OpenDinar = OpenDinarBase & OperationMethods;
export const OpenDinar = OpenDinarBase as unknown as new (options?: ClientOptions) => OpenDinar;
