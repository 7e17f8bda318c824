import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { findBank } from '../banks/catalogue.js';
import { keyOf } from '../http/auth.js';
import { revokeConnection } from './revoke.js';
import { listConnectionsForKey } from './store.js';

const ConnectionSchema = Type.Object({
  connection_id: Type.String(),
  bank_id: Type.String(),
  bank_name: Type.String(),
  user_id: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('reauth_required')], {
    description:
      'reauth_required: the bank consent expired or was revoked — re-authorise it (update mode); data held stays readable',
  }),
  created_at: Type.String({ format: 'date-time' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  consent_expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description:
      'When the bank consent ends (live banks); null in the sandbox, except for the test user user_consent_expiring (one minute)',
  }),
  last_refreshed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Last successful pull from the bank',
  }),
});

const ConnectionIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** GET /connections, DELETE /connections/:id. */
export const connectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { deps } = app;

  app.get(
    '/connections',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['Connections'],
        summary: 'List the connections made through this API key, newest first',
        security: [{ apiKey: [] }],
        response: { 200: Type.Object({ connections: Type.Array(ConnectionSchema) }) },
      },
    },
    async (req) => {
      const rows = await listConnectionsForKey(deps.db, keyOf(req).apiKeyId);
      return {
        connections: rows.map((c) => ({
          connection_id: c.id,
          bank_id: c.bank_id,
          bank_name: findBank(c.bank_id)?.name ?? c.bank_id,
          user_id: c.user_id,
          status: c.status,
          created_at: c.created_at,
          revoked_at: c.revoked_at,
          consent_expires_at: c.consent_expires_at,
          last_refreshed_at: c.last_refreshed_at,
        })),
      };
    },
  );

  app.delete(
    '/connections/:id',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['Connections'],
        summary: "Revoke a connection and delete the bank data held for it (GDPR 'right to be forgotten')",
        security: [{ apiKey: [] }],
        params: ConnectionIdParams,
        response: { 200: Type.Object({ connection_id: Type.String(), status: Type.Literal('revoked') }) },
      },
    },
    async (req) => {
      const revoked = await revokeConnection(deps, keyOf(req), req.params.id, req.log);
      // The rows go in the background (purge.ts), started here at once.
      app.revocationPurger?.kick();
      return revoked;
    },
  );
};
