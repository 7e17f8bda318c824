// Validates bank-sim's XS2A answers against the official Berlin Group OpenAPI file (NextGenPSD2 1.3.11,
// © The Berlin Group, CC-BY 4.0), read from ../shared/specs/berlin-group/ next to the repository — never
// copied into it. The file is OpenAPI 3.0; its schemas are turned into JSON Schema (nullable, boolean
// exclusiveMinimum) and compiled with ajv, $refs resolved inside the same document.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export const SPEC_URL = new URL(
  '../../../../shared/specs/berlin-group/psd2-api_v1.3.11.yaml',
  import.meta.url,
);

type Json = Record<string, unknown>;

/** OpenAPI 3.0 schema keywords → JSON Schema draft-07. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'example' || key === 'examples') continue;
    out[key] = toJsonSchema(value);
  }
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[exclusive] === 'boolean') {
      if (out[exclusive] === true && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      } else {
        delete out[exclusive];
      }
    }
  }
  return out;
}

interface Spec {
  doc: Json;
  ajv: Ajv;
  cache: Map<string, ValidateFunction>;
}

let loaded: Spec | null = null;

function spec(): Spec {
  if (loaded) return loaded;
  const doc = toJsonSchema(parse(readFileSync(SPEC_URL, 'utf8'))) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  // ajv-formats is CommonJS; its default export arrives wrapped under ESM.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as unknown as (a: Ajv) => void;
  addFormats(ajv);
  ajv.addSchema(doc, 'psd2.json');
  loaded = { doc, ajv, cache: new Map() };
  return loaded;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function resolve(doc: Json, ref: string): { value: Json; pointer: string } {
  const pointer = ref.slice(1);
  let value: unknown = doc;
  for (const part of pointer.split('/').slice(1)) {
    value = (value as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return { value: value as Json, pointer };
}

/** The spec's path template for one of bank-sim's paths (`/{bankId}/v1/...`), or null for non-XS2A paths. */
export function templateOf(path: string): string | null {
  const p = path.split('?', 1)[0]?.replace(/^\/[^/]+/, '') ?? '';
  const rules: [RegExp, string][] = [
    [/^\/v1\/consents$/, '/v1/consents'],
    [/^\/v1\/consents\/[^/]+$/, '/v1/consents/{consentId}'],
    [/^\/v1\/consents\/[^/]+\/status$/, '/v1/consents/{consentId}/status'],
    [/^\/v1\/accounts$/, '/v1/accounts'],
    [/^\/v1\/accounts\/[^/]+$/, '/v1/accounts/{account-id}'],
    [/^\/v1\/accounts\/[^/]+\/balances$/, '/v1/accounts/{account-id}/balances'],
    [/^\/v1\/accounts\/[^/]+\/transactions$/, '/v1/accounts/{account-id}/transactions'],
  ];
  for (const [re, template] of rules) if (re.test(p)) return template;
  return null;
}

export interface SpecCheck {
  template: string;
  method: string;
  status: number;
  /** Where the schema came from (e.g. "#/components/responses/OK_200_AccountList"). */
  response: string;
}

/**
 * Validate one answer against the spec: the status must be one the operation declares, and a JSON body
 * must match that response's application/json schema (a 204 must have no body). Throws on a mismatch.
 */
export function validateAgainstSpec(
  template: string,
  method: string,
  status: number,
  body: unknown,
  hasBody: boolean,
): SpecCheck {
  const { doc, ajv, cache } = spec();
  const op = ((doc.paths as Json)[template] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  if (!op) throw new Error(`spec has no operation ${method} ${template}`);
  let response = (op.responses as Json)[String(status)] as Json | undefined;
  if (!response) throw new Error(`spec does not allow status ${status} for ${method} ${template}`);
  let pointer = `#/paths/${escapePointer(template)}/${method.toLowerCase()}/responses/${status}`;
  if (typeof response.$ref === 'string') {
    const r = resolve(doc, response.$ref);
    response = r.value;
    pointer = `#${r.pointer}`;
  }
  const content = response.content as Json | undefined;
  if (!content) {
    if (hasBody) throw new Error(`${method} ${template} ${status} must have no body (${pointer})`);
    return { template, method, status, response: pointer };
  }
  if (!content['application/json']) throw new Error(`${pointer} has no application/json content`);
  const schemaPointer = `psd2.json${pointer}/content/application~1json/schema`;
  let validate = cache.get(schemaPointer);
  if (!validate) {
    validate = ajv.compile({ $ref: schemaPointer });
    cache.set(schemaPointer, validate);
  }
  if (!validate(body)) {
    throw new Error(
      `${method} ${template} ${status} does not match ${pointer}: ${ajv.errorsText(validate.errors, { separator: '; ' })}\nbody: ${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
  return { template, method, status, response: pointer };
}
