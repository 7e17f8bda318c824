import type { RouteOptions } from 'fastify';
import { PASSWORD_MIN_LENGTH } from '../developers/passwords.js';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import type { AuthMode } from '../http/principals.js';
import { IDEMPOTENT_ROUTES } from '../idempotency/plugin.js';
import {
  COMPONENTS,
  HIDDEN_PREFIXES,
  HIDDEN_ROUTES,
  OPERATIONS,
  type OperationDoc,
  TAGS,
  WEBHOOK_EVENTS,
} from './operations.js';

/**
 * Turns what @fastify/swagger generates from the route schemas into the whole truth: names, tags,
 * security, every error each operation can answer, response headers, shared components, servers
 * and the webhook events. Everything here is derived from the route config, the one error table
 * (errors.ts) and the table in operations.ts — no route file needs to know about the document.
 */

/** What the document needs to know about a registered route, collected by an onRoute hook. */
export interface RouteFacts {
  /** "METHOD /path" with path parameters as `{name}`. */
  key: string;
  method: string;
  path: string;
  auth: AuthMode;
  scope: boolean;
  sandboxOnly: boolean;
  accountParam: boolean;
  hidden: boolean;
}

export const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The routes this app registered (HEAD/OPTIONS twins left out), for the document and its tests. */
export function routeFacts(route: RouteOptions): RouteFacts[] {
  const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
    (m) => m !== 'HEAD' && m !== 'OPTIONS',
  );
  const config = (route.config ?? {}) as {
    auth?: AuthMode;
    scope?: string;
    sandboxOnly?: boolean;
    accountParam?: boolean;
  };
  const path = openApiPath(route.url);
  const schema = route.schema as { hide?: boolean } | undefined;
  return methods.map((method) => ({
    key: `${method} ${path}`,
    method,
    path,
    auth: config.auth ?? 'public',
    scope: Boolean(config.scope),
    sandboxOnly: Boolean(config.sandboxOnly),
    accountParam: Boolean(config.accountParam),
    hidden: Boolean(schema?.hide) || HIDDEN_PREFIXES.some((p) => path.startsWith(p)),
  }));
}

/** Rate-limit headers the server sends on the operations flagged `rateLimitHeaders`. */
export const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

const CODE_ORDER = Object.keys(ERROR_CODES) as ErrorCode[];

/** Every error code an operation can answer: its own (table) plus the ones its kind answers by rule. */
export function errorCodesFor(facts: RouteFacts, op: OperationDoc | undefined): ErrorCode[] {
  const codes = new Set<ErrorCode>(op?.errors ?? []);
  // Any request: a malformed one, a NUL in the URL, a bad parameter, a failure, a shutdown.
  for (const c of ['MALFORMED_REQUEST', 'INVALID_FIELD', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'] as const)
    codes.add(c);
  if (facts.method !== 'GET') {
    for (const c of [
      'INVALID_JSON',
      'MISSING_FIELDS',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
    ] as const)
      codes.add(c);
  }
  if (facts.auth === 'key' || facts.auth === 'key-or-link') {
    for (const c of ['MISSING_API_KEY', 'INVALID_API_KEY', 'REVOKED_API_KEY', 'RATE_LIMIT_EXCEEDED'] as const)
      codes.add(c);
  }
  if (facts.auth === 'developer') {
    for (const c of [
      'MISSING_DEV_TOKEN',
      'INVALID_DEV_TOKEN',
      'EXPIRED_DEV_TOKEN',
      'INVALID_CSRF_TOKEN',
      'RATE_LIMIT_EXCEEDED',
    ] as const)
      codes.add(c);
  }
  // A body trickled in slower than the request timeout (http/drain.ts, config requestTimeoutMs).
  if (facts.method !== 'GET') codes.add('REQUEST_TIMEOUT');
  if (facts.method === 'POST' && IDEMPOTENT_ROUTES.has(facts.path.replace(/\{(\w+)\}/g, ':$1'))) {
    codes.add('IDEMPOTENCY_KEY_REUSED');
    codes.add('IDEMPOTENCY_KEY_IN_USE');
  }
  if (facts.scope) codes.add('INSUFFICIENT_PERMISSIONS');
  if (facts.sandboxOnly) codes.add('NOT_SANDBOX_KEY');
  if (facts.accountParam) codes.add('ACCOUNT_NOT_FOUND');
  return CODE_ORDER.filter((c) => codes.has(c));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Bad gateway',
  503: 'Unavailable',
};

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The serializer writes declared properties only: say so, so validators catch undeclared ones. */
function closeObjects(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) closeObjects(n);
    return;
  }
  const o = node as Json;
  if (o.type === 'object' && o.properties && o.additionalProperties === undefined)
    o.additionalProperties = false;
  for (const v of Object.values(o)) closeObjects(v);
}

function pointer(root: unknown, ptr: string): unknown {
  let node = root;
  for (const part of ptr.split('/').slice(1)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function errorComponent(): Json {
  return {
    type: 'object',
    description:
      'Every error OpenDinar answers. `docs` links to the code in the error reference; quote `request_id` to support.',
    required: ['error_type', 'error_code', 'error_message', 'docs', 'request_id'],
    additionalProperties: false,
    properties: {
      error_type: { type: 'string', enum: ['AUTH_ERROR', 'INVALID_REQUEST', 'ITEM_ERROR', 'API_ERROR'] },
      error_code: { type: 'string', enum: CODE_ORDER },
      error_message: { type: 'string', description: 'Human-readable; may change. Branch on error_code.' },
      docs: { type: 'string', format: 'uri' },
      request_id: { type: 'string', description: 'Same as the X-Request-Id header' },
    },
  };
}

function webhookComponents(): { schemas: Json; webhooks: Json } {
  const schemas: Json = {};
  const webhooks: Json = {};
  for (const [event, doc] of Object.entries(WEBHOOK_EVENTS)) {
    const [type, code] = event.split('.') as [string, string];
    const name = `WebhookEvent${event
      .toLowerCase()
      .split(/[._]/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}`;
    const fields: Json = {};
    for (const [field, f] of Object.entries(doc.fields)) {
      fields[field] = { type: f.nullable ? ['string', 'null'] : 'string', description: f.description };
    }
    schemas[name] = {
      type: 'object',
      description: `${doc.summary}. New fields may be added; ignore the ones you do not know.`,
      required: [
        'webhook_type',
        'webhook_code',
        ...Object.keys(doc.fields),
        'timestamp',
        'event_id',
        'environment',
      ],
      properties: {
        webhook_type: { type: 'string', const: type },
        webhook_code: { type: 'string', const: code },
        ...fields,
        timestamp: { type: 'integer', description: 'Unix seconds when the event happened' },
        event_id: { type: 'string', description: 'evt_… — the same on every redelivery; de-duplicate on it' },
        environment: { type: 'string', enum: ['sandbox', 'live'] },
      },
    };
    webhooks[event] = {
      post: {
        operationId: `webhook${name.slice('WebhookEvent'.length)}`,
        summary: doc.summary,
        tags: ['Webhook events'],
        security: [],
        parameters: [
          {
            in: 'header',
            name: 'OpenDinar-Signature',
            required: true,
            description:
              '`t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`; during a secret rotation a second `v1=`.',
            schema: { type: 'string' },
          },
          {
            in: 'header',
            name: 'OpenDinar-Event-Id',
            required: false,
            description: 'The event_id of the body',
            schema: { type: 'string' },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref(name) } } },
        responses: {
          '200': {
            description:
              'Any 2xx acknowledges the delivery; anything else (or a timeout) is retried with backoff.',
          },
        },
      },
    };
  }
  schemas.WebhookEvent = { oneOf: Object.keys(schemas).map(ref) };
  return { schemas, webhooks };
}

interface OpenApiObject extends Json {
  paths?: Record<string, Record<string, Json>>;
  components?: Json & { schemas?: Json; headers?: Json };
}

/** The whole document, rebuilt from what @fastify/swagger generated and the collected route facts. */
export function completeDocument(
  generated: OpenApiObject,
  routes: ReadonlyMap<string, RouteFacts>,
  publicUrl: string,
): OpenApiObject {
  const doc = structuredClone(generated);
  const paths = doc.paths ?? {};
  doc.components ??= {};
  const components = doc.components;
  components.headers = {
    'X-Request-Id': {
      description: 'The id of this request (also `request_id` in error bodies); quote it to support.',
      schema: { type: 'string' },
    },
    'Retry-After': {
      description: 'Seconds to wait before retrying.',
      schema: { type: 'integer', minimum: 0 },
    },
    ...Object.fromEntries(
      RATE_LIMIT_HEADERS.map((h) => [
        h,
        {
          description: {
            'X-RateLimit-Limit': 'Requests allowed in the current window.',
            'X-RateLimit-Remaining': 'Requests left in the current window.',
            'X-RateLimit-Reset': 'Seconds until the window resets.',
          }[h],
          schema: { type: 'integer', minimum: 0 },
        },
      ]),
    ),
    // Published limits on every authenticated answer (ratelimit/plugin.ts).
    'RateLimit-Limit': {
      description: 'Requests this key or developer session may make in the current window.',
      schema: { type: 'integer', minimum: 0 },
    },
    'RateLimit-Remaining': {
      description: 'Requests left in the current window.',
      schema: { type: 'integer', minimum: 0 },
    },
    'RateLimit-Reset': {
      description: 'Seconds until the current window resets.',
      schema: { type: 'integer', minimum: 0 },
    },
  };

  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      const facts = routes.get(key);
      const table = OPERATIONS[key];
      if (!facts) continue;
      if (table) {
        op.operationId = table.operationId;
        op.tags = [table.tag];
      }
      op.security =
        facts.auth === 'public'
          ? []
          : facts.auth === 'developer'
            ? [{ developerSession: [] }]
            : [{ apiKey: [] }];
      const rateHeaders = {
        ...(table?.rateLimitHeaders && Object.fromEntries(RATE_LIMIT_HEADERS.map((h) => [h, headerRef(h)]))),
        ...(facts.auth !== 'public' &&
          Object.fromEntries(
            ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'].map((h) => [h, headerRef(h)]),
          )),
      };
      if (method === 'post' && IDEMPOTENT_ROUTES.has(facts.path.replace(/\{(\w+)\}/g, ':$1'))) {
        op.parameters ??= [];
        const parameters = op.parameters as Json[];
        parameters.push({
          in: 'header',
          name: 'Idempotency-Key',
          required: false,
          description:
            'Makes a retry safe: the first answer is stored for 24 h and replayed (with `Idempotent-Replayed: true`); ' +
            'the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED, while the first runs → 409 IDEMPOTENCY_KEY_IN_USE.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        });
      }
      op.responses ??= {};
      const responses = op.responses as Record<string, Json>;
      for (const [status, res] of Object.entries(responses)) {
        if (res.description === 'Default Response') res.description = 'Success';
        if (!res.content && table?.contentType && status.startsWith('2')) {
          res.content = { [table.contentType]: { schema: { type: 'string' } } };
        }
        res.headers = { 'X-Request-Id': headerRef('X-Request-Id'), ...rateHeaders };
        closeObjects(res.content);
      }
      if (table?.redirect) {
        delete responses['200'];
        responses['302'] = {
          description: table.redirect,
          headers: {
            'X-Request-Id': headerRef('X-Request-Id'),
            Location: { description: 'Where the browser goes next', schema: { type: 'string' } },
          },
        };
      }
      if (table?.notModified) {
        responses['304'] = {
          description: 'Not modified: the If-None-Match header matched the current ETag.',
          headers: { 'X-Request-Id': headerRef('X-Request-Id') },
        };
      }
      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of errorCodesFor(facts, table)) {
        const status = ERROR_CODES[code].status;
        byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      }
      for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
        const headers: Json = { 'X-Request-Id': headerRef('X-Request-Id'), ...rateHeaders };
        if (status === 429 || status === 503) headers['Retry-After'] = headerRef('Retry-After');
        responses[String(status)] = {
          description: `${STATUS_TEXT[status] ?? 'Error'}: ${codes.join(', ')}`,
          headers,
          content: {
            'application/json': {
              schema: {
                allOf: [ref('Error')],
                properties: { error_code: { type: 'string', enum: codes } },
              },
            },
          },
        };
      }
    }
  }

  // Parameter truths the route schemas cannot state without changing which error code answers.
  const register = paths['/developers/register']?.post as Json | undefined;
  const registerBody = pointer(register, '/requestBody/content/application~1json/schema/properties') as
    | Record<string, Json>
    | undefined;
  if (registerBody?.email && registerBody.password) {
    registerBody.email.format = 'email';
    registerBody.password.minLength = PASSWORD_MIN_LENGTH;
  }

  // Shared components: take each from its place, then point every identical schema at it.
  const schemas: Json = { ...(components.schemas ?? {}), Error: errorComponent() };
  for (const [name, where] of Object.entries(COMPONENTS)) {
    const [method, path, status, ptr = ''] = where.split(' ') as [string, string, string, string?];
    const responseSchema = pointer(
      paths[path]?.[method.toLowerCase()],
      `/responses/${status}/content/application~1json/schema`,
    );
    const found = ptr ? pointer(responseSchema, ptr) : responseSchema;
    if (found && typeof found === 'object') schemas[name] = structuredClone(found);
  }
  const byCanonical = new Map<string, string>();
  for (const name of Object.keys(COMPONENTS)) {
    if (schemas[name]) byCanonical.set(canonical(schemas[name]), name);
  }
  const share = (node: unknown, self?: string): unknown => {
    if (!node || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map((n) => share(n, self));
    const name = byCanonical.get(canonical(node));
    if (name && name !== self) return ref(name);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, share(v, self)]));
  };
  for (const name of Object.keys(COMPONENTS)) {
    if (schemas[name]) schemas[name] = share(schemas[name], name);
  }
  for (const ops of Object.values(paths)) {
    for (const op of Object.values(ops)) {
      optionalBody(op);
      for (const res of Object.values((op.responses ?? {}) as Record<string, Json>)) {
        if (res.content) res.content = share(res.content);
      }
    }
  }

  const webhook = webhookComponents();
  Object.assign(schemas, webhook.schemas);
  components.schemas = schemas;
  doc.webhooks = webhook.webhooks;
  doc.tags = [
    ...Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    {
      name: 'Webhook events',
      description:
        'What OpenDinar POSTs to your webhook URLs, signed with `OpenDinar-Signature` (see the webhooks section of /docs).',
    },
  ];
  doc.servers = [
    { url: '/', description: 'This server (relative)' },
    ...(publicUrl && publicUrl !== '/' ? [{ url: publicUrl, description: 'OPENDINAR_PUBLIC_URL' }] : []),
  ];
  return doc;
}

/**
 * A route whose body schema is `Type.Optional(X)` (e.g. POST /accounts/:id/sync) comes out of the
 * generator as a required body of `X | null`; say what the server does: the body may be left out.
 */
function optionalBody(op: Json): void {
  const body = op.requestBody as Json | undefined;
  const media = (body?.content as Json | undefined)?.['application/json'] as Json | undefined;
  const variants = (media?.schema as Json | undefined)?.anyOf as Json[] | undefined;
  if (!body || !media || !variants || variants.length !== 2) return;
  const rest = variants.filter((v) => v.type !== 'null');
  if (rest.length !== 1) return;
  media.schema = rest[0];
  body.required = false;
}

/** True when a registered route is accounted for: documented in OPERATIONS or hidden on purpose. */
export function isAccountedFor(facts: RouteFacts): boolean {
  if (facts.hidden)
    return HIDDEN_ROUTES.has(facts.key) || HIDDEN_PREFIXES.some((p) => facts.path.startsWith(p));
  return OPERATIONS[facts.key] !== undefined;
}
