/**
 * Serbian account numbers: 3-digit bank code, 13-digit account body, 2-digit control number
 * (ISO 7064 MOD 97-10 over the first 16 digits), printed "265-0001123456789-12". The IBAN is
 * "RS" + check digits + the 18 digits; for a valid account number the check is always 35.
 */

export type SandboxBank = 'raiffeisen' | 'erste' | 'aik';

export const BANK_CODES: Readonly<Record<SandboxBank, string>> = {
  raiffeisen: '265',
  erste: '340',
  aik: '105',
};

/** Remainder of a long digit string modulo 97, in chunks that stay within safe integers. */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

/** The two control digits for bank code + 13-digit body. */
export function controlDigits(first16: string): string {
  return String(98 - mod97(`${first16}00`)).padStart(2, '0');
}

export function formatAccountNumber(bankCode: string, body13: string): string {
  return `${bankCode}-${body13}-${controlDigits(bankCode + body13)}`;
}

export function isValidAccountNumber(accountNumber: string): boolean {
  const m = /^(\d{3})-(\d{13})-(\d{2})$/.exec(accountNumber);
  return m !== null && mod97(`${m[1]}${m[2]}${m[3]}`) === 1;
}

export function ibanOf(accountNumber: string): string {
  const bban = accountNumber.replaceAll('-', '');
  // Country letters as digits (R=27, S=28) with "00" check, moved to the end.
  const check = String(98 - mod97(`${bban}272800`)).padStart(2, '0');
  return `RS${check}${bban}`;
}

/** Product digit inside the body: lets a refresh tell a current from a savings account by its ref. */
const PRODUCT_DIGIT = { current: '1', savings: '5' } as const;
const BODY_LEAD: Readonly<Record<SandboxBank, string>> = { raiffeisen: '110', erste: '001', aik: '000' };

/** Body: bank-specific lead, product digit, then 9 digits from the caller's randomness. */
export function accountBody(bank: SandboxBank, type: 'current' | 'savings', nineDigits: string): string {
  return `${BODY_LEAD[bank]}${PRODUCT_DIGIT[type]}${nineDigits}`;
}

/** Reads bank and product back from a ref this module produced (IBAN or printed number). */
export function parseAccountRef(ref: string): { bank: SandboxBank; type: 'current' | 'savings' } | null {
  const digits = ref.startsWith('RS') ? ref.slice(4) : ref.replaceAll('-', '');
  if (!/^\d{18}$/.test(digits)) return null;
  const printed = `${digits.slice(0, 3)}-${digits.slice(3, 16)}-${digits.slice(16)}`;
  if (!isValidAccountNumber(printed)) return null;
  const bank = (Object.keys(BANK_CODES) as SandboxBank[]).find((b) => BANK_CODES[b] === digits.slice(0, 3));
  if (!bank) return null;
  const product = digits[6];
  const type = product === PRODUCT_DIGIT.savings ? 'savings' : 'current';
  return { bank, type };
}
