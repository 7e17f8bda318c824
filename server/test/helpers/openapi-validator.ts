import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** One HTTP answer as the suite saw it (recorded by the onSend hook in helpers/app.ts). */
export interface RecordedResponse {
  method: string;
  /** The route pattern (`/accounts/:id`), or null when no route matched (404 ROUTE_NOT_FOUND). */
  route: string | null;
  url: string;
  status: number;
  contentType: string;
  /** The body as sent, or null when it was a stream or too large to record. */
  body: string | null;
  file?: string;
}

interface Doc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Validates real answers against the OpenAPI document the server publishes: the status must be
 * declared for the operation, the media type must be declared, and a JSON body must match the
 * declared schema (response objects are closed, so undeclared properties fail too).
 */
export function createResponseValidator(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, 'openapi');
  const validators = new Map<string, ReturnType<typeof ajv.getSchema>>();
  const schemaAt = (pointer: string) => {
    if (!validators.has(pointer)) validators.set(pointer, ajv.getSchema(`openapi#${pointer}`));
    return validators.get(pointer);
  };

  /** Problems with one answer (empty when it matches the document). */
  return function check(r: RecordedResponse): string[] {
    if (r.method === 'OPTIONS') return [];
    const method = (r.method === 'HEAD' ? 'GET' : r.method).toLowerCase();
    const where = `${r.method} ${r.url} → ${r.status}`;
    let pointer: string;
    if (r.route === null) {
      // No route matched: the answer must still be an error in the documented shape.
      if (r.status < 400) return [];
      pointer = '/components/schemas/Error';
    } else {
      const path = openApiPath(r.route);
      const op = doc.paths[path]?.[method];
      if (!op) {
        // Hidden routes (pages, assets): their errors still use the one documented shape.
        if (r.status < 400 || !r.contentType.includes('json')) return [];
        pointer = '/components/schemas/Error';
      } else {
        const response = op.responses[String(r.status)];
        if (!response)
          return [`${where}: status ${r.status} is not declared for ${method.toUpperCase()} ${path}`];
        if (r.method === 'HEAD' || r.body === null || r.body === '' || r.status === 204 || r.status === 304)
          return [];
        const media = r.contentType.split(';')[0]?.trim() ?? '';
        if (!response.content?.[media]) {
          return [
            `${where}: media type '${media}' is not declared for ${method.toUpperCase()} ${path} ${r.status}`,
          ];
        }
        if (!media.includes('json')) return [];
        pointer = `/paths/${esc(path)}/${method}/responses/${r.status}/content/${esc(media)}/schema`;
      }
    }
    if (r.body === null || r.method === 'HEAD') return [];
    let body: unknown;
    try {
      body = JSON.parse(r.body);
    } catch {
      return [`${where}: body is not JSON`];
    }
    const validate = schemaAt(pointer);
    if (!validate) return [`${where}: no schema at ${pointer}`];
    if (validate(body)) return [];
    return [
      `${where}: ${ajv.errorsText(validate.errors, { separator: '; ' })} — body ${r.body.slice(0, 300)}`,
    ];
  };
}
