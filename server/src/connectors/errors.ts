import { ApiError } from '../errors.js';
import { ConnectorError } from './types.js';

/** A connector's typed failure as the documented API error (with Retry-After where it helps). */
export function apiErrorOf(err: ConnectorError): ApiError {
  const retry = String(err.retryAfterSeconds ?? 60);
  switch (err.kind) {
    case 'consent_expired':
    case 'consent_revoked':
    case 'consent_invalid':
      return new ApiError('ITEM_LOGIN_REQUIRED');
    case 'access_limit':
      return new ApiError('BANK_ACCESS_LIMIT', undefined, { 'retry-after': retry });
    case 'bank_unavailable':
      return new ApiError('BANK_UNAVAILABLE', undefined, { 'retry-after': retry });
    case 'bad_data':
      return new ApiError(
        'BANK_UNAVAILABLE',
        'The bank answered something OpenDinar cannot read — nothing was changed; retry later.',
        { 'retry-after': retry },
      );
  }
}

/** Runs bank calls; a ConnectorError comes out as its API error, anything else unchanged. */
export async function asApiErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ConnectorError) throw apiErrorOf(err);
    throw err;
  }
}
