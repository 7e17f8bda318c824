// Serbian account numbers and IBANs. A Serbian account number is bank code (3) + account (13) +
// control (2, ISO 7064 MOD 97-10); the IBAN is RS + check digits + those 18 digits. Because the national
// control digits already make the number ≡ 1 (mod 97), every Serbian IBAN's check digits are 35.

function mod97(numeric: string): number {
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return rest;
}

/** 18-digit Serbian account number from a 3-digit bank code and a 13-digit account part. */
export function serbianAccountNumber(bankCode: string, account13: string): string {
  const base = bankCode + account13;
  const control = 98 - mod97(`${base}00`);
  return base + String(control).padStart(2, '0');
}

/** RS IBAN for an 18-digit Serbian account number. */
export function rsIban(accountNumber18: string): string {
  // "RS00" moved to the end, letters as numbers: R=27, S=28.
  const check = 98 - mod97(`${accountNumber18}272800`);
  return `RS${String(check).padStart(2, '0')}${accountNumber18}`;
}

/** ISO 13616 check: the rearranged IBAN is ≡ 1 (mod 97). */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(numeric) === 1;
}
