/** Emails are compared and stored trimmed and lower-cased, so uniqueness is case-insensitive. */
export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase();

// A pragmatic check, not RFC 5322: one @, a printable local part, and a dotted DNS name with a
// letter TLD (internationalised domains must be sent in their xn-- form).
const EMAIL =
  /^[^\s@\p{Cc}]{1,64}@(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** True for a normalised address that looks deliverable. */
export const isValidEmail = (email: string): boolean => email.length <= 254 && EMAIL.test(email);
