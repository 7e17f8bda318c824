import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import ipaddr from 'ipaddr.js';
import { AccountIdParams } from '../accounts/schemas.js';
import { apiErrorOf } from '../connectors/errors.js';
import { ConnectorError } from '../connectors/types.js';
import { ApiError } from '../errors.js';
import { accountOf } from '../http/auth.js';
import { type RefreshOutcome, refreshConnection } from './refresh.js';
import { connectionStatus } from './refresh-store.js';
import { type RefreshScheduler, startRefreshScheduler } from './scheduler.js';

const SyncResultSchema = Type.Object({
  object: Type.Literal('sync'),
  account_id: Type.String(),
  sync_status: Type.Literal('HISTORICAL_UPDATE_COMPLETE'),
  added_count: Type.Integer({
    description:
      'Transactions added to this account by this pull (including posted versions of pending ones)',
  }),
  modified_count: Type.Integer(),
  removed_count: Type.Integer({
    description: 'Pending transactions that posted (their posted versions are among the added)',
  }),
});

const SyncBody = Type.Union([
  Type.Object({
    user_ip: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 45,
        description:
          "Your user's IP address, when they are present and asked for the refresh: forwarded to the bank as PSU-IP-Address, " +
          "so the read does not count against the bank's daily budget of unattended reads (and may reach further back)",
      }),
    ),
  }),
  Type.Null(),
]);

/** How long a force refresh waits for one already running on the same connection. */
const WAIT_FOR_RUNNING_MS = 10_000;

/** POST /accounts/:id/sync (force refresh) and the scheduled refresh of every connection. */
export const refreshRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;

  app.post(
    '/accounts/:id/sync',
    {
      config: { auth: 'key', scope: 'accounts:read', accountParam: true },
      schema: {
        tags: ['Accounts'],
        summary: 'Force refresh: pull fresh data from the bank now',
        description:
          'Pulls new and posted transactions for the connection this account belongs to. Changes become visible to ' +
          'cursor sync (your existing cursors stay valid and return them) and fire TRANSACTIONS.SYNC_UPDATES_AVAILABLE.',
        security: [{ apiKey: [] }],
        params: AccountIdParams,
        body: Type.Optional(SyncBody),
        response: { 200: SyncResultSchema },
      },
    },
    async (req) => {
      const account = accountOf(req);
      const userIp = req.body?.user_ip;
      if (userIp !== undefined && !ipaddr.isValid(userIp)) {
        throw new ApiError('INVALID_FIELD', "Invalid body field 'user_ip': must be an IPv4 or IPv6 address.");
      }
      if ((await connectionStatus(db, account.connection_id)) === 'reauth_required') {
        throw new ApiError('ITEM_LOGIN_REQUIRED');
      }
      let outcome: RefreshOutcome;
      try {
        outcome = await refreshConnection(app.deps, account.connection_id, {
          waitMs: WAIT_FOR_RUNNING_MS,
          forced: true,
          ...(userIp !== undefined && { psuIpAddress: userIp }),
        });
      } catch (err) {
        if (err instanceof ConnectorError) throw apiErrorOf(err);
        throw err;
      }
      if (outcome.status === 'gone') {
        if ((await connectionStatus(db, account.connection_id)) === 'reauth_required') {
          throw new ApiError('ITEM_LOGIN_REQUIRED');
        }
        throw new ApiError('ACCOUNT_NOT_FOUND');
      }
      if (outcome.status === 'busy') {
        throw new ApiError(
          'SERVICE_UNAVAILABLE',
          'A refresh of this connection is still running — retry shortly.',
          { 'retry-after': '5' },
        );
      }
      const c = outcome.accounts.get(account.id) ?? { added: 0, modified: 0, removed: 0 };
      return {
        object: 'sync' as const,
        account_id: account.id,
        sync_status: 'HISTORICAL_UPDATE_COMPLETE' as const,
        added_count: c.added,
        modified_count: c.modified,
        removed_count: c.removed,
      };
    },
  );

  const interval = app.deps.config.syncIntervalSeconds;
  if (interval > 0) {
    let scheduler: RefreshScheduler | undefined;
    app.addHook('onReady', async () => {
      scheduler = startRefreshScheduler(app.deps, app.log, interval);
    });
    app.addHook('onClose', async () => {
      await scheduler?.stop();
    });
  }
};
