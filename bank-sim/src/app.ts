// buildBankSim: a Fastify app serving the XS2A banks under /{bankId}/…, their SCA pages and /sim/.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { accountRoutes } from './accounts/routes.js';
import { Bank } from './bank.js';
import { BankClock } from './clock.js';
import { consentRoutes } from './consents/routes.js';
import { tppBody, XsError } from './errors.js';
import { applyFault, takeFault } from './faults.js';
import { header } from './http.js';
import { scaRoutes } from './sca/page.js';
import { simRoutes } from './sim/routes.js';

export interface BankSimOptions {
  /** Base time source of the bank clock (default: real time); /sim/clock moves it on from there. */
  now?: () => Date;
  /** Fastify logging (default off). */
  logger?: boolean;
}

const isSim = (url: string) => url === '/sim' || url.startsWith('/sim/');
const pathOf = (url: string) => url.split('?', 1)[0] as string;
const bankIdOf = (path: string) => path.split('/')[1] ?? '';

export async function buildBankSim(options: BankSimOptions = {}): Promise<FastifyInstance> {
  const bank = new Bank(new BankClock(options.now ?? (() => new Date())));
  const app = Fastify({ logger: options.logger ?? false });
  /** Requests already in the request log. */
  const logged = new WeakSet<FastifyRequest>();

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.addHook('onRequest', async (request, reply) => {
    if (isSim(request.url)) return;
    const path = pathOf(request.url);
    const fault = takeFault(bank.state.faults, bankIdOf(path), request.method, path);
    if (!fault) return;
    const outcome = await applyFault(fault, request, reply);
    if (outcome === 'dropped') {
      logged.add(request);
      logRequest(request, 0);
    }
    if (outcome !== 'continue') return reply;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isSim(request.url)) {
      const id = header(request, 'x-request-id');
      if (id) reply.header('x-request-id', id);
    }
    return payload;
  });

  function logRequest(request: FastifyRequest, status: number) {
    const path = pathOf(request.url);
    const params = (request.params ?? {}) as { consentId?: string };
    bank.logRequest({
      bankId: bankIdOf(path),
      method: request.method,
      path,
      status,
      consentId: header(request, 'consent-id') ?? params.consentId ?? null,
      psuIpAddress: header(request, 'psu-ip-address') ?? null,
      at: bank.clock.now().toISOString(),
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    if (isSim(request.url) || logged.has(request)) return;
    logged.add(request);
    logRequest(request, reply.statusCode);
  });

  // The client gave up before the answer (e.g. timed out on a slow fault): logged with status 0.
  app.addHook('onRequestAbort', async (request) => {
    if (isSim(request.url) || logged.has(request)) return;
    logged.add(request);
    logRequest(request, 0);
  });

  app.setErrorHandler((error: FastifyError | XsError, request, reply) => {
    const sim = isSim(request.url);
    if (error instanceof XsError) {
      reply.headers(error.headers).code(error.status);
      return reply.send(sim ? { error: error.text } : tppBody(error.code, error.text));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const text = `The request is malformed: ${error.message}`;
      return reply.code(400).send(sim ? { error: text } : tppBody('FORMAT_ERROR', text));
    }
    request.log.error(error);
    // The spec gives AIS 500 answers no body.
    return sim ? reply.code(500).send({ error: 'internal error' }) : reply.code(500).send();
  });

  app.setNotFoundHandler((request, reply) => {
    if (isSim(request.url)) return reply.code(404).send({ error: 'no such /sim endpoint' });
    return reply
      .code(404)
      .send(tppBody('RESOURCE_UNKNOWN', `${request.method} ${pathOf(request.url)} is not served here`));
  });

  consentRoutes(app, bank);
  accountRoutes(app, bank);
  scaRoutes(app, bank);
  simRoutes(app, bank);
  return app;
}
