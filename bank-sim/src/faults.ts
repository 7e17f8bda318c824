// Injected faults (POST /sim/faults): they apply to every request except /sim/…, first match wins.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_STATUS, tppBody } from './errors.js';

export type FaultKind = 'error' | 'status' | 'slow' | 'drop';

export interface Fault {
  id: string;
  bankId: string | null;
  method: string | null;
  pathPattern: string | null;
  regex: RegExp | null;
  kind: FaultKind;
  status: number | null;
  code: string | null;
  delayMs: number;
  /** Remaining uses; null = until cleared. */
  times: number | null;
}

export interface FaultInput {
  bankId?: unknown;
  method?: unknown;
  pathPattern?: unknown;
  kind?: unknown;
  status?: unknown;
  code?: unknown;
  delayMs?: unknown;
  times?: unknown;
}

const KINDS: readonly FaultKind[] = ['error', 'status', 'slow', 'drop'];

/** Validate a fault description; returns an error message or the fault (without id). */
export function parseFault(input: FaultInput): Omit<Fault, 'id'> | string {
  if (typeof input !== 'object' || input === null) return 'body must be a JSON object';
  const kind = input.kind as FaultKind;
  if (!KINDS.includes(kind)) return `kind must be one of ${KINDS.join(', ')}`;
  const str = (v: unknown, name: string): string | null | Error => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v === '') return new Error(`${name} must be a non-empty string`);
    return v;
  };
  const bankId = str(input.bankId, 'bankId');
  const method = str(input.method, 'method');
  const pathPattern = str(input.pathPattern, 'pathPattern');
  const code = str(input.code, 'code');
  for (const v of [bankId, method, pathPattern, code]) if (v instanceof Error) return v.message;
  let regex: RegExp | null = null;
  if (typeof pathPattern === 'string') {
    try {
      regex = new RegExp(pathPattern);
    } catch {
      return 'pathPattern is not a valid regular expression';
    }
  }
  const intOr = (v: unknown, name: string, min: number, max: number): number | null | Error => {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      return new Error(`${name} must be an integer from ${min} to ${max}`);
    }
    return v;
  };
  const status = intOr(input.status, 'status', 100, 599);
  const delayMs = intOr(input.delayMs, 'delayMs', 0, 600_000);
  const times = intOr(input.times, 'times', 1, 1_000_000);
  for (const v of [status, delayMs, times]) if (v instanceof Error) return v.message;
  if (kind === 'slow' && delayMs === null) return 'kind slow needs delayMs';
  return {
    bankId: bankId as string | null,
    method: method === null ? null : (method as string).toUpperCase(),
    pathPattern: pathPattern as string | null,
    regex,
    kind,
    status: status as number | null,
    code: code as string | null,
    delayMs: (delayMs as number | null) ?? 0,
    times: times as number | null,
  };
}

/** The first fault matching this request (its use counted), or null. */
export function takeFault(faults: Fault[], bankId: string, method: string, path: string): Fault | null {
  const i = faults.findIndex(
    (f) =>
      (f.bankId === null || f.bankId === bankId) &&
      (f.method === null || f.method === method) &&
      (f.regex === null || f.regex.test(path)),
  );
  if (i < 0) return null;
  const fault = faults[i] as Fault;
  if (fault.times !== null) {
    fault.times -= 1;
    if (fault.times <= 0) faults.splice(i, 1);
  }
  return fault;
}

export function publicFault(f: Fault) {
  return {
    id: f.id,
    bankId: f.bankId,
    method: f.method,
    pathPattern: f.pathPattern,
    kind: f.kind,
    status: f.status,
    code: f.code,
    delayMs: f.delayMs,
    times: f.times,
  };
}

/**
 * Act on a fault. Returns 'continue' when the request should go on (slow), 'answered' when the fault
 * answered it (error, status) and 'dropped' when the socket was destroyed.
 */
export async function applyFault(
  fault: Fault,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<'continue' | 'answered' | 'dropped'> {
  switch (fault.kind) {
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return 'continue';
    case 'drop':
      reply.hijack();
      request.raw.socket.destroy();
      return 'dropped';
    case 'status': {
      const status = fault.status ?? 503;
      reply
        .code(status)
        .header('content-type', 'text/html; charset=utf-8')
        .send(
          `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>gateway</center></body></html>\n`,
        );
      return 'answered';
    }
    case 'error': {
      const code = fault.code ?? 'INTERNAL_SERVER_ERROR';
      const status = fault.status ?? DEFAULT_STATUS[code] ?? 500;
      // The spec gives AIS 5xx answers no body ("no valid message codes"): only the status.
      if (status >= 500) reply.code(status).send();
      else reply.code(status).send(tppBody(code, `Injected fault: ${code}`));
      return 'answered';
    }
  }
}
