// POST /v1/consents, GET /v1/consents/{id}, GET /v1/consents/{id}/status, DELETE /v1/consents/{id}.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Bank } from '../bank.js';
import { isoDay } from '../dates.js';
import { formatError, XsError } from '../errors.js';
import { bankOf, header, isHttpUrl, psuIpAddress, requireRequestId } from '../http.js';
import type { BankProfile } from '../profiles.js';
import { type Consent, FINAL_STATUSES } from './model.js';
import { parseConsentRequest } from './request.js';

type ConsentParams = { Params: { bankId: string; consentId: string } };

/** The consent addressed in the path (403 CONSENT_UNKNOWN when it is not this bank's). */
export function consentInPath(bank: Bank, profile: BankProfile, consentId: string): Consent {
  const consent = bank.consent(consentId);
  if (!consent || consent.bankId !== profile.id) {
    throw new XsError(403, 'CONSENT_UNKNOWN', 'The consent in the path is unknown to this bank');
  }
  return consent;
}

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}`;
}

export function consentRoutes(app: FastifyInstance, bank: Bank): void {
  app.post<{ Params: { bankId: string } }>('/:bankId/v1/consents', async (request, reply) => {
    const profile = bankOf(request);
    requireRequestId(request);
    psuIpAddress(request);
    const redirectUri = header(request, 'tpp-redirect-uri');
    if (!redirectUri) {
      throw formatError(
        'The TPP-Redirect-URI header is missing (this bank supports the redirect SCA approach only)',
      );
    }
    if (!isHttpUrl(redirectUri)) throw formatError('TPP-Redirect-URI must be an absolute http(s) URL');
    const nokRedirectUri = header(request, 'tpp-nok-redirect-uri') ?? null;
    if (nokRedirectUri !== null && !isHttpUrl(nokRedirectUri)) {
      throw formatError('TPP-Nok-Redirect-URI must be an absolute http(s) URL');
    }
    const today = bank.today();
    const parsed = parseConsentRequest(request.body, today);
    const consent: Consent = {
      consentId: randomUUID(),
      bankId: profile.id,
      status: 'received',
      ...parsed,
      createdAt: bank.clock.now(),
      lastActionDay: today,
      redirectUri,
      nokRedirectUri,
      username: null,
      grants: [],
    };
    bank.state.consents.set(consent.consentId, consent);
    const self = `/${profile.id}/v1/consents/${consent.consentId}`;
    reply.code(201).header('location', self).header('aspsp-sca-approach', 'REDIRECT');
    return {
      consentStatus: consent.status,
      consentId: consent.consentId,
      _links: {
        scaRedirect: { href: `${origin(request)}/${profile.id}/sca/${consent.consentId}` },
        self: { href: self },
        status: { href: `${self}/status` },
      },
    };
  });

  app.get<ConsentParams>('/:bankId/v1/consents/:consentId', async (request) => {
    const profile = bankOf(request);
    requireRequestId(request);
    const consent = consentInPath(bank, profile, request.params.consentId);
    return {
      access: consent.access,
      recurringIndicator: consent.recurringIndicator,
      validUntil: isoDay(consent.validUntilDay),
      frequencyPerDay: consent.frequencyPerDay,
      lastActionDate: isoDay(consent.lastActionDay),
      consentStatus: consent.status,
      _links: { account: { href: `/${profile.id}/v1/accounts` } },
    };
  });

  app.get<ConsentParams>('/:bankId/v1/consents/:consentId/status', async (request) => {
    const profile = bankOf(request);
    requireRequestId(request);
    const consent = consentInPath(bank, profile, request.params.consentId);
    return { consentStatus: consent.status };
  });

  app.delete<ConsentParams>('/:bankId/v1/consents/:consentId', async (request, reply) => {
    const profile = bankOf(request);
    requireRequestId(request);
    const consent = consentInPath(bank, profile, request.params.consentId);
    // A consent already in a final state stays as it is; the TPP still gets 204.
    if (!FINAL_STATUSES.has(consent.status)) consent.status = 'terminatedByTpp';
    reply.code(204).send();
  });
}
