// Script variants of one text, as Serbian statements print the same payee: Cyrillic, and Latin
// without diacritics (č/ć → c, š → s, ž → z, đ → dj). Shared by the dev-set generators.
const CYR: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  š: 'ш',
  ž: 'ж',
  đ: 'ђ',
};
export const toCyr = (s: string): string =>
  [...s]
    .map((ch) => {
      const l = ch.toLowerCase();
      const m = CYR[l];
      return m === undefined ? ch : l === ch ? m : m.toUpperCase();
    })
    .join('');
export const ascii = (s: string): string =>
  s
    .replace(/[čć]/g, 'c')
    .replace(/[ČĆ]/g, 'C')
    .replace(/š/g, 's')
    .replace(/Š/g, 'S')
    .replace(/ž/g, 'z')
    .replace(/Ž/g, 'Z')
    .replace(/đ/g, 'dj')
    .replace(/Đ/g, 'DJ');
