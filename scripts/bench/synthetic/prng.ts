// A small seeded pseudo-random generator for the synthetic benchmark corpus: the same seed gives
// the same sequence on every platform (sfc32 over 32-bit integer arithmetic, seeded by a string
// hash), so that a corpus is byte-identical for a given seed.

/** 32-bit FNV-1a hash of a string, mixed with murmur3's finaliser. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** an item by weight: [[item, weight], …] */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** a shuffled copy (Fisher–Yates) */
  shuffle<T>(items: readonly T[]): T[];
  /** log-uniform integer in [lo, hi] (small values as likely per decade as large ones) */
  logInt(lo: number, hi: number): number;
}

/** A generator seeded by any number of keys (seed, township code, year, …). */
export function createRng(...keys: (string | number)[]): Rng {
  const key = keys.join("\u0001");
  let a = hash32(`a${key}`);
  let b = hash32(`b${key}`);
  let c = hash32(`c${key}`);
  let d = hash32(`d${key}`) | 1;
  const next32 = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  const next = () => next32() / 4294967296;
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    logInt: (lo, hi) => {
      const v = Math.exp(Math.log(lo) + next() * (Math.log(hi + 1) - Math.log(lo)));
      return Math.min(hi, Math.max(lo, Math.floor(v)));
    },
  };
  return rng;
}
