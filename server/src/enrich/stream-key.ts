/**
 * Grouping key for recurring detection: the part of a bank description that names the
 * counterparty, without the parts that change every period (dates, month names, reference
 * numbers). "Plata - januar 2026" and "Plata za februar 2026." both become "plata".
 *
 * Kept deliberately small so recurring detection is not blocked on the categoriser; it may later
 * be replaced by `counterpartyKey` from ../categorize/normalize.ts.
 */

// Serbian Cyrillic letters and their Latin spelling, position by position.
const CYRILLIC = 'абвгдђежзијклљмнњопрстћуфхцчџш';
const LATIN = 'a b v g d dj e z z i j k l lj m n nj o p r s t c u f h c c dz s'.split(' ');
const CYRILLIC_TO_LATIN = new Map([...CYRILLIC].map((ch, i) => [ch, LATIN[i] ?? ch]));

// Serbian month names (nominative, and the genitive of "do 5. januara"), English names and the
// usual abbreviations. Matched as whole words only.
const MONTH_WORDS = [
  'januar februar mart april maj jun juni jul juli avgust august septembar oktobar novembar decembar',
  'januara februara marta aprila maja juna jula avgusta septembra oktobra novembra decembra',
  'january february march may june july september october november december',
  'jan feb mar apr aug avg sep sept oct okt nov dec',
].join(' ');

// Filler around the changing part ("za", "ref", "poziv na broj") that would otherwise split
// "Plata - januar" from "Plata za januar".
const FILLER_WORDS = 'za ref br broj pnb poziv na period mesec no nr for of';

const DROPPED = new Set(`${MONTH_WORDS} ${FILLER_WORDS}`.split(' '));

function toLatinAscii(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYRILLIC_TO_LATIN.get(ch) ?? (ch === 'đ' ? 'dj' : ch);
  // NFD splits č/ć/š/ž into a base letter and a combining mark, which we drop.
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function streamKey(description: string): string {
  const words = toLatinAscii(description)
    .split(/[^a-z0-9]+/)
    // Any token holding a digit is a date, period ("03/2026") or reference number.
    .filter((w) => w !== '' && !/[0-9]/.test(w) && !DROPPED.has(w));
  if (words.length > 0) return words.join(' ');
  // Nothing but numbers and months: fall back to the whole text so it still groups exactly.
  return description.trim().toLowerCase();
}
