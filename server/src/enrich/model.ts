/**
 * The learned fallback for merchants nobody listed: a multinomial naive Bayes over character
 * n-grams of the merchant key (plus its words and the channel). Trained at build time by
 * `npm run train:categorizer` (scripts/train-categorizer.ts) on the TRAINING split of
 * eval/data/categorize-labelled.tsv, eval/data/categorize-train-extra.tsv and the OPEN batches
 * (eval/blind … blind8: training/dev data since session 10) — never on the held-out split or a
 * batch still blind — and shipped as category-model.json (counts, no network).
 */
import type { Category } from './categorize.js';
import modelJson from './category-model.json' with { type: 'json' };
import type { Channel } from './normalize.js';

export interface ModelFile {
  categories: Category[];
  /** Training rows per category. */
  docs: number[];
  /** Feature → count per category (same order as categories). */
  counts: Record<string, number[]>;
}

/** Features of one description: n-grams (3 and 4) of each padded word, words, channel, sign. */
export function features(key: string, channel: Channel | null, debit: boolean): string[] {
  const out: string[] = [debit ? 's:-' : 's:+', `c:${channel ?? 'none'}`];
  for (const word of key.split(' ')) {
    if (word === '') continue;
    out.push(`w:${word}`);
    const padded = `_${word}_`;
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  return out;
}

/**
 * Divisor of the word and n-gram evidence (see `predict`): every letter of a word sits in both a
 * 3-gram and a 4-gram, so counting each as independent evidence makes the posterior over-sure of
 * made-up names ("Foobario" → dining at 0.9). Halving it keeps the ranking of strong evidence and
 * lets unknown names fall below the thresholds where a default or "low" belongs.
 */
export const MODEL_TEMPER = 2;

/**
 * How the categoriser weighs the fallback: `temper` divides the word evidence (above), `min` is
 * the posterior the guess needs to beat a default, `sure` the one for medium confidence. Fixed in
 * production; eval/dev/cv.ts --sweep varies them per cross-validation fold.
 */
export const tuning = { temper: MODEL_TEMPER, min: 0.5, sure: 0.8 };

export interface Prediction {
  category: Category;
  /** Posterior probability of the winner among the allowed categories. */
  p: number;
}

export class NaiveBayes {
  private readonly logPrior: number[];
  private readonly logLik = new Map<string, Float64Array>();
  private readonly logUnseen: number[];

  constructor(readonly file: ModelFile) {
    const k = file.categories.length;
    const total = file.docs.reduce((a, b) => a + b, 0);
    this.logPrior = file.docs.map((d) => Math.log((d + 1) / (total + k)));
    const perCategory = new Array<number>(k).fill(0);
    const vocab = Object.keys(file.counts).length;
    for (const counts of Object.values(file.counts)) {
      for (let i = 0; i < counts.length; i++) perCategory[i]! += counts[i]!;
    }
    this.logUnseen = perCategory.map((t) => Math.log(1 / (t + vocab)));
    for (const [feature, counts] of Object.entries(file.counts)) {
      this.logLik.set(
        feature,
        Float64Array.from(counts, (c, i) => Math.log((c + 1) / (perCategory[i]! + vocab))),
      );
    }
  }

  /** Best category among `allowed` (all when omitted); unknown features are skipped. */
  predict(feats: readonly string[], allowed?: ReadonlySet<Category>): Prediction {
    const cats = this.file.categories;
    const scores = this.logPrior.slice();
    let known = 0;
    const temper = 1 / tuning.temper;
    for (const f of feats) {
      const lik = this.logLik.get(f);
      if (lik === undefined) continue;
      known++;
      // Overlapping n-grams of one word are far from independent: their evidence is tempered,
      // the channel and sign (one feature each) count in full.
      const w = f.charCodeAt(1) === 58 /* ':' */ && (f[0] === 'c' || f[0] === 's') ? 1 : temper;
      for (let i = 0; i < scores.length; i++) scores[i]! += w * lik[i]!;
    }
    let best = -1;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < scores.length; i++) {
      if (allowed !== undefined && !allowed.has(cats[i]!)) continue;
      if (scores[i]! > max) {
        max = scores[i]!;
        best = i;
      }
    }
    let sum = 0;
    for (let i = 0; i < scores.length; i++) {
      if (allowed !== undefined && !allowed.has(cats[i]!)) continue;
      sum += Math.exp(scores[i]! - max);
    }
    // With no known feature the prior alone speaks: no confidence at all.
    return { category: cats[best]!, p: known === 0 ? 0 : 1 / sum };
  }
}

/** Counts the features of labelled rows (deterministic: insertion order, integer counts). */
export function train(
  rows: ReadonlyArray<{ feats: readonly string[]; category: Category }>,
  categories: readonly Category[],
  minCount = 2,
): ModelFile {
  const index = new Map(categories.map((c, i) => [c, i]));
  const docs = new Array<number>(categories.length).fill(0);
  const counts = new Map<string, number[]>();
  for (const row of rows) {
    const i = index.get(row.category)!;
    docs[i]!++;
    for (const f of row.feats) {
      let c = counts.get(f);
      if (c === undefined) {
        c = new Array<number>(categories.length).fill(0);
        counts.set(f, c);
      }
      c[i]!++;
    }
  }
  const kept: Record<string, number[]> = {};
  for (const f of [...counts.keys()].sort()) {
    const c = counts.get(f)!;
    if (c.reduce((a, b) => a + b, 0) >= minCount) kept[f] = c;
  }
  return { categories: [...categories], docs, counts: kept };
}

let shipped: NaiveBayes | undefined;

/** The shipped model (built once, on first use). */
export function shippedModel(): NaiveBayes {
  shipped ??= new NaiveBayes(modelJson as unknown as ModelFile);
  return shipped;
}

/**
 * Replaces the model the categoriser consults (a cross-validation fold's model, eval/dev/cv.ts);
 * `null` restores the shipped one. Development only: the server never calls it.
 */
export function useModel(file: ModelFile | null): void {
  shipped = file === null ? undefined : new NaiveBayes(file);
}
