/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same
 * demo regency on every machine, so the demo and its tests are deterministic.
 */
export interface Random {
  /** A whole number in [0, bound). */
  below(bound: number): number;
  /** A whole number in [min, max]. */
  between(min: bigint, max: bigint): bigint;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const below = (bound: number) => Math.floor(next() * bound);
  return {
    below,
    between: (min, max) =>
      min + (BigInt(Math.floor(next() * 2 ** 32)) * (max - min + 1n)) / 2n ** 32n,
    pick: (items) => items[below(items.length)]!,
  };
}
