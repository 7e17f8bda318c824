// The test-control API under /sim/ (no auth; tests and demos only). Errors here are `{error: "…"}`.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Bank } from '../bank.js';
import { FINAL_STATUSES } from '../consents/model.js';
import type { Account, Tx } from '../data/generator.js';
import { ledgerAt, parseAmount, renderTx } from '../data/ledger.js';
import { DAY_MS, isoDay, parseIsoDay } from '../dates.js';
import { type FaultInput, parseFault, publicFault } from '../faults.js';
import { profileFor } from '../profiles.js';

const fail = (reply: FastifyReply, status: number, error: string) => reply.code(status).send({ error });

type Body = Record<string, unknown>;
const bodyOf = (body: unknown): Body =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {};

/** A transaction as /sim shows it: the XS2A shape plus its status. */
function simTx(account: Account, tx: Tx, today: number) {
  const booked = tx.bookingDay !== null && tx.bookingDay <= today;
  return { ...renderTx(tx, account.currency, booked), status: booked ? 'booked' : 'pending' };
}

export function simRoutes(app: FastifyInstance, bank: Bank): void {
  app.post('/sim/reset', async () => {
    bank.reset();
    return { ok: true, now: bank.clock.now().toISOString() };
  });

  app.get('/sim/clock', async () => ({ now: bank.clock.now().toISOString() }));

  app.post('/sim/clock', async (request, reply) => {
    const b = bodyOf(request.body);
    if (b.now !== undefined) {
      const at = typeof b.now === 'string' ? new Date(b.now) : new Date(Number.NaN);
      if (Number.isNaN(at.getTime())) return fail(reply, 400, 'now must be an ISO date-time');
      bank.clock.set(at);
    }
    for (const [key, unit] of [
      ['advanceDays', DAY_MS],
      ['advanceSeconds', 1000],
    ] as const) {
      const v = b[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail(reply, 400, `${key} must be a number`);
      bank.clock.advance(v * unit);
    }
    return { now: bank.clock.now().toISOString() };
  });

  app.get('/sim/consents', async () => {
    const consents = [...bank.state.consents.values()]
      .map((c) => bank.consent(c.consentId) ?? c)
      .reverse()
      .map((c) => ({
        consentId: c.consentId,
        bankId: c.bankId,
        consentStatus: c.status,
        validUntil: isoDay(c.validUntilDay),
        frequencyPerDay: c.frequencyPerDay,
        username: c.username,
        createdAt: c.createdAt.toISOString(),
      }));
    return { consents };
  });

  app.post<{ Params: { consentId: string } }>('/sim/consents/:consentId/approve', async (request, reply) => {
    const consent = bank.consent(request.params.consentId);
    if (!consent) return fail(reply, 404, 'unknown consent');
    if (consent.status !== 'received') return fail(reply, 409, `consent is ${consent.status}, not received`);
    const username = bodyOf(request.body).username ?? 'psu';
    if (typeof username !== 'string' || username.trim() === '') {
      return fail(reply, 400, 'username must be a non-empty string');
    }
    bank.approve(consent, username.trim());
    return { consentId: consent.consentId, consentStatus: consent.status, username: consent.username };
  });

  for (const [action, status] of [
    ['revoke', 'revokedByPsu'],
    ['expire', 'expired'],
  ] as const) {
    app.post<{ Params: { consentId: string } }>(
      `/sim/consents/:consentId/${action}`,
      async (request, reply) => {
        const consent = bank.consent(request.params.consentId);
        if (!consent) return fail(reply, 404, 'unknown consent');
        if (FINAL_STATUSES.has(consent.status))
          return fail(reply, 409, `consent is already ${consent.status}`);
        consent.status = status;
        return { consentId: consent.consentId, consentStatus: consent.status };
      },
    );
  }

  app.get<{ Params: { username: string }; Querystring: { bank?: string } }>(
    '/sim/psus/:username',
    async (request, reply) => {
      const bankId = request.query.bank ?? 'raiffeisen';
      if (!profileFor(bankId)) return fail(reply, 400, `unknown bank ${bankId}`);
      const psu = bank.psu(bankId, request.params.username);
      return {
        username: psu.username,
        bankId,
        ownerName: psu.ownerName,
        accounts: psu.accounts.map((a) => ({
          resourceId: a.resourceId,
          iban: a.iban,
          currency: a.currency,
          name: a.name,
        })),
      };
    },
  );

  app.post<{ Params: { resourceId: string } }>(
    '/sim/accounts/:resourceId/transactions',
    async (request, reply) => {
      const account = bank.account(request.params.resourceId);
      if (!account) return fail(reply, 404, 'unknown account');
      const list = bodyOf(request.body).transactions;
      if (!Array.isArray(list) || list.length === 0)
        return fail(reply, 400, 'transactions must be a non-empty array');
      const today = bank.today();
      const known = new Set(ledgerAt(account, today + 30).booked.map((t) => t.id));
      for (const t of ledgerAt(account, today + 30).pending) known.add(t.id);
      const created: Tx[] = [];
      for (const [i, raw] of list.entries()) {
        const t = bodyOf(raw);
        const amountMinor = parseAmount(t.amount);
        if (amountMinor === null || amountMinor === 0) {
          return fail(
            reply,
            400,
            `transactions[${i}].amount must be a non-zero decimal string like "-123.45"`,
          );
        }
        const remittance = t.remittanceInformationUnstructured;
        if (typeof remittance !== 'string' || remittance === '' || remittance.length > 140) {
          return fail(
            reply,
            400,
            `transactions[${i}].remittanceInformationUnstructured must be 1-140 characters`,
          );
        }
        const status = t.status ?? 'booked';
        if (status !== 'booked' && status !== 'pending') {
          return fail(reply, 400, `transactions[${i}].status must be booked or pending`);
        }
        const day = (name: string): number | null | undefined => {
          if (t[name] === undefined) return undefined;
          return parseIsoDay(t[name]);
        };
        const bookingDay = day('bookingDate');
        const valueDay = day('valueDate');
        if (bookingDay === null || valueDay === null) {
          return fail(reply, 400, `transactions[${i}]: dates must be YYYY-MM-DD`);
        }
        const names: Record<string, string> = {};
        for (const key of ['creditorName', 'debtorName', 'creditorIban', 'debtorIban'] as const) {
          const v = t[key];
          if (v === undefined) continue;
          if (typeof v !== 'string' || v === '' || v.length > 70) {
            return fail(reply, 400, `transactions[${i}].${key} must be 1-70 characters`);
          }
          names[key] = v;
        }
        const id = t.transactionId ?? `sim-${randomUUID()}`;
        if (typeof id !== 'string' || id === '' || id.length > 64) {
          return fail(reply, 400, `transactions[${i}].transactionId must be 1-64 characters`);
        }
        if (known.has(id)) return fail(reply, 409, `transaction ${id} already exists on this account`);
        known.add(id);
        const booked = status === 'booked';
        created.push({
          id,
          valueDay: valueDay ?? bookingDay ?? today,
          bookingDay: booked ? (bookingDay ?? today) : null,
          amountMinor,
          remittance,
          ...names,
        });
      }
      account.added.push(...created);
      reply.code(201);
      return { transactions: created.map((tx) => simTx(account, tx, today)) };
    },
  );

  app.post<{ Params: { resourceId: string; transactionId: string } }>(
    '/sim/accounts/:resourceId/transactions/:transactionId/book',
    async (request, reply) => {
      const account = bank.account(request.params.resourceId);
      if (!account) return fail(reply, 404, 'unknown account');
      const b = bodyOf(request.body);
      const today = bank.today();
      let bookingDay = today;
      if (b.bookingDate !== undefined) {
        const d = parseIsoDay(b.bookingDate);
        if (d === null) return fail(reply, 400, 'bookingDate must be YYYY-MM-DD');
        bookingDay = d;
      }
      const id = request.params.transactionId;
      const pending = ledgerAt(account, today).pending.find((t) => t.id === id);
      if (!pending) return fail(reply, 409, `transaction ${id} is not pending on this account`);
      const newId = b.newTransactionId === true ? `${id.slice(0, 40)}-b${randomUUID().slice(0, 8)}` : null;
      const added = account.added.find((t) => t.id === id);
      let result: Tx;
      if (added) {
        added.bookingDay = bookingDay;
        if (newId) added.id = newId;
        result = added;
      } else {
        account.overrides.set(id, { newId, bookingDay });
        result = { ...pending, id: newId ?? id, bookingDay };
      }
      return { previousTransactionId: id, transaction: simTx(account, result, Math.max(today, bookingDay)) };
    },
  );

  app.get('/sim/faults', async () => ({ faults: bank.state.faults.map(publicFault) }));

  app.post('/sim/faults', async (request, reply) => {
    const parsed = parseFault(bodyOf(request.body) as FaultInput);
    if (typeof parsed === 'string') return fail(reply, 400, parsed);
    const id = `f${bank.state.nextFaultId++}`;
    bank.state.faults.push({ id, ...parsed });
    return { id };
  });

  app.delete('/sim/faults', async () => {
    bank.state.faults.length = 0;
    return { ok: true };
  });

  app.delete<{ Params: { id: string } }>('/sim/faults/:id', async (request, reply) => {
    const i = bank.state.faults.findIndex((f) => f.id === request.params.id);
    if (i < 0) return fail(reply, 404, 'unknown fault');
    bank.state.faults.splice(i, 1);
    return { ok: true };
  });

  app.get<{ Querystring: { bankId?: string; consentId?: string } }>('/sim/requests', async (request) => {
    const { bankId, consentId } = request.query;
    const requests = bank.state.requests.filter(
      (r) =>
        (bankId === undefined || r.bankId === bankId) &&
        (consentId === undefined || r.consentId === consentId),
    );
    return { requests };
  });

  app.delete('/sim/requests', async () => {
    bank.state.requests.length = 0;
    return { ok: true };
  });
}
