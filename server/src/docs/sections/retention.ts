import { LOGIN_THROTTLE_DEFAULTS } from '../../developers/throttle-config.js';
import {
  DEFAULT_USAGE_RETENTION_DAYS,
  DEFAULT_WEBHOOK_RETENTION_DAYS,
  EXPIRED_GRACE_MS,
} from '../../retention/retention.js';
import type { DocSection } from '../sections.js';

const graceHours = EXPIRED_GRACE_MS / 3_600_000;

/** /docs#retention — what the hourly retention job deletes, and when. Numbers come from the policy. */
export const retentionSection: DocSection = {
  id: 'retention',
  title: 'Data retention',
  html: `<p>An hourly job deletes operational records once they are old: usage records after ${DEFAULT_USAGE_RETENTION_DAYS} days
(<code>OPENDINAR_USAGE_RETENTION_DAYS</code>), so <code>GET /developers/usage</code> answers for that window; webhook deliveries that
have finished (succeeded or failed) ${DEFAULT_WEBHOOK_RETENTION_DAYS} days after their last attempt, with their attempts and — once no delivery
refers to it — their event (<code>OPENDINAR_WEBHOOK_RETENTION_DAYS</code>); a delivery still pending is never deleted, and after
deletion a delivery is no longer listed or retryable (<code>DELIVERY_NOT_FOUND</code>). Connect sessions that were never exchanged,
link tokens and developer sessions go ${graceHours} hours after they expired (or were revoked): their tokens then answer
<code>SESSION_NOT_FOUND</code> / <code>INVALID_DEV_TOKEN</code> instead of the expired error. An exchanged session is kept while its
connection exists, so its status keeps answering <code>exchanged</code>. Sign-in throttle records go a day after their last delay ran out,
remembered sign-in addresses ${LOGIN_THROTTLE_DEFAULTS.knownLoginDays} days after their last sign-in (<code>OPENDINAR_KNOWN_LOGIN_DAYS</code>), and
rate-limit counters once their window is over. Bank data (connections, accounts, transactions) is never
deleted by this job — only by revoking the connection.</p>`,
};
