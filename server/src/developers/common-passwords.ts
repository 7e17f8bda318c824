/**
 * A small bundled list of the most common passwords of 8+ characters (from public breach-frequency
 * lists, plus Serbian ones), checked at registration: length alone lets "password1" through.
 */
const COMMON = new Set(
  `password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword 12345678 123456789 1234567890
  12345678910 87654321 987654321 0987654321 11111111 111111111 00000000 88888888 12341234 11223344 123123123 123456123
  qwertyui qwertyuiop qwerty12 qwerty123 qwerty1234 asdfghjk asdfghjkl zxcvbnm1 1q2w3e4r 1q2w3e4r5t q1w2e3r4 1qaz2wsx
  zaq12wsx qazwsxedc abcd1234 abc12345 abcdefgh a1b2c3d4 iloveyou iloveyou1 sunshine sunshine1 football football1
  baseball baseball1 princess superman trustno1 welcome1 welcome123 letmein1 letmein123 starwars whatever computer
  michelle jennifer corvette mercedes master12 monkey12 shadow12 dragon12 administrator admin123 admin1234 changeme
  changeme1 secret12 secret123 test1234 testtest default1 internet samsung1 liverpool chelsea1 arsenal1 jordan23
  lozinka lozinka1 lozinka12 lozinka123 sifra123 sifra1234 beograd1 beograd123 srbija123 srbija1234 zvezda123
  partizan1 novisad1 opendinar opendinar1 opendinar123 correcthorse`.split(/\s+/),
);

/** True for a password on the list or a trivially repetitive one (one character, or one digit run). */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  if (/^(.)\1*$/.test(p)) return true;
  return '01234567890123456789'.includes(p) || '98765432109876543210'.includes(p);
}
