/**
 * Seeded randomness for the generated bank. cyrb128 spreads a string key over 128 bits and sfc32
 * draws from it: small, fast and identical on every platform, so the same key always yields the
 * same numbers. Keys are built from what a value must stay stable for (seed, account, date, …).
 */

/** cyrb128: a fast, well-mixed 128-bit string hash (public domain, bryc). */
export function hash128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Parts are joined with a separator no caller uses, so ("ab","c") and ("a","bc") differ. */
export const keyOf = (parts: ReadonlyArray<string | number>): string => parts.join('\u001f');

/** Upper-case hex digest of the parts, `length` ≤ 16 characters. */
export function hashHex(length: number, ...parts: Array<string | number>): string {
  const [a, b] = hash128(keyOf(parts));
  const hex = a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  return hex.slice(0, length).toUpperCase();
}

/** sfc32 generator with helpers for the shapes of randomness the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...parts: Array<string | number>) {
    [this.a, this.b, this.c, this.d] = hash128(keyOf(parts));
    // Discard a few outputs so similar keys diverge fully before use.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Picks by relative weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** k distinct items in random order (k ≤ items.length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const i = Math.floor(this.next() * pool.length);
      out.push(pool.splice(i, 1)[0] as T);
    }
    return out;
  }

  /**
   * Log-uniform in [min, max]: many small purchases, fewer large ones, like real receipts.
   * Its mean is (max − min) / ln(max / min) — see `logUniformMean`.
   */
  logUniform(min: number, max: number): number {
    return min * (max / min) ** this.next();
  }
}

export const logUniformMean = (min: number, max: number): number =>
  max === min ? min : (max - min) / Math.log(max / min);
