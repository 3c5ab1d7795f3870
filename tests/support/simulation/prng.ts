/**
 * sfc32, a small fast PRNG (Chris Doty-Humphrey's PractRand suite), seeded
 * from one 32-bit number: the same seed gives the same run, which is what
 * lets a failing simulation be replayed.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(readonly seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = seed >>> 0;
    // Mixes the seed in before the first number is used.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Some of `items`, in their order, at most `max`. */
  subset<T>(items: readonly T[], max: number): T[] {
    const chosen = items.filter(() => this.chance(0.3));
    return chosen.slice(0, max);
  }

  /** An independent generator derived from this one (e.g. for event ids), so other draws do not shift. */
  fork(): Random {
    return new Random(this.nextUint32());
  }

  /** A version-4-shaped UUID from this generator. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      this.nextUint32().toString(16).padStart(8, '0'),
    ).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** The seed of a run: KASDESA_SIM_SEED when set (replay), else a fresh one. */
export function seedFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.KASDESA_SIM_SEED;
  if (text === undefined || text === '') return undefined;
  const seed = Number.parseInt(text, 10);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`KASDESA_SIM_SEED must be an integer in [0, 2^32): ${text}`);
  return seed;
}
