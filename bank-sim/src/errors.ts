// XS2A errors: `{tppMessages: [{category: "ERROR", code, text}]}` with the HTTP status the spec gives the code.

export type TppCode =
  | 'FORMAT_ERROR'
  | 'PERIOD_INVALID'
  | 'CONSENT_INVALID'
  | 'CONSENT_EXPIRED'
  | 'CONSENT_UNKNOWN'
  | 'RESOURCE_UNKNOWN'
  | 'SERVICE_BLOCKED'
  | 'ACCESS_EXCEEDED'
  | 'SERVICE_INVALID'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

/** The status a code is answered with unless a fault says otherwise. */
export const DEFAULT_STATUS: Readonly<Record<string, number>> = {
  FORMAT_ERROR: 400,
  PERIOD_INVALID: 400,
  CONSENT_INVALID: 401,
  CONSENT_EXPIRED: 401,
  CONSENT_UNKNOWN: 403,
  RESOURCE_UNKNOWN: 404,
  SERVICE_BLOCKED: 403,
  ACCESS_EXCEEDED: 429,
  SERVICE_INVALID: 405,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export class XsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${text}`);
  }
}

export function tppBody(code: string, text: string) {
  return { tppMessages: [{ category: 'ERROR', code, text }] };
}

export const formatError = (text: string) => new XsError(400, 'FORMAT_ERROR', text);
