import type { Clock } from '../clock.js';
import { dayOf } from '../clock.js';
import { fetchProfile } from '../connections/import.js';
import { createConnectionWithData } from '../connections/materialize.js';
import { createSandboxConnector, sandboxGrant } from '../connectors/sandbox/connector.js';
import type { Db } from '../db/index.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import { ALL_SCOPES } from '../http/principals.js';
import { sha256Hex } from '../ids.js';
import type { SecretBox } from '../secrets.js';

/** The documented sandbox keys; their plain values are public by design (they are in the docs). */
export const SANDBOX_APPS = [
  {
    keyId: 'key_mani_app',
    key: 'od_test_sk_9x2mABC123sandbox',
    app: 'Mani App',
    developerId: 'dev_mani_app',
    email: 'mani-app@sandbox.opendinar.rs',
  },
  {
    keyId: 'key_demo_developer',
    key: 'od_test_sk_demo456developer',
    app: 'Demo Developer',
    developerId: 'dev_demo_developer',
    email: 'demo-developer@sandbox.opendinar.rs',
  },
] as const;

/** The Mani App key's three connections and the four documented accounts. */
const SEEDED_CONNECTIONS = [
  {
    connectionId: 'conn_rai_001',
    bankId: 'raiffeisen' as const,
    accountIds: ['acc_rai_001', 'acc_rai_002'],
    accounts: [
      { type: 'current' as const, currency: 'RSD' as const },
      { type: 'savings' as const, currency: 'EUR' as const },
    ],
    withIdentity: true,
  },
  {
    connectionId: 'conn_ers_001',
    bankId: 'erste' as const,
    accountIds: ['acc_ers_001'],
    accounts: [{ type: 'current' as const, currency: 'RSD' as const }],
    withIdentity: false,
  },
  {
    connectionId: 'conn_aik_001',
    bankId: 'aik' as const,
    accountIds: ['acc_aik_001'],
    accounts: [{ type: 'current' as const, currency: 'RSD' as const }],
    withIdentity: false,
  },
];

// Seeded developers cannot log in: their password hash is a marker no password verifies against.
export const NO_PASSWORD = '!';

/**
 * Puts the documented sandbox data in place on a fresh database; does nothing when it is already
 * there (every start calls it). History ends on the clock's current day.
 */
export async function seedSandbox(db: Db, clock: Clock, box: SecretBox): Promise<void> {
  const existing = await db
    .selectFrom('api_keys')
    .select('id')
    .where('id', '=', SANDBOX_APPS[0].keyId)
    .executeTakeFirst();
  if (existing) return;
  const now = clock.now();
  const nowIso = now.toISOString();
  const today = dayOf(now);
  const connector = createSandboxConnector({ identityBanks: ['raiffeisen'], clock });
  try {
    await db.transaction().execute(async (trx) => {
      for (const app of SANDBOX_APPS) {
        await trx
          .insertInto('developers')
          .values({
            id: app.developerId,
            email: app.email,
            name: app.app,
            password_hash: NO_PASSWORD,
            created_at: nowIso,
          })
          .execute();
        await trx
          .insertInto('api_keys')
          .values({
            id: app.keyId,
            developer_id: app.developerId,
            key_hash: sha256Hex(app.key),
            prefix: app.key.slice(0, 15),
            app_name: app.app,
            environment: 'sandbox',
            scopes: JSON.stringify(ALL_SCOPES),
            status: 'active',
            created_at: nowIso,
            last_used_at: null,
            revoked_at: null,
          })
          .execute();
      }
      const owner = SANDBOX_APPS[0];
      for (const c of SEEDED_CONNECTIONS) {
        const grant = sandboxGrant({
          seed: c.connectionId,
          bankId: c.bankId,
          withIdentity: c.withIdentity,
          accounts: c.accounts,
        });
        const profile = await fetchProfile(connector, grant, today);
        await createConnectionWithData(
          trx,
          {
            connectionId: c.connectionId,
            apiKeyId: owner.keyId,
            developerId: owner.developerId,
            environment: 'sandbox',
            bankId: c.bankId,
            userId: 'user_123',
            connector: 'sandbox',
            grantEnc: box.seal(grant),
            accountIds: c.accountIds,
            categorize: categorizeTransaction,
          },
          profile,
          nowIso,
        );
      }
    });
  } catch (err) {
    // Another process seeding the same database at the same moment won the race: fine.
    const again = await db
      .selectFrom('api_keys')
      .select('id')
      .where('id', '=', SANDBOX_APPS[0].keyId)
      .executeTakeFirst();
    if (!again) throw err;
  }
}
