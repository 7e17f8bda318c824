import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type BuildValidator = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

/**
 * Query strings and path parameters arrive as text, so they are coerced to the schema's types
 * ("50" → 50); JSON bodies already carry types and are never coerced: `"bank_id": ["raiffeisen"]`
 * or `"app_name": 123` is INVALID_FIELD, not silently turned into a string.
 */
export function strictBodyValidator(): BuildValidator {
  const pool = AjvCompiler();
  return (externalSchemas, ajvOptions) => {
    const opts = ajvOptions as { customOptions?: Record<string, unknown> };
    const coercing = pool(externalSchemas, opts);
    const strict = pool(externalSchemas, {
      ...opts,
      customOptions: { ...opts.customOptions, coerceTypes: false },
    });
    return (route) => {
      if (route.httpPart === 'body') return strict(route);
      const validate = coercing(route);
      if (route.httpPart !== 'querystring') return validate;
      // Keeps Ajv's own properties (schema, …) on the wrapper; Fastify reads only the call and .errors.
      return Object.assign(finiteNumbersOnly(validate as Validator), {
        schema: validate.schema,
        schemaEnv: validate.schemaEnv,
      }) as unknown as typeof validate;
    };
  };
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/**
 * Ajv coerces "1e309" or "Infinity" to Infinity and then lets it past `maximum` (with a default
 * present), and reads "0x10" or "1e2" as numbers too. A number in a query string is written in
 * plain decimal digits and is finite; anything else is INVALID_FIELD, like any other bad value.
 */
const DECIMAL = /^-?\d{1,20}(\.\d{1,20})?$/;

function finiteNumbersOnly(validate: Validator): Validator {
  const wrapped: Validator = (data) => {
    const raw = { ...(data as Record<string, unknown>) };
    if (!validate(data)) {
      wrapped.errors = validate.errors;
      return false;
    }
    for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
      const given = raw[name];
      if (
        typeof value === 'number' &&
        (!Number.isFinite(value) || (typeof given === 'string' && !DECIMAL.test(given)))
      ) {
        wrapped.errors = [
          {
            keyword: 'type',
            instancePath: `/${name}`,
            params: {},
            message: 'must be a whole number in decimal digits',
          },
        ];
        return false;
      }
    }
    wrapped.errors = null;
    return true;
  };
  return wrapped;
}
