// Header rules shared by the XS2A routes.
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { formatError, XsError } from './errors.js';
import { type BankProfile, profileFor } from './profiles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The bank addressed by `/{bankId}/…` (404 RESOURCE_UNKNOWN for an unknown one). */
export function bankOf(request: FastifyRequest): BankProfile {
  const bankId = (request.params as { bankId?: string }).bankId ?? '';
  const profile = profileFor(bankId);
  if (!profile) throw new XsError(404, 'RESOURCE_UNKNOWN', `There is no bank "${bankId}" here`);
  return profile;
}

/** `X-Request-ID` is mandatory on every XS2A call and must be a UUID. */
export function requireRequestId(request: FastifyRequest): string {
  const id = header(request, 'x-request-id');
  if (!id) throw formatError('The X-Request-ID header is missing');
  if (!UUID.test(id)) throw formatError('The X-Request-ID header must be a UUID');
  return id;
}

/** `PSU-IP-Address` when sent (the PSU is present), validated; null when absent. */
export function psuIpAddress(request: FastifyRequest): string | null {
  const value = header(request, 'psu-ip-address');
  if (value === undefined) return null;
  const ip = value.trim();
  if (isIP(ip) === 0) throw formatError('The PSU-IP-Address header is not an IP address');
  return ip;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** One query parameter as a string (a repeated parameter is a format error). */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw formatError(`The query parameter ${name} must be given once`);
  return value;
}
