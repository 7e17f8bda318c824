/**
 * Sign-in throttle settings (developers/throttle.ts; README "Configuration", /docs#developer-portal).
 * Independent of OPENDINAR_RATE_LIMITS: they protect passwords, not capacity.
 */
export interface LoginThrottleConfig {
  /** Failed sign-ins in a row for one e-mail before attempts are spaced out. */
  freeFailuresPerEmail: number;
  /** The same for one client IP, across e-mails. */
  freeFailuresPerIp: number;
  /** The first delay; each further failure doubles it. */
  firstDelaySeconds: number;
  /** The delay never grows beyond this. */
  maxDelaySeconds: number;
  /** An address that signed in to an account within this many days is remembered as known to it. */
  knownLoginDays: number;
}

export const LOGIN_THROTTLE_DEFAULTS: LoginThrottleConfig = {
  freeFailuresPerEmail: 5,
  freeFailuresPerIp: 20,
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  knownLoginDays: 90,
};

/** Environment variable per setting, with its bounds. */
export const LOGIN_THROTTLE_ENV: Record<keyof LoginThrottleConfig, [name: string, min: number, max: number]> =
  {
    freeFailuresPerEmail: ['OPENDINAR_LOGIN_FREE_FAILURES_PER_EMAIL', 1, 1_000_000],
    freeFailuresPerIp: ['OPENDINAR_LOGIN_FREE_FAILURES_PER_IP', 1, 1_000_000],
    firstDelaySeconds: ['OPENDINAR_LOGIN_FIRST_DELAY_SECONDS', 1, 86_400],
    maxDelaySeconds: ['OPENDINAR_LOGIN_MAX_DELAY_SECONDS', 1, 86_400],
    knownLoginDays: ['OPENDINAR_KNOWN_LOGIN_DAYS', 1, 3650],
  };
