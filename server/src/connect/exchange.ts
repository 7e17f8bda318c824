import { findBank } from '../banks/catalogue.js';
import type { Clock } from '../clock.js';
import { dayOf } from '../clock.js';
import { fetchProfile } from '../connections/import.js';
import {
  categorizeProfile,
  createConnectionWithData,
  insertAccountWithData,
} from '../connections/materialize.js';
import { asApiErrors } from '../connectors/errors.js';
import type { ConnectorProfile } from '../connectors/types.js';
import { type Executor, targetOf } from '../db/index.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import { ApiError } from '../errors.js';
import { type AppDeps, connectorsOf, type KeyPrincipal } from '../http/principals.js';
import { newId, sha256Hex } from '../ids.js';
import { storeExchangeOffThread } from '../offload/writer.js';
import { applyReconciliation, toHeld, updateBalances } from '../transactions/apply.js';
import { reconcile } from '../transactions/reconcile.js';
import { listHeldForWindow } from '../transactions/store.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import {
  type ClaimedSession,
  claimPublicToken,
  completeExchange,
  findAuthorizedSession,
  findSessionByPublicToken,
} from './store.js';

export interface Exchanged {
  connection_id: string;
  bank_id: string;
  status: 'active';
}

/**
 * POST /connect/exchange. The bank is read first, outside any transaction (a slow bank must not
 * hold the database's write connection); then one short transaction claims the token (the
 * exactly-once step), stores connection + accounts + history and enqueues
 * AUTH.AUTOMATICALLY_VERIFIED. Any failure leaves the token usable and nothing written.
 *
 * Update mode (the session names a connection): the same connection gets the new grant and
 * consent and is reconciled with what the bank lists now — connection, account and transaction
 * ids are kept.
 */
export async function exchangePublicToken(
  deps: AppDeps,
  key: KeyPrincipal,
  publicToken: string,
): Promise<Exchanged> {
  const { db, clock } = deps;
  const tokenHash = sha256Hex(publicToken);
  const now = clock.now();
  const nowIso = now.toISOString();

  const session = await findAuthorizedSession(db, tokenHash, key.apiKeyId, nowIso);
  let result: Exchanged | undefined;
  if (session) {
    const bank = findBank(session.bank_id);
    const choice = bank ? connectorsOf(deps).for(bank, session.environment) : undefined;
    if (!choice || !('connector' in choice)) throw new ApiError('BANK_NOT_AVAILABLE', choice?.unavailable);
    if (!session.grant_enc) throw new Error(`authorized session ${session.id} has no grant`);
    const grant = deps.box.open(session.grant_enc);
    const connector = choice.connector;
    const base = { tokenHash, apiKeyId: key.apiKeyId, nowIso, connectorId: connector.id };
    const today = dayOf(now);
    // A new connection: the writer thread (offload/writer.ts) categorises the profile and runs the
    // whole write transaction (claim, rows, webhook event) on its own connection, so the event loop
    // keeps answering meanwhile — and for the generated sandbox bank it makes the profile there too
    // (from the connector's recipe, the grant checked here first), one hop instead of two. On
    // PostgreSQL its commit is not seen by this process's key cache (db/pg-named.ts onLocalWrite):
    // it adds accounts only, under new ids no cached lookup can name (their NOTIFY drops any anyway).
    const target = session.connection_id ? undefined : targetOf(db);
    const recipe =
      target && connector.profileRecipe
        ? await asApiErrors(async () => connector.profileRecipe?.(grant, today))
        : undefined;
    const offThread = recipe && target ? storeExchangeOffThread(target, { ...base, recipe }) : undefined;
    if (offThread) result = await offThread;
    else {
      const profile = await asApiErrors(() => fetchProfile(connector, grant, today));
      const write: ExchangeWrite = { ...base, profile };
      const onWriter = target ? storeExchangeOffThread(target, write) : undefined;
      if (onWriter) result = await onWriter;
      else {
        // Here: categorised first (on a worker thread when large), so the transaction — holding the
        // write lock or a pool connection — only writes.
        const categorised = { ...write, profile: await categorizeProfile(profile) };
        result = await db.transaction().execute((trx) => storeExchange(trx, clock, categorised));
      }
    }
  }
  if (result) return result;

  // The claim matched nothing: say why, in the order a client can act on.
  const row = await findSessionByPublicToken(db, tokenHash, key.apiKeyId);
  if (!row) throw new ApiError('INVALID_PUBLIC_TOKEN');
  if (row.exchanged_at !== null) throw new ApiError('PUBLIC_TOKEN_ALREADY_USED');
  throw new ApiError('PUBLIC_TOKEN_EXPIRED');
}

/** What the exchange's write transaction needs: plain data, so it can be sent to a worker thread. */
export interface ExchangeWrite {
  tokenHash: string;
  apiKeyId: string;
  nowIso: string;
  connectorId: string;
  /** What the bank returned; storeExchange expects it categorised (categorizeProfile). */
  profile: ConnectorProfile;
}

/**
 * The exchange's one write transaction, on `trx`: claims the token (the exactly-once step; undefined
 * when the claim matches nothing), stores connection + accounts + history (or re-authorises the
 * session's connection) and enqueues AUTH.AUTOMATICALLY_VERIFIED. Runs on the main thread, or on the
 * writer thread with its own connection (offload/worker.ts) for a new connection.
 */
export async function storeExchange(
  trx: Executor,
  clock: Clock,
  w: ExchangeWrite,
  opts: { newOnly?: boolean } = {},
): Promise<Exchanged | undefined> {
  const claimed = await claimPublicToken(trx, w.tokenHash, w.apiKeyId, w.nowIso);
  if (!claimed) return undefined;
  if (claimed.connection_id && opts.newOnly) {
    // The caller checked the session names no connection; throwing rolls the claim back.
    throw new Error(`session ${claimed.id} re-authorises a connection: not a new connection`);
  }
  const connectionId = claimed.connection_id
    ? await reauthorizeConnection(trx, claimed, claimed.connection_id, w.profile, w.nowIso)
    : (
        await createConnectionWithData(
          trx,
          {
            apiKeyId: claimed.api_key_id,
            developerId: claimed.developer_id,
            environment: claimed.environment,
            bankId: claimed.bank_id,
            userId: claimed.user_id,
            connector: w.connectorId,
            // The grant moves from the session to the connection, still sealed.
            grantEnc: claimed.grant_enc,
            categorize: categorizeTransaction,
            consentExpiresAt: claimed.consent_expires_at,
          },
          w.profile,
          w.nowIso,
        )
      ).connectionId;
  await completeExchange(trx, claimed.id, connectionId);
  await enqueueWebhookEvent(trx, clock, {
    developerId: claimed.developer_id,
    environment: claimed.environment,
    type: 'AUTH.AUTOMATICALLY_VERIFIED',
    fields: { connection_id: connectionId, bank_id: claimed.bank_id, user_id: claimed.user_id },
  });
  return { connection_id: connectionId, bank_id: claimed.bank_id, status: 'active' };
}

/**
 * Update mode: the connection takes the new grant and consent and becomes active again; each
 * account the bank lists is reconciled with what we hold (same account and transaction ids), an
 * account new at the bank is added.
 */
async function reauthorizeConnection(
  trx: Executor,
  claimed: ClaimedSession,
  connectionId: string,
  profile: ConnectorProfile,
  nowIso: string,
): Promise<string> {
  const updated = await trx
    .updateTable('connections')
    .set({
      grant_enc: claimed.grant_enc,
      consent_expires_at: claimed.consent_expires_at,
      status: 'active',
      expiry_notified_at: null,
      last_error: null,
      last_refreshed_at: nowIso,
      last_synced_at: nowIso,
      sync_locked_until: null,
    })
    .where('id', '=', connectionId)
    .where('api_key_id', '=', claimed.api_key_id)
    .where('status', '!=', 'revoked')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new ApiError(
      'CONNECTION_NOT_FOUND',
      'The connection to re-authorise was revoked meanwhile — connect again.',
    );
  }
  const held = await trx
    .selectFrom('accounts')
    .select(['id', 'ref', 'currency'])
    .where('connection_id', '=', connectionId)
    .execute();
  for (const acc of profile.accounts) {
    const mine = held.find((h) => h.ref === acc.ref);
    if (!mine) {
      await insertAccountWithData(
        trx,
        { id: newId('acc'), connectionId, apiKeyId: claimed.api_key_id, bankId: claimed.bank_id },
        acc,
        profile.identity,
        categorizeTransaction,
        nowIso,
      );
      continue;
    }
    // Compared from the oldest day the bank listed: older rows we hold are left alone.
    const from = acc.transactions.map((t) => t.date).sort()[0] ?? nowIso.slice(0, 10);
    const window = {
      from,
      to: nowIso.slice(0, 10),
      transactions: acc.transactions,
    };
    const rows = (await listHeldForWindow(trx, mine.id, window.from)).map(toHeld);
    await applyReconciliation(trx, mine, reconcile(rows, window), nowIso);
    await updateBalances(trx, mine.id, acc);
    if (profile.identity) {
      await trx.deleteFrom('identities').where('account_id', '=', mine.id).execute();
      await trx
        .insertInto('identities')
        .values({ account_id: mine.id, document: JSON.stringify(profile.identity) })
        .execute();
    }
  }
  return connectionId;
}
